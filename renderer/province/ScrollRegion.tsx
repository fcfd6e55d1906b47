import type { ReactNode } from 'react';

/**
 * A box that scrolls on its own (a list of 130 units, a table of 135 rows): it takes the keyboard
 * focus so it can be scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className = 'hub-table-wrap',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard (see above).
    <div className={className} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
