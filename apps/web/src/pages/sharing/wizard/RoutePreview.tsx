import { ROUTE_STEPS } from '@gongshu/domain';
import { Steps, Typography } from 'antd';
import { useRuleSets } from '../../../api/ruleSets';
import type { ShareRoute } from '../../../api/sharing';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';

export interface RoutePreviewProps {
  /** Null until what is asked for is known. */
  readonly route: ShareRoute | null;
  readonly requesterName: string;
  /** The provider agency (or the upper-level node) that answers, when known. */
  readonly providerName: string | null;
}

/**
 * The way the request will go before it is filed (R14.1–R14.3, R15.1): each step on the clock with
 * who acts and its working-day limit from the rule set in force (R37.1), then how it ends.
 */
export function RoutePreview({ route, requesterName, providerName }: RoutePreviewProps) {
  const { t, pick } = useI18n();
  const ruleSets = useRuleSets();
  if (!route) return <Typography.Paragraph type="secondary">{t('share.preview.choose')}</Typography.Paragraph>;
  if (ruleSets.isPending) return <PageLoading />;
  const limits = (ruleSets.data?.find((set) => set.inForce) ?? ruleSets.data?.[0])?.document.limits ?? {};
  const steps = ROUTE_STEPS[route].map((code) => {
    const limit = limits[code];
    const days = limit?.workingDays ?? limit?.defaultWorkingDays ?? null;
    const who = limit?.responsible === 'provider' ? (providerName ?? t('share.preview.provider')) : t('share.preview.bureau');
    const basis = limit
      ? t(limit.article ? 'share.preview.basis' : 'share.preview.basisNoArticle', {
          article: limit.article ?? '',
          requirement: limit.requirement,
        })
      : '';
    return {
      key: code,
      title: limit ? pick(limit.label) : code,
      content: (
        <span data-testid="route-step" data-step={code} data-days={days ?? ''}>
          {who}
          {days === null ? '' : ` · ${t(days === 1 ? 'deadline.limitOne' : 'deadline.limit', { days })}`}
          {basis ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {basis}
            </Typography.Text>
          ) : null}
        </span>
      ),
    };
  });
  return (
    <div data-testid="route-preview" data-route={route}>
      <Typography.Paragraph>{t(`share.preview.intro.${route}`)}</Typography.Paragraph>
      <Steps
        orientation="vertical"
        size="small"
        current={0}
        items={[
          { key: 'file', title: t('share.preview.file'), content: requesterName },
          ...steps,
          { key: 'end', title: t('share.preview.endTitle'), content: t(`share.preview.end.${route}`) },
        ]}
      />
    </div>
  );
}
