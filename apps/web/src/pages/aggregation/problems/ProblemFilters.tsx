import type { LoadBatch } from '@gongshu/contracts';
import { Flex, Segmented, Select } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { STATE_FILTERS, type ProblemParams, type StateFilter } from './problemParams';

export interface ProblemFiltersProps {
  readonly value: ProblemParams;
  readonly onChange: (next: ProblemParams) => void;
  readonly loads: readonly LoadBatch[];
  readonly openCount: number | null;
}

/** By state (待处理 first) and by batch. */
export function ProblemFilters({ value, onChange, loads, openCount }: ProblemFiltersProps) {
  const { t, lang } = useI18n();
  const options = loads.map((batch) => ({
    value: batch.id,
    label: t('data.problems.batchOption', {
      at: formatDateTime(lang, batch.createdAt),
      name: batch.fileName ?? t(`data.load.channel.${batch.channel}`),
      count: batch.rowsQuarantined,
    }),
  }));
  // A batch named in the address but not among the loads listed (older ones) stays choosable.
  if (value.batchId && !options.some((option) => option.value === value.batchId)) {
    options.unshift({ value: value.batchId, label: t('data.problems.batchId', { id: value.batchId.slice(0, 8) }) });
  }
  return (
    <Flex gap={12} wrap align="center">
      <Segmented<StateFilter>
        aria-label={t('data.problems.filterState')}
        value={value.state}
        onChange={(state) => onChange({ ...value, state })}
        options={STATE_FILTERS.map((state) => ({
          value: state,
          label:
            state === 'all'
              ? t('common.all')
              : state === 'open' && openCount !== null
                ? t('data.problems.openCount', { count: openCount })
                : t(`data.problem.state.${state}`),
        }))}
        data-testid="problem-state-filter"
      />
      <Select<string>
        aria-label={t('data.problems.filterBatch')}
        placeholder={t('data.problems.allBatches')}
        allowClear
        value={value.batchId ?? undefined}
        onChange={(batchId) => onChange({ ...value, batchId: batchId ?? null })}
        options={options}
        style={{ minWidth: 320, maxWidth: '100%' }}
        popupMatchSelectWidth={false}
        data-testid="problem-batch-filter"
      />
    </Flex>
  );
}
