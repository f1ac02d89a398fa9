import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyText } from '../../../components/EmptyText';
import { Highlighted } from './Highlighted';

/** What every search hit shows: its name and summary with the query marked, code and English name. */
export interface SearchHitBase {
  readonly id: string;
  readonly code: string;
  readonly nameEn: string | null;
  readonly highlight: {
    readonly name: readonly { text: string; hit: boolean }[];
    readonly summary: readonly { text: string; hit: boolean }[];
  };
}

export interface SearchHitListProps<H extends SearchHitBase> {
  readonly hits: readonly H[];
  readonly emptyText: string;
  /** The page of a hit (the catalog's resource page or the portal's). */
  readonly linkTo: (hit: H) => string;
  /** The facts under the summary: tags and figures of the hit. */
  readonly footer: (hit: H) => ReactNode;
  /** Prefix of the test ids (`hit-list`, `hit`, `hit-link`). */
  readonly testIdPrefix: string;
}

/** The matches of a search, for the catalog and the open portal: name (a link), code, summary, then the footer. */
export function SearchHitList<H extends SearchHitBase>({ hits, emptyText, linkTo, footer, testIdPrefix }: SearchHitListProps<H>) {
  if (hits.length === 0) {
    return (
      <div className="gs-empty-block">
        <EmptyText>{emptyText}</EmptyText>
      </div>
    );
  }
  return (
    <ol className="gs-hits" data-testid={`${testIdPrefix}hit-list`}>
      {hits.map((hit) => (
        <li key={hit.id} className="gs-hit-item" data-testid={`${testIdPrefix}hit`}>
          <h3 className="gs-hit-title">
            <Link to={linkTo(hit)} data-testid={`${testIdPrefix}hit-link`}>
              <Highlighted segments={hit.highlight.name} />
            </Link>
          </h3>
          <div className="gs-hit-meta">
            <code className="gs-mono">{hit.code}</code>
            {hit.nameEn ? <span lang="en">{hit.nameEn}</span> : null}
          </div>
          <Typography.Paragraph className="gs-hit-summary" ellipsis={{ rows: 2 }}>
            <Highlighted segments={hit.highlight.summary} />
          </Typography.Paragraph>
          <div className="gs-hit-footer">{footer(hit)}</div>
        </li>
      ))}
    </ol>
  );
}
