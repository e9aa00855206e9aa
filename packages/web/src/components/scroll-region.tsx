import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways inside this region, which keyboard users can focus and scroll
 * (WCAG 2.1.1; axe scrollable-region-focusable) even when the table itself holds nothing focusable.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section aria-label={label} tabIndex={0} className="scroll-region">
      {children}
    </section>
  );
}
