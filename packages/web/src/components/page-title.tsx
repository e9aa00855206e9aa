import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useI18n } from '../i18n/index.ts';

/** Sets `document.title` to "<page> · 诉调通". */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

/** The page's single h1 plus optional actions on the right; also sets the document title. */
export function PageHeading({ title, extra, sub }: { title: string; extra?: ReactNode; sub?: ReactNode }) {
  usePageTitle(title);
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        flexWrap: 'wrap',
        marginBottom: 16,
      }}
    >
      {/* Grows and may shrink, but never below a line's width: a narrow screen puts `extra` under it instead. */}
      <div className="page-heading-title">
        <h1 style={{ fontSize: 22, margin: 0, fontWeight: 600 }}>{title}</h1>
        {sub ? <div style={{ marginTop: 4, color: 'rgba(0,0,0,0.7)' }}>{sub}</div> : null}
      </div>
      {extra ? <div>{extra}</div> : null}
    </div>
  );
}
