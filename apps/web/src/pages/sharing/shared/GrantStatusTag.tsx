import { Tag } from 'antd';
import type { GrantStatus } from '../../../api/sharing';
import { useT } from '../../../i18n/useT';

const COLOR: Record<GrantStatus, string> = {
  active: 'success',
  pending: 'processing',
  expired: 'default',
  suspended: 'warning',
  revoked: 'error',
};

/** 有效, 未生效, 已过期, 已暂停, 已撤销: a grant as the exit sees it now. */
export function GrantStatusTag({ status }: { readonly status: GrantStatus }) {
  const t = useT();
  return (
    <Tag color={COLOR[status]} data-testid="grant-status" data-status={status}>
      {t(`share.grant.status.${status}`)}
    </Tag>
  );
}
