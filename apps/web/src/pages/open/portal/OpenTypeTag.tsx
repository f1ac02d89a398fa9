import { Tag } from 'antd';
import { useI18n } from '../../../i18n/useT';

/** 无条件开放 (green) or 有条件开放 (orange, R19.2: apply first). */
export function OpenTypeTag({ openType }: { readonly openType: 'unconditional' | 'conditional' }) {
  const { t } = useI18n();
  return (
    <Tag color={openType === 'unconditional' ? 'success' : 'warning'} variant="outlined" data-testid="open-type">
      {t(openType === 'unconditional' ? 'open.portal.openType.unconditional' : 'open.portal.openType.conditional')}
    </Tag>
  );
}
