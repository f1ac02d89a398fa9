import type { SearchResult } from '@gongshu/contracts';
import { Button, Card } from 'antd';
import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/useT';
import { FACETS, type Facet } from './searchParams';

type FacetValue = SearchResult['facets'][Facet][number];

/** Long facets (providers, classifications) show this many values until expanded. */
const SHOWN = 8;

interface FacetGroupProps {
  readonly facet: Facet;
  readonly values: readonly FacetValue[];
  readonly selected: string | null;
  readonly onSelect: (facet: Facet, value: string | null) => void;
}

function FacetGroup({ facet, values, selected, onSelect }: FacetGroupProps) {
  const { t, pick } = useI18n();
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? values : values.slice(0, SHOWN);
  return (
    <div className="gs-facet" role="group" aria-labelledby={headingId} data-testid={`facet-${facet}`}>
      <h3 id={headingId} className="gs-facet-title">
        {t(`catalog.facet.${facet}`)}
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
              data-testid="facet-value"
            >
              {pick(entry.label)}
              <span className="gs-facet-count">{entry.count}</span>
            </button>
          );
        })}
      </div>
      {values.length > SHOWN ? (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? t('catalog.facet.less') : t('catalog.facet.more', { count: values.length - SHOWN })}
        </Button>
      ) : null}
    </div>
  );
}

export interface FacetPanelProps {
  readonly facets: SearchResult['facets'] | undefined;
  readonly selected: (facet: Facet) => string | null;
  readonly onSelect: (facet: Facet, value: string | null) => void;
  readonly onClear: () => void;
}

/**
 * The facets of the current matches, each value with its count. One value per facet filters at a
 * time (pressed); pressing it again, or "clear", lifts the filter.
 */
export function FacetPanel({ facets, selected, onSelect, onClear }: FacetPanelProps) {
  const t = useI18n().t;
  const active = FACETS.some((facet) => selected(facet) !== null);
  return (
    <Card
      size="small"
      title={
        <h2 className="gs-card-title" data-testid="facets-heading">
          {t('catalog.facet.heading')}
        </h2>
      }
      extra={
        active ? (
          <Button type="link" size="small" onClick={onClear} data-testid="facets-clear">
            {t('catalog.facet.clear')}
          </Button>
        ) : null
      }
      data-testid="facet-panel"
    >
      {FACETS.map((facet) => {
        const values = facets?.[facet] ?? [];
        if (values.length === 0) return null;
        return <FacetGroup key={facet} facet={facet} values={values} selected={selected(facet)} onSelect={onSelect} />;
      })}
    </Card>
  );
}
