import { Tag } from 'antd';
import type { ShareState } from '../../../api/sharing';
import { useT } from '../../../i18n/useT';

const COLOR: Record<ShareState, string> = {
  formal_review: 'processing',
  provider_review: 'processing',
  provider_answer: 'processing',
  escalated: 'purple',
  consultation: 'warning',
  granted: 'success',
  answered: 'success',
  rejected: 'error',
  closed: 'default',
  withdrawn: 'default',
};

/** 形式审核中, 提供方审核中, 已授权, 已驳回 …: where a request stands. */
export function ShareStateTag({ state }: { readonly state: ShareState }) {
  const t = useT();
  return (
    <Tag color={COLOR[state]} data-testid="share-state" data-state={state}>
      {t(`share.state.${state}`)}
    </Tag>
  );
}
