import type { SearchResult } from '@gongshu/contracts';
import { FacetPanel as SharedFacetPanel } from '../../../components/FacetPanel';
import { useI18n } from '../../../i18n/useT';
import { FACETS, type Facet } from './searchParams';

export interface FacetPanelProps {
  readonly facets: SearchResult['facets'] | undefined;
  readonly selected: (facet: Facet) => string | null;
  readonly onSelect: (facet: Facet, value: string | null) => void;
  readonly onClear: () => void;
}

/** The catalog's facets (components/FacetPanel with the catalog's words and test ids). */
export function FacetPanel(props: FacetPanelProps) {
  const { t } = useI18n();
  return (
    <SharedFacetPanel
      {...props}
      order={FACETS}
      text={{
        heading: t('catalog.facet.heading'),
        clear: t('catalog.facet.clear'),
        less: t('catalog.facet.less'),
        more: (count) => t('catalog.facet.more', { count }),
        title: (facet) => t(`catalog.facet.${facet}`),
      }}
      testIdPrefix=""
      headingTestId="facets-heading"
    />
  );
}
