import { Tag } from 'antd';
import type { LoadState } from '../../../api/data';
import { useT } from '../../../i18n/useT';

const COLOR: Record<LoadState, string> = {
  queued: 'default',
  running: 'processing',
  loaded: 'success',
  rejected: 'error',
  failed: 'error',
};

/** 排队中, 处理中, 已入库, 已拒收 or 失败. */
export function LoadStateTag({ state }: { readonly state: LoadState }) {
  const t = useT();
  return (
    <Tag color={COLOR[state]} data-testid="load-state" data-state={state}>
      {t(`data.load.state.${state}`)}
    </Tag>
  );
}
