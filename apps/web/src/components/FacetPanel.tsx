import { Button, Card } from 'antd';
import { useId, useState } from 'react';
import { useI18n } from '../i18n/useT';

/** One value of a facet with the number of matches that have it. */
export interface FacetBucket {
  readonly value: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly count: number;
}

/** The panel's words, from the page's own dictionary keys. */
export interface FacetPanelText<F extends string> {
  readonly heading: string;
  readonly clear: string;
  readonly less: string;
  readonly more: (count: number) => string;
  readonly title: (facet: F) => string;
}

export interface FacetPanelProps<F extends string> {
  /** The facets in the order shown; a facet without values is left out. */
  readonly order: readonly F[];
  readonly facets: Readonly<Record<F, readonly FacetBucket[]>> | undefined;
  readonly selected: (facet: F) => string | null;
  readonly onSelect: (facet: F, value: string | null) => void;
  readonly onClear: () => void;
  readonly text: FacetPanelText<F>;
  /** Prefix of the test ids (`facet-panel`, `facets-clear`, `facet-<facet>`, `facet-value`). */
  readonly testIdPrefix: string;
  readonly headingTestId?: string;
}

/** Long facets (providers, classifications) show this many values until expanded. */
const SHOWN = 8;

interface FacetGroupProps<F extends string> {
  readonly facet: F;
  readonly values: readonly FacetBucket[];
  readonly selected: string | null;
  readonly onSelect: (facet: F, value: string | null) => void;
  readonly text: FacetPanelText<F>;
  readonly testIdPrefix: string;
}

function FacetGroup<F extends string>({ facet, values, selected, onSelect, text, testIdPrefix }: FacetGroupProps<F>) {
  const { pick } = useI18n();
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? values : values.slice(0, SHOWN);
  return (
    <div className="gs-facet" role="group" aria-labelledby={headingId} data-testid={`${testIdPrefix}facet-${facet}`}>
      <h3 id={headingId} className="gs-facet-title">
        {text.title(facet)}
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
              data-testid={`${testIdPrefix}facet-value`}
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
          {expanded ? text.less : text.more(values.length - SHOWN)}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The facets of the current matches, each value with its count, for the catalog and the open
 * portal. One value per facet filters at a time (pressed); pressing it again, or "clear", lifts
 * the filter.
 */
export function FacetPanel<F extends string>({
  order,
  facets,
  selected,
  onSelect,
  onClear,
  text,
  testIdPrefix,
  headingTestId,
}: FacetPanelProps<F>) {
  const active = order.some((facet) => selected(facet) !== null);
  return (
    <Card
      size="small"
      title={
        <h2 className="gs-card-title" data-testid={headingTestId}>
          {text.heading}
        </h2>
      }
      extra={
        active ? (
          <Button type="link" size="small" onClick={onClear} data-testid={`${testIdPrefix}facets-clear`}>
            {text.clear}
          </Button>
        ) : null
      }
      data-testid={`${testIdPrefix}facet-panel`}
    >
      {order.map((facet) => {
        const values = facets?.[facet] ?? [];
        if (values.length === 0) return null;
        return (
          <FacetGroup
            key={facet}
            facet={facet}
            values={values}
            selected={selected(facet)}
            onSelect={onSelect}
            text={text}
            testIdPrefix={testIdPrefix}
          />
        );
      })}
    </Card>
  );
}
