import type { PortalSearchResult } from '@gongshu/contracts';
import { FacetPanel } from '../../../components/FacetPanel';
import type { MessageKey } from '../../../i18n/zh';
import { useI18n } from '../../../i18n/useT';
import { OPEN_FACETS, type OpenFacet } from './openSearchParams';

const TITLES: Record<OpenFacet, MessageKey> = {
  openType: 'open.portal.facet.openType',
  provider: 'open.portal.facet.provider',
  classification: 'open.portal.facet.classification',
  sector: 'open.portal.facet.sector',
  updateFrequency: 'open.portal.facet.updateFrequency',
  formatCategory: 'open.portal.facet.formatCategory',
};

/** The facets of the current matches with counts (components/FacetPanel with the portal's words and test ids). */
export function OpenFacetPanel(props: {
  readonly facets: PortalSearchResult['facets'] | undefined;
  readonly selected: (facet: OpenFacet) => string | null;
  readonly onSelect: (facet: OpenFacet, value: string | null) => void;
  readonly onClear: () => void;
}) {
  const { t } = useI18n();
  return (
    <FacetPanel
      {...props}
      order={OPEN_FACETS}
      text={{
        heading: t('open.portal.facet.heading'),
        clear: t('open.portal.facet.clear'),
        less: t('open.portal.facet.less'),
        more: (count) => t('open.portal.facet.more', { count }),
        title: (facet) => t(TITLES[facet]),
      }}
      testIdPrefix="open-"
    />
  );
}
