/**
 * 安全审计: search of the append-only audit trail (by actor, agency, action, subject, resource,
 * grant, outcome and time), paged backwards by sequence number, its export, and the verification
 * of its hash chain (R29.1).
 */
import { AUDIT_EXPORT_CAP } from '@gongshu/contracts';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { auditExportUrl, useAuditSearch, type AuditFilter } from '../../api/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/useT';
import { AuditSearchForm, filterFromParams } from './AuditSearchForm';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';

export function AuditPage() {
  const t = useT();
  // A link may carry a search (an alert's "audit entries of the subject"): it is the first one.
  const [params] = useSearchParams();
  const [initial] = useState<AuditFilter>(() => filterFromParams(params));
  const [filter, setFilter] = useState<AuditFilter>(initial);
  const search = useAuditSearch(filter);
  const entries = search.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <PageHeader
        title={t('audit.heading')}
        extra={
          <Link to="/audit/alerts" data-testid="audit-to-alerts">
            {t('security.audit.toAlerts')}
          </Link>
        }
      />
      <Card title={<h2 className="gs-card-title">{t('audit.verifyTitle')}</h2>} style={{ marginBottom: 16 }}>
        <VerifyChain />
      </Card>
      <Card title={<h2 className="gs-card-title">{t('audit.searchTitle')}</h2>} style={{ marginBottom: 16 }}>
        <AuditSearchForm initial={initial} onSearch={setFilter} />
      </Card>
      <Card
        title={<h2 className="gs-card-title">{t('audit.resultsTitle')}</h2>}
        extra={
          <Space>
            <Button href={auditExportUrl(filter, 'csv')} download data-testid="audit-export-csv">
              {t('security.audit.exportCsv')}
            </Button>
            <Button href={auditExportUrl(filter, 'xlsx')} download data-testid="audit-export-xlsx">
              {t('security.audit.exportXlsx')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('security.audit.exportHint', { cap: AUDIT_EXPORT_CAP.toLocaleString() })}
        </Typography.Paragraph>
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
