import type { AuditEntry } from '@gongshu/contracts';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../shared/labels';
import { EmptyText } from '../../components/EmptyText';

const VIA_LABELS = {
  session: 'audit.via.session',
  api_key: 'audit.via.api_key',
  system: 'audit.via.system',
  anonymous: 'audit.via.anonymous',
} as const satisfies Record<string, MessageKey>;

const OUTCOME_COLOR = { ok: 'success', denied: 'error', failed: 'warning' } as const;

/** Audit entries, newest first; details and hashes expand under each row. */
export function AuditTable({ entries, loading }: { readonly entries: readonly AuditEntry[]; readonly loading: boolean }) {
  const { t, lang } = useI18n();
  const via = (value: string) => (value in VIA_LABELS ? t(VIA_LABELS[value as keyof typeof VIA_LABELS]) : value);
  return (
    <Table<AuditEntry>
      rowKey="seq"
      size="small"
      loading={loading}
      dataSource={[...entries]}
      pagination={false}
      scroll={{ x: 980 }}
      data-testid="audit-table"
      locale={{ emptyText: <EmptyText>{t('audit.empty')}</EmptyText> }}
      expandable={{
        columnTitle: <span className="gs-sr-only">{t('audit.details')}</span>,
        expandedRowRender: (entry) => (
          <div style={{ fontSize: 12 }}>
            <div>
              {t('audit.requestId')}：<code>{entry.requestId ?? '—'}</code>
            </div>
            <div>
              {t('audit.hash')}：<code style={{ wordBreak: 'break-all' }}>{entry.hash}</code>
            </div>
            <pre style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.details, null, 2)}</pre>
          </div>
        ),
      }}
      columns={[
        { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80 },
        { key: 'at', title: t('audit.at'), width: 160, render: (_, entry) => formatDateTime(lang, entry.at) },
        { key: 'actor', title: t('audit.actorCol'), dataIndex: 'actorLabel', width: 150 },
        { key: 'via', title: t('audit.via'), width: 100, render: (_, entry) => via(entry.via) },
        { key: 'action', title: t('audit.action'), render: (_, entry) => <code>{entry.action}</code> },
        {
          key: 'subject',
          title: t('audit.subject'),
          render: (_, entry) => (
            <span>
              {entry.subjectType}
              {entry.subjectId ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, wordBreak: 'break-all' }}>
                  {entry.subjectId}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        {
          key: 'outcome',
          title: t('audit.outcome'),
          width: 90,
          render: (_, entry) => <Tag color={OUTCOME_COLOR[entry.outcome]}>{t(`audit.outcome.${entry.outcome}`)}</Tag>,
        },
      ]}
    />
  );
}
