import { Typography } from 'antd';
import { describeMask, type MaskKind } from '@gongshu/domain';
import { useI18n, useT } from '../../../i18n/useT';

const KNOWN = ['none', 'citizen_id', 'phone', 'name', 'address', 'keep', 'hash', 'null', 'year'] as const;
type KnownMask = (typeof KNOWN)[number];
const isKnown = (mask: string): mask is KnownMask => (KNOWN as readonly string[]).includes(mask);

/**
 * How the exit masks a field (R29.1), in words with an example; an unknown mask shows its code.
 * With the whole rule, keep(first, last) says how many characters stay.
 */
export function MaskText({ mask, rule }: { readonly mask: string; readonly rule?: MaskKind | undefined }) {
  const t = useT();
  const { pick } = useI18n();
  if (rule?.kind === 'keep') return <span data-testid="mask-text">{pick(describeMask(rule))}</span>;
  if (!isKnown(mask)) return <code className="gs-mono">{mask}</code>;
  if (mask === 'none') return <Typography.Text type="secondary">{t('share.mask.none')}</Typography.Text>;
  return <span data-testid="mask-text">{t(`share.mask.${mask}`)}</span>;
}
