import type { PortalSearchHit } from '@gongshu/contracts';
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { Highlighted } from '../../catalog/browse/Highlighted';
import { termLabel } from '../../catalog/shared/vocabulary';
import { chinaDate } from '../../shared/labels';
import { OpenTypeTag } from './OpenTypeTag';
import { UsageLine } from './UsageLine';

/** The matches: name (a link to the resource's page) and summary with the query marked, and the facts. */
export function OpenHitList({ hits, emptyText }: { readonly hits: readonly PortalSearchHit[]; readonly emptyText: string }) {
  const { t, pick } = useI18n();
  if (hits.length === 0) {
    return (
      <div className="gs-empty-block">
        <EmptyText>{emptyText}</EmptyText>
      </div>
    );
  }
  return (
    <ol className="gs-hits" data-testid="open-hit-list">
      {hits.map((hit) => (
        <li key={hit.id} className="gs-hit-item" data-testid="open-hit">
          <h3 className="gs-hit-title">
            <Link to={`/open/resources/${hit.id}`} data-testid="open-hit-link">
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
            <Space size={[4, 4]} wrap>
              <OpenTypeTag openType={hit.openType} />
              <Tag variant="outlined">
                {t('open.portal.card.frequency', { value: termLabel(pick, 'updateFrequency', hit.updateFrequency) })}
              </Tag>
              <Tag variant="outlined">{hit.classification.name}</Tag>
            </Space>
            <span className="gs-hit-facts">
              <span data-testid="open-hit-provider">{hit.provider.name}</span>
              <span>{t('open.portal.card.updated', { date: chinaDate(hit.updatedAt) })}</span>
              <UsageLine usage={hit.usage} />
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
