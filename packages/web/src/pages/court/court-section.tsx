import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A titled card of the court case page (its title a level-2 heading, as the page's outline and tests read it). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}
