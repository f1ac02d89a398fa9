import type { SearchHit } from '@gongshu/contracts';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { chinaDate } from '../../shared/labels';
import { AttributeTags } from '../shared/AttributeTags';
import { Highlighted } from './Highlighted';

/** The matches of a search: name and summary with the query marked, code, provider and attributes. */
export function HitList({ hits, emptyText }: { readonly hits: readonly SearchHit[]; readonly emptyText: string }) {
  const { t } = useI18n();
  if (hits.length === 0) {
    return (
      <div className="gs-empty-block">
        <EmptyText>{emptyText}</EmptyText>
      </div>
    );
  }
  return (
    <ol className="gs-hits" data-testid="hit-list">
      {hits.map((hit) => (
        <li key={hit.id} className="gs-hit-item" data-testid="hit">
          <h3 className="gs-hit-title">
            <Link to={`/catalog/resources/${hit.id}`} data-testid="hit-link">
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
          <div className="gs-hit-footer">
            <AttributeTags attributes={hit} />
            <span className="gs-hit-facts">
              <span data-testid="hit-provider">{hit.provider.name}</span>
              <span>{t('catalog.hit.fields', { count: hit.fieldCount })}</span>
              <span>{t('catalog.hit.published', { date: chinaDate(hit.publishedAt) })}</span>
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
