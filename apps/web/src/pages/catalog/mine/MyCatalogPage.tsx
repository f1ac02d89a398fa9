/**
 * 本单位目录 (R10.1–R10.3): my agency's entries with their published and pending versions; new
 * entries, change requests, the fill-in template and the Excel import; and the batch submission of
 * drafts by the data steward (R8.1), all or none, with every refused entry's problems listed.
 */
import { ApiError, routes, type MyEntry } from '@gongshu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { submitFailuresOf, useMyCatalog, useSubmitVersions, useWithdrawDraft, type SubmitFailure } from '../../../api/catalog';
import { TEMPLATE_URL } from '../../../api/catalogFiles';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/queryKeys';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { SubmitFailures } from '../shared/SubmitFailures';
import { ImportModal } from './ImportModal';
import { isEditable, MyCatalogTable } from './MyCatalogTable';
import { StartChangeModal } from './StartChangeModal';

type Filter = 'all' | 'todo' | 'review' | 'published';

const FILTERS: Readonly<Record<Filter, (entry: MyEntry) => boolean>> = {
  all: () => true,
  todo: isEditable,
  review: (entry) => entry.pending?.state === 'submitted' || entry.pending?.state === 'downgrade_review',
  published: (entry) => entry.published !== null,
};

export function MyCatalogPage() {
  const t = useT();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mine = useMyCatalog();
  const submit = useSubmitVersions();
  const withdraw = useWithdrawDraft();
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const [changing, setChanging] = useState<MyEntry | null>(null);
  const [importing, setImporting] = useState(false);
  const [failures, setFailures] = useState<readonly SubmitFailure[] | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const canSubmit = can('agency.submit');
  const noSteward = me?.user.agency?.hasSteward === false;

  const entries = useMemo(() => (mine.data ?? []).filter(FILTERS[filter]), [mine.data, filter]);
  const chosen = (mine.data ?? []).filter((entry) => selected.includes(entry.resourceId) && isEditable(entry));
  const versionIds = chosen.flatMap((entry) => (entry.pending ? [entry.pending.id] : []));

  /** The refused entries; when the refusal carries no details, each version's own problems. */
  const refusedEntries = async (error: unknown): Promise<readonly SubmitFailure[] | null> => {
    const listed = submitFailuresOf(error);
    if (listed || !(error instanceof ApiError) || error.body.code !== 'CATALOG_INVALID') return listed;
    const versions = await Promise.all(versionIds.map((id) => api(routes.getVersion, { params: { id } })));
    return versions
      .filter((version) => version.problems.length > 0)
      .map((version) => ({ versionId: version.id, name: version.metadata.name, problems: version.problems }));
  };

  const submitSelected = async () => {
    setFailures(null);
    setSubmitError(null);
    try {
      const submitted = await submit.mutateAsync(versionIds);
      void message.success(t('catalog.submit.done', { count: submitted.length }));
      setSelected([]);
    } catch (error) {
      setSubmitError(error);
      setFailures(await refusedEntries(error).catch(() => null));
    }
  };

  const withdrawEntry = (entry: MyEntry) => {
    if (!entry.pending) return;
    withdraw.mutate(entry.pending.id, {
      onSuccess: () => {
        void message.success(t('catalog.editor.withdrawn', { name: entry.name }));
        setSelected((current) => current.filter((id) => id !== entry.resourceId));
      },
      onError: (error) => setSubmitError(error),
    });
  };

  return (
    <>
      <PageHeader
        title={t('catalog.mine.heading')}
        description={`${me?.user.agency?.name ?? ''}${t('common.listSeparator')}${t('catalog.mine.intro')}`}
        extra={
          <>
            <LinkButton type="primary" to="/catalog/new" data-testid="catalog-new">
              {t('catalog.mine.new')}
            </LinkButton>
            <Button href={TEMPLATE_URL} download data-testid="catalog-template">
              {t('catalog.mine.template')}
            </Button>
            <Button onClick={() => setImporting(true)} data-testid="catalog-import">
              {t('catalog.mine.import')}
            </Button>
          </>
        }
      />
      {/* A refused batch lists each entry's problems; any other refusal speaks for itself. */}
      {failures && failures.length > 0 ? <SubmitFailures failures={failures} /> : submitError ? <ErrorAlert error={submitError} /> : null}
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Segmented<Filter>
            aria-label={t('catalog.mine.filter')}
            value={filter}
            onChange={setFilter}
            options={(['all', 'todo', 'review', 'published'] as const).map((value) => ({
              value,
              label: t(`catalog.mine.filter.${value}`),
            }))}
            data-testid="my-catalog-filter"
          />
          <Flex align="center" gap={12} wrap>
            <Typography.Text type="secondary" aria-live="polite">
              {t('catalog.mine.selected', { count: versionIds.length })}
            </Typography.Text>
            <Button
              type="primary"
              disabled={!canSubmit || versionIds.length === 0}
              loading={submit.isPending}
              onClick={() => void submitSelected()}
              data-testid="batch-submit"
            >
              {t('catalog.mine.batchSubmit', { count: versionIds.length })}
            </Button>
          </Flex>
        </Flex>
        {!canSubmit ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(noSteward ? 'agency.noSteward' : 'catalog.editor.stewardOnly')}
          />
        ) : null}
        {mine.isError ? (
          <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
        ) : (
          <MyCatalogTable
            entries={entries}
            loading={mine.isPending}
            selected={selected}
            onSelect={setSelected}
            onStartChange={setChanging}
            onWithdraw={withdrawEntry}
            withdrawing={withdraw.isPending ? (withdraw.variables ?? null) : null}
          />
        )}
      </Card>
      <StartChangeModal entry={changing} onClose={() => setChanging(null)} />
      <ImportModal
        open={importing}
        onClose={() => {
          setImporting(false);
          void queryClient.invalidateQueries({ queryKey: queryKeys.catalogMine });
        }}
      />
    </>
  );
}
