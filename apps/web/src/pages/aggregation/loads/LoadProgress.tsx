import type { LoadBatch } from '@gongshu/contracts';
import { Flex, Spin, Typography } from 'antd';
import { isLoadRunning } from '../../../api/data';
import { useI18n } from '../../../i18n/useT';
import { formatCount } from '../format';
import { LoadStateTag } from './LoadStateTag';

/**
 * A load being processed in the background: its state and the rows read so far, asked every
 * second (the total is not known until the file has been read to its end).
 */
export function LoadProgress({ batch }: { readonly batch: LoadBatch }) {
  const { t, lang } = useI18n();
  if (!isLoadRunning(batch)) return null;
  return (
    <Flex align="center" gap={12} role="status" aria-live="polite" data-testid="load-progress" data-rows={batch.rowsRead}>
      <Spin size="small" />
      <LoadStateTag state={batch.state} />
      <Typography.Text>
        {batch.state === 'queued' ? t('data.progress.queued') : t('data.progress.running', { rows: formatCount(lang, batch.rowsRead) })}
      </Typography.Text>
    </Flex>
  );
}
