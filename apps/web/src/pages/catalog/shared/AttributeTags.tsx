import type { SearchHit } from '@gongshu/contracts';
import { Space, Tag } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { securityLevelLabel, termLabel } from './vocabulary';

export type Attributes = Pick<SearchHit, 'shareType' | 'openType' | 'securityLevel' | 'updateFrequency' | 'formatCategory'>;

const OPENNESS_COLOR = { unconditional: 'success', conditional: 'warning', none: 'default' } as const;

/** An entry's attributes at a glance: share and open type, security level, update frequency, format. */
export function AttributeTags({ attributes }: { readonly attributes: Attributes }) {
  const { t, pick } = useI18n();
  return (
    <Space size={[4, 4]} wrap data-testid="attribute-tags">
      <Tag color={OPENNESS_COLOR[attributes.shareType]} variant="outlined">
        {termLabel(pick, 'shareType', attributes.shareType)}
      </Tag>
      <Tag color={OPENNESS_COLOR[attributes.openType]} variant="outlined">
        {termLabel(pick, 'openType', attributes.openType)}
      </Tag>
      <Tag color={attributes.securityLevel >= 3 ? 'error' : 'default'} variant="outlined">
        {securityLevelLabel(pick, attributes.securityLevel)}
      </Tag>
      <Tag variant="outlined">{t('catalog.attr.frequency', { value: termLabel(pick, 'updateFrequency', attributes.updateFrequency) })}</Tag>
      <Tag variant="outlined">{termLabel(pick, 'formatCategory', attributes.formatCategory)}</Tag>
    </Space>
  );
}
