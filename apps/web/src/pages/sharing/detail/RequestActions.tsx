import { Alert, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import type { ShareRequestDetail } from '../../../api/sharing';
import { CardTitle } from '../../../components/CardTitle';
import { useT } from '../../../i18n/useT';
import { AnswerForm } from './AnswerForm';
import { FormalReviewForm } from './FormalReviewForm';
import { ProviderReviewForm } from './ProviderReviewForm';
import { UpperResultForm } from './UpperResultForm';

const card = (title: string, testId: string, body: ReactNode) => (
  <Card key={testId} title={<CardTitle testId={testId}>{title}</CardTitle>}>
    {body}
  </Card>
);

/**
 * What the caller may do now, as the server says (`can`): the bureau's formal review, the
 * provider's review or answer, the upper-level result; otherwise a note that nothing waits for
 * them. Withdrawal sits in the page header, consultations in their own panel.
 */
export function RequestActions({ request }: { readonly request: ShareRequestDetail }) {
  const t = useT();
  const { can } = request;
  const cards = [
    can.formalReview ? card(t('share.formal.heading'), 'section-formal-review', <FormalReviewForm request={request} />) : null,
    can.providerReview ? card(t('share.provider.heading'), 'section-provider-review', <ProviderReviewForm request={request} />) : null,
    can.answer ? card(t('share.answer.heading'), 'section-answer', <AnswerForm request={request} />) : null,
    can.upperResult ? card(t('share.upper.heading'), 'section-upper', <UpperResultForm request={request} />) : null,
  ].filter((entry) => entry !== null);
  if (cards.length === 0) {
    const consulting = can.addToConsultation || can.decideConsultation || can.openConsultation;
    return (
      <Alert
        type="info"
        showIcon
        title={t(consulting ? 'share.actions.consultation' : 'share.actions.none')}
        description={t(`share.actions.state.${request.state}`)}
        data-testid="request-no-action"
      />
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="request-actions">
      {cards}
    </Space>
  );
}
