/** 我的申请 (/me/applications): my applications for conditional data and my demands, with their progress (R19.2–R19.4). */
import { Card } from 'antd';
import { useOpenApplications } from '../../../api/openApplications';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { ApplicationTable } from './ApplicationTable';
import { PublicPage } from './labels';

export function MyApplicationsPage() {
  const t = useT();
  const list = useOpenApplications('mine');
  return (
    <PublicPage>
      <PageHeader
        title={t('open.applications.mine.heading')}
        crumbs={[{ label: t('open.applications.crumb.me'), to: '/me' }]}
        description={t('open.applications.mine.intro')}
        extra={
          <LinkButton to="/open/demands/new" data-testid="new-demand">
            {t('open.applications.newDemand')}
          </LinkButton>
        }
      />
      <Card>
        {list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ApplicationTable
            applications={list.data ?? []}
            loading={list.isFetching}
            linkBase="/me/applications"
            emptyText={t('open.applications.mine.empty')}
          />
        )}
      </Card>
    </PublicPage>
  );
}
