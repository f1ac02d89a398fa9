/** Text with the matched parts of a search marked (<mark>), as the API segmented it. */
export function Highlighted({ segments }: { readonly segments: readonly { readonly text: string; readonly hit: boolean }[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="gs-hit" data-testid="hit-mark">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
