import type { LoadBatch } from '@gongshu/contracts';
import { Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';

/** The outcome's message in the reader's language, with the file row it concerns when there is one. */
export function LoadMessage({ message }: { readonly message: LoadBatch['message'] }) {
  const { t, pick } = useI18n();
  if (!message) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span data-testid="load-message">
      {pick(message)}
      {message.row ? <strong>{t('data.load.messageRow', { row: message.row })}</strong> : null}
    </span>
  );
}
