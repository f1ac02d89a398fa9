/**
 * 我的异议与建议 (/me/objections, R20.2): what I raised, on which resource, its state and due day,
 * and the provider's public answer.
 */
import { Card, Empty } from 'antd';
import { useMyObjections } from '../../../api/openParticipation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { ObjectionCard } from './ObjectionCard';

export function MyObjectionsPage() {
  const t = useT();
  const mine = useMyObjections();
  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={t('open.participation.mine.objectionsTitle')}
          crumbs={[
            { label: t('nav.home'), to: '/' },
            { label: t('open.participation.mine.hub'), to: '/me' },
          ]}
          description={t('open.participation.mine.objectionsIntro')}
        />
        <Card data-testid="my-objections">
          {mine.isPending ? <PageLoading /> : null}
          {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
          {mine.data && mine.data.length === 0 ? <Empty description={t('open.participation.mine.objectionsEmpty')} /> : null}
          {mine.data?.map((objection) => (
            <ObjectionCard key={objection.id} objection={objection} showResource headingLevel={2} />
          ))}
        </Card>
      </div>
    </PublicLayout>
  );
}
