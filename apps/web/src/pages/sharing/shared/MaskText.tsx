import { Typography } from 'antd';
import { useT } from '../../../i18n/useT';

const KNOWN = ['none', 'citizen_id', 'phone', 'name', 'address', 'keep', 'hash', 'null', 'year'] as const;
type KnownMask = (typeof KNOWN)[number];
const isKnown = (mask: string): mask is KnownMask => (KNOWN as readonly string[]).includes(mask);

/** How the exit masks a field (R29.1), in words with an example; an unknown mask shows its code. */
export function MaskText({ mask }: { readonly mask: string }) {
  const t = useT();
  if (!isKnown(mask)) return <code className="gs-mono">{mask}</code>;
  if (mask === 'none') return <Typography.Text type="secondary">{t('share.mask.none')}</Typography.Text>;
  return <span data-testid="mask-text">{t(`share.mask.${mask}`)}</span>;
}
