import type { SearchHit } from '@gongshu/contracts';
import { useI18n } from '../../../i18n/useT';
import { chinaDate } from '../../shared/labels';
import { AttributeTags } from '../shared/AttributeTags';
import { SearchHitList } from './SearchHitList';

/** The matches of a catalog search: name and summary with the query marked, code, provider and attributes. */
export function HitList({ hits, emptyText }: { readonly hits: readonly SearchHit[]; readonly emptyText: string }) {
  const { t } = useI18n();
  return (
    <SearchHitList
      hits={hits}
      emptyText={emptyText}
      linkTo={(hit) => `/catalog/resources/${hit.id}`}
      testIdPrefix=""
      footer={(hit) => (
        <>
          <AttributeTags attributes={hit} />
          <span className="gs-hit-facts">
            <span data-testid="hit-provider">{hit.provider.name}</span>
            <span>{t('catalog.hit.fields', { count: hit.fieldCount })}</span>
            <span>{t('catalog.hit.published', { date: chinaDate(hit.publishedAt) })}</span>
          </span>
        </>
      )}
    />
  );
}
