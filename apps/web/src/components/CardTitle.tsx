/** A card's heading: an h2 in the card-title style (pages have one h1; cards are their sections). */
export function CardTitle({ children, testId }: { readonly children: string; readonly testId?: string }) {
  return (
    <h2 className="gs-card-title" data-testid={testId}>
      {children}
    </h2>
  );
}
