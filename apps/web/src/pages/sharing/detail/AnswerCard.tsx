import { Card, Descriptions, Tag } from 'antd';
import type { ShareRequestDetail } from '../../../api/sharing';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { CardTitle } from '../../../components/CardTitle';

/** The provider's answer to a demand (R14.3): whether it will share the data, and why or how. */
export function AnswerCard({ answer }: { readonly answer: NonNullable<ShareRequestDetail['answer']> }) {
  const { t, lang } = useI18n();
  return (
    <Card title={<CardTitle testId="section-answer-result">{t('share.answer.resultHeading')}</CardTitle>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'will',
            label: t('share.answer.willShare'),
            children: (
              <Tag color={answer.willShare ? 'success' : 'default'}>{t(answer.willShare ? 'share.answer.yes' : 'share.answer.no')}</Tag>
            ),
          },
          { key: 'text', label: t('share.answer.text'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{answer.text}</span> },
          { key: 'at', label: t('share.answer.at'), children: formatDateTime(lang, answer.at) },
        ]}
      />
    </Card>
  );
}
