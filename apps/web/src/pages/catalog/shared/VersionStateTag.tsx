import { Tag } from 'antd';
import type { VersionState } from '../../../api/catalog';
import { useT } from '../../../i18n/useT';

const COLOR: Record<VersionState, string> = {
  draft: 'default',
  submitted: 'processing',
  downgrade_review: 'warning',
  returned: 'error',
  published: 'success',
  superseded: 'default',
  withdrawn: 'default',
};

/** 草稿, 待审核, 待降级审批, 已退回, 已发布, 历史版本 or 已撤回. */
export function VersionStateTag({ state }: { readonly state: VersionState }) {
  const t = useT();
  return (
    <Tag color={COLOR[state]} data-testid="version-state" data-state={state}>
      {t(`catalog.state.${state}`)}
    </Tag>
  );
}
