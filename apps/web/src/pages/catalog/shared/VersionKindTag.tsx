import { Tag } from 'antd';
import { useT } from '../../../i18n/useT';

/** 新登记 (a first registration) or 变更 (a change request, R10.3). */
export function VersionKindTag({ kind }: { readonly kind: 'initial' | 'change' }) {
  const t = useT();
  return (
    <Tag color={kind === 'change' ? 'purple' : 'blue'} variant="outlined" data-testid="version-kind">
      {t(`catalog.kind.${kind}`)}
    </Tag>
  );
}
