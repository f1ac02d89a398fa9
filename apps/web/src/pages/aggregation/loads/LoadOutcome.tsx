import type { LoadBatch } from '@gongshu/contracts';
import { Alert, Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { isLoadRunning, problemsDownloadUrl } from '../../../api/data';
import { LinkButton } from '../../../components/LinkButton';
import { useI18n } from '../../../i18n/useT';
import { formatCount } from '../format';
import { problemsPath } from '../paths';
import { LoadMessage } from './LoadMessage';

export interface LoadOutcomeProps {
  readonly batch: LoadBatch;
  /** More actions after the problem links (e.g. the load's detail page). */
  readonly extra?: ReactNode;
}

/**
 * How a load ended: loaded with its counts, rejected with the reason (the share of problem rows
 * over the threshold) and its problem rows, or failed with the message and the row (R12.1). A load
 * that did not succeed changed nothing.
 */
export function LoadOutcome({ batch, extra }: LoadOutcomeProps) {
  const { t, lang } = useI18n();
  if (isLoadRunning(batch)) return null;
  const count = (value: number) => formatCount(lang, value);
  const hasProblems = batch.rowsQuarantined > 0;
  const actions = (
    <Flex gap={8} wrap style={{ marginTop: 12 }}>
      {hasProblems ? (
        <>
          <LinkButton to={problemsPath(batch.resourceId, { batchId: batch.id, state: 'all' })} data-testid="outcome-problems">
            {t('data.outcome.viewProblems', { count: count(batch.rowsQuarantined) })}
          </LinkButton>
          <Button href={problemsDownloadUrl(batch.resourceId, batch.id)} download data-testid="outcome-download">
            {t('data.problems.download')}
          </Button>
        </>
      ) : null}
      {extra}
    </Flex>
  );
  const counts = { read: count(batch.rowsRead), loaded: count(batch.rowsLoaded), problems: count(batch.rowsQuarantined) };

  if (batch.state === 'loaded') {
    return (
      <Alert
        type={hasProblems ? 'warning' : 'success'}
        showIcon
        role="status"
        data-testid="load-outcome"
        data-state={batch.state}
        title={t('data.outcome.loaded', counts)}
        description={
          <>
            {hasProblems ? t('data.outcome.loadedWithProblems', counts) : t('data.outcome.loadedClean')}
            {actions}
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="load-outcome"
      data-state={batch.state}
      title={t(batch.state === 'rejected' ? 'data.outcome.rejected' : 'data.outcome.failed')}
      description={
        <>
          <div>
            <LoadMessage message={batch.message} />
          </div>
          <div>{t('data.outcome.unchanged', counts)}</div>
          {actions}
        </>
      }
    />
  );
}
