import type { PortalSearchResult } from '@gongshu/contracts';
import { Button, Card } from 'antd';
import { useId, useState } from 'react';
import type { MessageKey } from '../../../i18n/zh';
import { useI18n } from '../../../i18n/useT';
import { OPEN_FACETS, type OpenFacet } from './openSearchParams';

type Bucket = PortalSearchResult['facets'][OpenFacet][number];

const SHOWN = 8;

const TITLES: Record<OpenFacet, MessageKey> = {
  openType: 'open.portal.facet.openType',
  provider: 'open.portal.facet.provider',
  classification: 'open.portal.facet.classification',
  sector: 'open.portal.facet.sector',
  updateFrequency: 'open.portal.facet.updateFrequency',
  formatCategory: 'open.portal.facet.formatCategory',
};

function FacetGroup({
  facet,
  values,
  selected,
  onSelect,
}: {
  readonly facet: OpenFacet;
  readonly values: readonly Bucket[];
  readonly selected: string | null;
  readonly onSelect: (facet: OpenFacet, value: string | null) => void;
}) {
  const { t, pick } = useI18n();
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? values : values.slice(0, SHOWN);
  return (
    <div className="gs-facet" role="group" aria-labelledby={headingId} data-testid={`open-facet-${facet}`}>
      <h3 id={headingId} className="gs-facet-title">
        {t(TITLES[facet])}
      </h3>
      <div className="gs-facet-values">
        {visible.map((entry) => {
          const pressed = entry.value === selected;
          return (
            <button
              key={entry.value}
              type="button"
              className="gs-facet-chip"
              aria-pressed={pressed}
              onClick={() => onSelect(facet, pressed ? null : entry.value)}
              data-testid="open-facet-value"
            >
              {pick(entry.label)}
              <span className="gs-facet-count">{entry.count}</span>
            </button>
          );
        })}
      </div>
      {values.length > SHOWN ? (
        <Button type="link" size="small" style={{ paddingInline: 0 }} aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
          {expanded ? t('open.portal.facet.less') : t('open.portal.facet.more', { count: values.length - SHOWN })}
        </Button>
      ) : null}
    </div>
  );
}

/** The facets of the current matches with counts; one value per facet filters, pressing it again lifts it. */
export function OpenFacetPanel({
  facets,
  selected,
  onSelect,
  onClear,
}: {
  readonly facets: PortalSearchResult['facets'] | undefined;
  readonly selected: (facet: OpenFacet) => string | null;
  readonly onSelect: (facet: OpenFacet, value: string | null) => void;
  readonly onClear: () => void;
}) {
  const { t } = useI18n();
  const active = OPEN_FACETS.some((facet) => selected(facet) !== null);
  return (
    <Card
      size="small"
      title={<h2 className="gs-card-title">{t('open.portal.facet.heading')}</h2>}
      extra={
        active ? (
          <Button type="link" size="small" onClick={onClear} data-testid="open-facets-clear">
            {t('open.portal.facet.clear')}
          </Button>
        ) : null
      }
      data-testid="open-facet-panel"
    >
      {OPEN_FACETS.map((facet) => {
        const values = facets?.[facet] ?? [];
        if (values.length === 0) return null;
        return <FacetGroup key={facet} facet={facet} values={values} selected={selected(facet)} onSelect={onSelect} />;
      })}
    </Card>
  );
}
