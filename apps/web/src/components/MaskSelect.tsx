import { describeMask, isAtLeast, type MaskKind } from '@gongshu/domain';
import { Select } from 'antd';
import { useI18n } from '../i18n/useT';

const keep = (first: number, last: number): MaskKind => ({ kind: 'keep', first, last });

/** The masks offered, weakest first (masking/grading.ts orders them); keep has a few usual widths. */
const PRESETS: readonly MaskKind[] = [
  { kind: 'none' },
  keep(1, 1),
  keep(1, 0),
  keep(0, 4),
  keep(3, 4),
  { kind: 'citizen_id' },
  { kind: 'phone' },
  { kind: 'name' },
  { kind: 'address' },
  { kind: 'year' },
  { kind: 'hash' },
  { kind: 'null' },
];

/** A mask as a select value: its kind, or keep:first:last. */
export function maskKey(mask: MaskKind): string {
  return mask.kind === 'keep' ? `keep:${mask.first}:${mask.last}` : mask.kind;
}

/** The mask of a select value (undefined for an unknown text). */
export function maskOfKey(key: string | undefined | null): MaskKind | undefined {
  if (!key) return undefined;
  const keepMatch = /^keep:(\d+):(\d+)$/.exec(key);
  if (keepMatch) return keep(Number(keepMatch[1]), Number(keepMatch[2]));
  return PRESETS.find((m) => m.kind === key && m.kind !== 'keep');
}

export interface MaskSelectProps {
  /** The chosen mask (a maskKey), or undefined for the default. */
  readonly value?: string | undefined;
  readonly onChange?: (value: string | undefined) => void;
  /** The weakest mask allowed: the grading minimum, or the field's default on a grant. */
  readonly minimum: MaskKind;
  readonly ariaLabel: string;
  readonly testId?: string;
  readonly disabled?: boolean;
}

/**
 * A mask of one field (R29.1): the default shown as the placeholder, weaker masks disabled with
 * the reason as their tooltip; clearing goes back to the default.
 */
export function MaskSelect({ value, onChange, minimum, ariaLabel, testId, disabled }: MaskSelectProps) {
  const { t, pick } = useI18n();
  const chosen = maskOfKey(value);
  const masks = chosen && !PRESETS.some((m) => maskKey(m) === maskKey(chosen)) ? [...PRESETS, chosen] : PRESETS;
  const minimumText = pick(describeMask(minimum));
  const options = masks.map((mask) => {
    const weaker = !isAtLeast(mask, minimum);
    return {
      value: maskKey(mask),
      label: pick(describeMask(mask)),
      disabled: weaker,
      title: weaker ? t('security.masking.weaker', { mask: minimumText }) : pick(describeMask(mask)),
    };
  });
  return (
    <Select
      allowClear
      value={value ?? null}
      onChange={(next: string | null | undefined) => onChange?.(next ?? undefined)}
      options={options}
      placeholder={t('security.masking.default', { mask: minimumText })}
      aria-label={ariaLabel}
      data-testid={testId}
      disabled={disabled}
      style={{ width: '100%', minWidth: 160 }}
      popupMatchSelectWidth={false}
    />
  );
}
