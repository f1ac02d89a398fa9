import type { CatalogResource } from '@gongshu/contracts';
import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useCatalogDiff } from '../../../api/catalog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';
import { DiffTable } from '../shared/DiffTable';

type Summary = CatalogResource['versions'][number];

/** The two versions compared first: the one in force against the one before it. */
function defaultPair(versions: readonly Summary[], current: number | null): { from: number; to: number } | null {
  const numbers = versions.map((version) => version.number).sort((a, b) => a - b);
  const to = current ?? numbers[numbers.length - 1];
  const from = numbers.filter((number) => number !== to).pop();
  return to !== undefined && from !== undefined ? { from: Math.min(from, to), to: Math.max(from, to) } : null;
}

/** 版本比较: any two versions of an entry, as a table of what changed (R10.3). */
export function VersionCompare({
  resourceId,
  versions,
  current,
}: {
  readonly resourceId: string;
  readonly versions: readonly Summary[];
  readonly current: number | null;
}) {
  const t = useT();
  const [pair, setPair] = useState(() => defaultPair(versions, current));
  const diff = useCatalogDiff(resourceId, pair);
  if (!pair) return <Typography.Paragraph type="secondary">{t('catalog.diff.single')}</Typography.Paragraph>;
  const options = [...versions]
    .sort((a, b) => a.number - b.number)
    .map((version) => ({ value: version.number, label: t('catalog.version.label', { number: version.number }) }));
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<number>
          aria-label={t('catalog.diff.from')}
          value={pair.from}
          options={options}
          style={{ width: 140 }}
          onChange={(from) => setPair({ from, to: pair.to })}
          data-testid="diff-from"
        />
        <span aria-hidden="true">→</span>
        <Select<number>
          aria-label={t('catalog.diff.to')}
          value={pair.to}
          options={options}
          style={{ width: 140 }}
          onChange={(to) => setPair({ from: pair.from, to })}
          data-testid="diff-to"
        />
        <Typography.Text type="secondary">{t('catalog.diff.help')}</Typography.Text>
      </Flex>
      {pair.from === pair.to ? (
        <Typography.Paragraph type="secondary">{t('catalog.diff.same')}</Typography.Paragraph>
      ) : diff.isError ? (
        <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <DiffTable changes={diff.data ?? []} loading={diff.isFetching} />
      )}
    </>
  );
}
