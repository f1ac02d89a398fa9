import { ApiError } from '@gongshu/contracts';
import { Alert, Card, Table } from 'antd';
import { useOpenPreview } from '../../../api/openPortal';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';

type Row = Record<string, unknown> & { __row: number };

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The first rows of an unconditional open resource (the open exit's preview, masked like every
 * delivery). Conditional data has no preview: it needs a grant first (R19.2).
 */
export function PreviewCard({ resourceId, openType }: { readonly resourceId: string; readonly openType: 'unconditional' | 'conditional' }) {
  const { t } = useI18n();
  const preview = useOpenPreview(resourceId, openType === 'unconditional');
  const title = <h2 className="gs-card-title">{t('open.portal.preview.heading')}</h2>;
  if (openType === 'conditional') {
    return (
      <Card title={title} data-testid="open-preview">
        <Alert type="info" showIcon title={t('open.portal.preview.conditional')} />
      </Card>
    );
  }
  let body;
  if (preview.isError) {
    const status = preview.error instanceof ApiError ? preview.error.status : 0;
    body =
      status === 404 || status === 409 ? (
        <Alert type="info" showIcon title={t('open.portal.preview.unavailable')} />
      ) : (
        <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      );
  } else if (!preview.data) {
    body = <PageLoading />;
  } else if (preview.data.rows.length === 0) {
    body = <Alert type="info" showIcon title={t('open.portal.preview.empty')} />;
  } else {
    const rows: Row[] = preview.data.rows.map((row, index) => ({ ...row, __row: index }));
    body = (
      <>
        <p className="gs-sr-only">{t('open.portal.preview.caption', { count: rows.length })}</p>
        <ScrollRegion label={t('open.portal.preview.heading')} testId="open-preview-region">
          <Table<Row>
            size="small"
            rowKey="__row"
            pagination={false}
            dataSource={rows}
            columns={preview.data.columns.map((column) => ({
              key: column.code,
              title: column.name,
              render: (_: unknown, row: Row) => cell(row[column.code]),
            }))}
          />
        </ScrollRegion>
      </>
    );
  }
  return (
    <Card title={title} data-testid="open-preview">
      {body}
    </Card>
  );
}
