/**
 * 安全审计: search of the append-only audit trail, paged backwards by sequence number, and the
 * verification of its hash chain (R29.1).
 */
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useAuditSearch, type AuditFilter } from '../../api/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/useT';
import { AuditSearchForm } from './AuditSearchForm';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';

export function AuditPage() {
  const t = useT();
  const [filter, setFilter] = useState<AuditFilter>({});
  const search = useAuditSearch(filter);
  const entries = search.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <PageHeader title={t('audit.heading')} />
      <Card title={<h2 className="gs-card-title">{t('audit.verifyTitle')}</h2>} style={{ marginBottom: 16 }}>
        <VerifyChain />
      </Card>
      <Card title={<h2 className="gs-card-title">{t('audit.searchTitle')}</h2>} style={{ marginBottom: 16 }}>
        <AuditSearchForm onSearch={setFilter} />
      </Card>
      <Card title={<h2 className="gs-card-title">{t('audit.resultsTitle')}</h2>}>
        {search.isError ? (
          <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
        ) : (
          <>
            <AuditTable entries={entries} loading={search.isPending || (search.isFetching && !search.isFetchingNextPage)} />
            <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
              <Typography.Text type="secondary" aria-live="polite">
                {t('audit.loaded', { count: entries.length })}
                {!search.hasNextPage && !search.isPending ? ` · ${t('audit.end')}` : ''}
              </Typography.Text>
              {search.hasNextPage ? (
                <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage} data-testid="audit-more">
                  {t('audit.loadMore')}
                </Button>
              ) : null}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
