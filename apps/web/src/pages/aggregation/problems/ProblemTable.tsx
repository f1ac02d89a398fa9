import type { DataProblem } from '@gongshu/contracts';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { ProblemAction } from '../../../api/data';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { loadPath } from '../paths';
import type { FieldLookup } from './fieldNames';
import { ProblemReasons } from './ProblemReasons';
import { ProblemStateTag } from './ProblemStateTag';
import { RawRow } from './RawRow';

export interface ProblemTableProps {
  readonly problems: readonly DataProblem[];
  readonly loading: boolean;
  readonly fields: FieldLookup;
  /** The provider's people fix or dismiss open problems. */
  readonly canResolve: boolean;
  /** The quality owner or the bureau confirm fixed ones. */
  readonly canConfirm: boolean;
  readonly onAction: (problem: DataProblem, action: ProblemAction) => void;
}

/**
 * Problem data traced to its batch, row and source (R12.2): the reasons per column, the row as read
 * (expand a row), the state with its resolution, and the actions the reader may take.
 */
export function ProblemTable({ problems, loading, fields, canResolve, canConfirm, onAction }: ProblemTableProps) {
  const { t, lang } = useI18n();
  return (
    <Table<DataProblem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...problems]}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 1080 }}
      data-testid="problem-table"
      onRow={(problem) =>
        ({
          'data-testid': 'problem-row',
          'data-row-number': problem.rowNumber ?? '',
          'data-source': problem.source,
          'data-state': problem.state,
        }) as HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: <EmptyText>{t('data.problems.empty')}</EmptyText> }}
      expandable={{
        columnTitle: <span className="gs-sr-only">{t('data.problem.expand')}</span>,
        rowExpandable: (problem) => problem.raw !== null,
        expandedRowRender: (problem) => <RawRow problem={problem} fields={fields} />,
      }}
      columns={[
        {
          key: 'row',
          title: t('data.problem.row'),
          width: 80,
          render: (_, problem) => (problem.rowNumber === null ? '—' : t('data.problem.rowNumber', { row: problem.rowNumber })),
        },
        {
          key: 'source',
          title: t('data.problem.source'),
          width: 150,
          render: (_, problem) => (
            <>
              <Tag color={problem.source === 'load' ? 'blue' : 'purple'}>{t(`data.problem.source.${problem.source}`)}</Tag>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                {formatDateTime(lang, problem.createdAt)}
              </Typography.Text>
              {problem.batchId ? (
                <Link to={loadPath(problem.batchId)} style={{ fontSize: 12 }}>
                  {t('data.problem.batch')}
                </Link>
              ) : null}
            </>
          ),
        },
        { key: 'reasons', title: t('data.problem.reasons'), render: (_, problem) => <ProblemReasons problem={problem} fields={fields} /> },
        {
          key: 'state',
          title: t('data.problem.state'),
          width: 150,
          render: (_, problem) => (
            <>
              <ProblemStateTag state={problem.state} />
              {problem.fixedAt ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                  {t('data.problem.fixedAt', { at: formatDateTime(lang, problem.fixedAt) })}
                </Typography.Text>
              ) : null}
              {problem.confirmedAt ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('data.problem.confirmedAt', { at: formatDateTime(lang, problem.confirmedAt) })}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          key: 'resolution',
          title: t('data.problem.resolution'),
          width: 200,
          render: (_, problem) =>
            problem.resolution ? (
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                ellipsis={{ rows: 3, tooltip: problem.resolution }}
                data-testid="problem-resolution"
              >
                {problem.resolution}
              </Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          width: 150,
          fixed: 'right',
          render: (_, problem) => {
            const fix = canResolve && problem.state === 'open';
            const confirm = canConfirm && problem.state === 'fixed';
            if (!fix && !confirm) return <Typography.Text type="secondary">—</Typography.Text>;
            return (
              <Space size={0} wrap>
                {fix ? (
                  <>
                    <Button type="link" size="small" onClick={() => onAction(problem, 'fix')} data-testid="problem-fix">
                      {t('data.resolve.fix')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => onAction(problem, 'dismiss')} data-testid="problem-dismiss">
                      {t('data.resolve.dismiss')}
                    </Button>
                  </>
                ) : null}
                {confirm ? (
                  <Button type="link" size="small" onClick={() => onAction(problem, 'confirm')} data-testid="problem-confirm">
                    {t('data.resolve.confirm')}
                  </Button>
                ) : null}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
