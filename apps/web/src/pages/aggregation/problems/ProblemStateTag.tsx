import { Tag } from 'antd';
import type { ProblemState } from '../../../api/data';
import { useT } from '../../../i18n/useT';

const COLOR: Record<ProblemState, string> = {
  open: 'error',
  fixed: 'processing',
  confirmed: 'success',
  dismissed: 'default',
};

/** 待处理, 已修正, 已确认 or 已驳回 (R12.2). */
export function ProblemStateTag({ state }: { readonly state: ProblemState }) {
  const t = useT();
  return (
    <Tag color={COLOR[state]} data-testid="problem-state" data-state={state}>
      {t(`data.problem.state.${state}`)}
    </Tag>
  );
}
