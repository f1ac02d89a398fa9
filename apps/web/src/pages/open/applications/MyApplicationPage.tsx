/** /me/applications/:id: one of my applications or demands, with the steps, reasons and answer (R19.2–R19.4). */
import { useParams } from 'react-router';
import { useOpenApplication } from '../../../api/openApplications';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { ApplicationView } from './ApplicationView';
import { PublicPage } from './labels';

export function MyApplicationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const application = useOpenApplication(id);
  const detail = application.data;
  return (
    <PublicPage>
      <PageHeader
        title={
          detail
            ? t('open.applications.detail.heading', { route: t(`open.applications.route.${detail.route}`), number: detail.number })
            : t('open.applications.mine.heading')
        }
        crumbs={[
          { label: t('open.applications.crumb.me'), to: '/me' },
          { label: t('open.applications.mine.heading'), to: '/me/applications' },
        ]}
        description={detail?.title}
      />
      {application.isError ? <ErrorAlert error={application.error} onRetry={() => void application.refetch()} /> : null}
      {application.isLoading ? <PageLoading /> : null}
      {detail ? <ApplicationView detail={detail} forApplicant /> : null}
    </PublicPage>
  );
}
