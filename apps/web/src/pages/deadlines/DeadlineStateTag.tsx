import type { PendingItem } from '@gongshu/contracts';
import { Tag } from 'antd';
import { useT } from '../../i18n/useT';

const COLOR = { open: 'processing', overdue: 'error', met: 'success', cancelled: 'default' } as const;

/** The state of a step on the clock: 办理中, 已超期, 已办结, 已撤销. */
export function DeadlineStateTag({ state }: { readonly state: PendingItem['state'] }) {
  const t = useT();
  return (
    <Tag color={COLOR[state]} data-testid="deadline-state">
      {t(`deadline.state.${state}`)}
    </Tag>
  );
}
