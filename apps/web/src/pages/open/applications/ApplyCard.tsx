/**
 * The apply card of the public resource page (embedded by the portal, issue 7): for conditional
 * data the provider's published conditions with 申请使用 (R19.2), or the visitor's current
 * application or grant; for data not open, 提出开放需求 (R19.3); for unconditional data, a note
 * that nothing needs to be applied for (R19.1).
 */
import { Alert, Card, Flex, Space, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { useApplyState } from '../../../api/openApplications';
import { loginPathFor } from '../../../auth/homePath';
import { useAuth } from '../../../auth/useAuth';
import { CardTitle } from '../../../components/CardTitle';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { useT } from '../../../i18n/useT';
import { OpenGrantStatusTag, OpenStateTag, dayOf } from './labels';

export interface ApplyCardProps {
  readonly resourceId: string;
  readonly openType: 'unconditional' | 'conditional' | 'none';
}

export function ApplyCard({ resourceId, openType }: ApplyCardProps) {
  const t = useT();
  const location = useLocation();
  const { me, can } = useAuth();
  const state = useApplyState(openType === 'unconditional' ? '' : resourceId, Boolean(me));

  if (openType === 'unconditional')
    return (
      <Card title={<CardTitle testId="apply-card-title">{t('open.applications.card.title')}</CardTitle>} data-testid="apply-card">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('open.applications.card.unconditional')}
        </Typography.Paragraph>
      </Card>
    );

  if (openType === 'none')
    return (
      <Card title={<CardTitle testId="apply-card-title">{t('open.applications.card.noneTitle')}</CardTitle>} data-testid="apply-card">
        <Typography.Paragraph type="secondary">{t('open.applications.card.noneHelp')}</Typography.Paragraph>
        <LinkButton to={`/open/demands/new?resourceId=${resourceId}`} type="primary" data-testid="apply-card-demand">
          {t('open.applications.card.demand')}
        </LinkButton>
      </Card>
    );

  const data = state.data;
  const application = data?.application ?? null;
  const grant = data?.grant ?? null;
  const underReview = application && ['formal_review', 'provider_review'].includes(application.state);
  return (
    <Card
      title={<CardTitle testId="apply-card-title">{t('open.applications.card.title')}</CardTitle>}
      data-testid="apply-card"
      loading={state.isLoading}
    >
      {state.isError ? <ErrorAlert error={state.error} onRetry={() => void state.refetch()} /> : null}
      {data?.resource.conditions ? (
        <>
          <Typography.Text strong>{t('open.applications.card.conditions')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="apply-card-conditions">
            {data.resource.conditions}
          </Typography.Paragraph>
        </>
      ) : null}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {grant ? (
          <Flex gap={8} align="center" wrap data-testid="apply-card-grant">
            <span>{t('open.applications.card.grant', { number: grant.number, date: dayOf(grant.validTo) })}</span>
            <OpenGrantStatusTag status={grant.status} />
            <Link to="/me/grants">{t('open.applications.card.viewGrants')}</Link>
          </Flex>
        ) : null}
        {application && (!grant || application.state !== 'granted') ? (
          <Flex gap={8} align="center" wrap data-testid="apply-card-application">
            <span>{t('open.applications.card.current', { number: application.number })}</span>
            <OpenStateTag state={application.state} />
            <Link to={`/me/applications/${application.id}`}>{t('open.applications.card.viewApplication')}</Link>
          </Flex>
        ) : null}
        {!me ? (
          <LinkButton to={loginPathFor(location)} type="primary" data-testid="apply-card-sign-in">
            {t('open.applications.card.signIn')}
          </LinkButton>
        ) : can('open.participate') ? (
          underReview ? null : (
            <LinkButton to={`/open/apply/${resourceId}`} type="primary" data-testid="apply-card-apply">
              {t('open.applications.card.apply')}
            </LinkButton>
          )
        ) : (
          <Alert type="info" showIcon title={t('open.applications.card.onlyPublic')} />
        )}
      </Space>
    </Card>
  );
}
