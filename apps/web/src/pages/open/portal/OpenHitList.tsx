import type { PortalSearchHit } from '@gongshu/contracts';
import { Space, Tag } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { SearchHitList } from '../../catalog/browse/SearchHitList';
import { termLabel } from '../../catalog/shared/vocabulary';
import { chinaDate } from '../../shared/labels';
import { OpenTypeTag } from './OpenTypeTag';
import { UsageLine } from './UsageLine';

/** The matches: name (a link to the resource's page) and summary with the query marked, and the facts. */
export function OpenHitList({ hits, emptyText }: { readonly hits: readonly PortalSearchHit[]; readonly emptyText: string }) {
  const { t, pick } = useI18n();
  return (
    <SearchHitList
      hits={hits}
      emptyText={emptyText}
      linkTo={(hit) => `/open/resources/${hit.id}`}
      testIdPrefix="open-"
      footer={(hit) => (
        <>
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
        </>
      )}
    />
  );
}
