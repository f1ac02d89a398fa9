import type { ReactNode } from 'react';

/**
 * A wide table in a narrow column scrolls sideways: the region is focusable and named, so
 * keyboards can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  testId,
  children,
}: {
  readonly label: string;
  readonly testId?: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="gs-scroll-x" tabIndex={0} role="region" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}
