import type { Rectification } from '@gongshu/contracts';
import { Tag } from 'antd';
import { useT } from '../../i18n/useT';

const COLOR = { open: 'processing', reported: 'warning', closed: 'success' } as const;

/** 待整改, 待审核 or 已关闭. */
export function RectificationStateTag({ state }: { readonly state: Rectification['state'] }) {
  const t = useT();
  return (
    <Tag color={COLOR[state]} data-testid="rectification-state">
      {t(`rect.state.${state}`)}
    </Tag>
  );
}
