import { Alert, Card } from 'antd';
import type { ShareRequestDetail } from '../../../api/sharing';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { ReasonList } from '../shared/ReasonList';
import { CardTitle } from '../../../components/CardTitle';

/** A rejection, by the bureau, the provider or a correlation assessment (R31.1), with every reason and its legal basis (R16.1). */
export function RejectionCard({ rejection }: { readonly rejection: NonNullable<ShareRequestDetail['rejection']> }) {
  const { t, lang } = useI18n();
  return (
    <Card title={<CardTitle testId="section-rejection">{t('share.reject.heading')}</CardTitle>}>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title={t(
          rejection.by === 'bureau'
            ? 'share.reject.byBureau'
            : rejection.by === 'security'
              ? 'share.reject.bySecurity'
              : 'share.reject.byProvider',
          {
            by: rejection.byLabel,
            at: formatDateTime(lang, rejection.at),
            count: rejection.reasons.length,
          },
        )}
      />
      <ReasonList reasons={rejection.reasons} />
    </Card>
  );
}
