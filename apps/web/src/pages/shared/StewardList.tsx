import type { AgencyDetail } from '@gongshu/contracts';
import { Alert, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/zh';
import { useT } from '../../i18n/useT';

export interface StewardListProps {
  readonly stewards: AgencyDetail['stewards'];
  /** Highlights the signed-in user in the list. */
  readonly currentUserId?: string;
  /** The warning shown when there is none: "本单位…" on the workbench, "该单位…" elsewhere. */
  readonly emptyMessage?: MessageKey;
  readonly emptyHint?: ReactNode;
}

/** The agency's data stewards (R8.1), with a clear warning when it has none. */
export function StewardList({ stewards, currentUserId, emptyMessage = 'agency.noStewardOther', emptyHint }: StewardListProps) {
  const t = useT();
  if (stewards.length === 0) {
    return <Alert type="error" showIcon role="alert" data-testid="no-steward-warning" title={t(emptyMessage)} description={emptyHint} />;
  }
  return (
    <List
      size="small"
      dataSource={stewards}
      data-testid="steward-list"
      renderItem={(steward) => (
        <List.Item>
          <span>
            <Typography.Text strong>{steward.displayName}</Typography.Text>
            {steward.id === currentUserId ? t('workbench.stewardYou') : null}
          </span>
          <Typography.Text type="secondary">
            <code>{steward.username}</code>
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
