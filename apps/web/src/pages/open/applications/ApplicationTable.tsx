import { Table } from 'antd';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { Link } from 'react-router';
import type { OpenApplication } from '../../../api/openApplications';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { TimeLeft } from '../../deadlines/TimeLeft';
import { formatDateTime } from '../../shared/labels';
import { OpenStateTag } from './labels';

/** Applications and demands with their state and the step on the clock; links to each one. */
export function ApplicationTable({
  applications,
  loading,
  linkBase,
  showApplicant,
  emptyText,
}: {
  readonly applications: readonly OpenApplication[];
  readonly loading: boolean;
  readonly linkBase: '/me/applications' | '/open-admin/applications';
  readonly showApplicant?: boolean;
  readonly emptyText: string;
}) {
  const { t, lang, pick } = useI18n();
  return (
    <ScrollRegion label={emptyText}>
      <Table<OpenApplication>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={[...applications]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="open-applications-table"
        locale={{ emptyText: <EmptyText>{emptyText}</EmptyText> }}
        columns={[
          {
            key: 'number',
            title: t('open.applications.col.number'),
            width: 150,
            render: (_, a) => <Link to={`${linkBase}/${a.id}`}>{a.number}</Link>,
          },
          { key: 'title', title: t('open.applications.col.title'), render: (_, a) => a.title },
          { key: 'route', title: t('open.applications.col.route'), width: 130, render: (_, a) => t(`open.applications.route.${a.route}`) },
          ...(showApplicant
            ? [
                {
                  key: 'applicant',
                  title: t('open.applications.col.applicant'),
                  width: 160,
                  render: (_: unknown, a: OpenApplication) => a.applicant.name,
                },
              ]
            : []),
          {
            key: 'provider',
            title: t('open.applications.col.provider'),
            width: 180,
            render: (_, a) => a.provider?.name ?? t('open.applications.providerUnset'),
          },
          { key: 'state', title: t('open.applications.col.state'), width: 130, render: (_, a) => <OpenStateTag state={a.state} /> },
          {
            key: 'step',
            title: t('open.applications.col.left'),
            width: 190,
            render: (_, a) =>
              a.deadline ? (
                <>
                  <span style={{ display: 'block', fontSize: 12 }}>{pick(a.deadline.stepLabel)}</span>
                  <TimeLeft item={a.deadline} />
                </>
              ) : (
                '—'
              ),
          },
          { key: 'filed', title: t('open.applications.col.filed'), width: 170, render: (_, a) => formatDateTime(lang, a.createdAt) },
        ]}
      />
    </ScrollRegion>
  );
}
