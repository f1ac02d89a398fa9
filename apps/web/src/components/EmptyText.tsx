/** The "nothing here" text of lists and tables, in a colour with enough contrast (WCAG AA). */
export function EmptyText({ children }: { readonly children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.62)' }}>{children}</span>;
}
