import { Card, Typography } from 'antd';
import { useShareCorrelation } from '../../../api/correlation';
import { CardTitle } from '../../../components/CardTitle';
import { useT } from '../../../i18n/useT';
import { AssessmentFacts } from '../detail/CorrelationPanel';

/** The conditions of a correlation assessment that permitted the grant with conditions (R31.1). */
export function CorrelationConditionsCard({ requestId }: { readonly requestId: string }) {
  const t = useT();
  const { data } = useShareCorrelation(requestId);
  const latest = data?.latest;
  if (!latest || latest.conclusion !== 'permit_with_conditions') return null;
  return (
    <Card title={<CardTitle testId="section-grant-correlation">{t('correlation.grant.title')}</CardTitle>}>
      <Typography.Paragraph type="secondary">{t('correlation.grant.help')}</Typography.Paragraph>
      <AssessmentFacts assessment={latest} />
    </Card>
  );
}
