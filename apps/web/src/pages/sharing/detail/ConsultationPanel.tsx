import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ShareRequestDetail } from '../../../api/sharing';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { ConsultationEntryForm } from './ConsultationEntryForm';
import { ConsultationOutcomeForm } from './ConsultationOutcomeForm';
import { OpenConsultationForm } from './OpenConsultationForm';
import { CardTitle } from '../../../components/CardTitle';

/**
 * 协商 (R16.2): when the bureau finds a rejection's reasons insufficient, the consultation among the
 * agencies: why it was opened, who takes part, the record of the discussion, and the outcome that
 * decides the request; with the forms of whoever may act.
 */
export function ConsultationPanel({ request }: { readonly request: ShareRequestDetail }) {
  const { t, lang } = useI18n();
  const consultation = request.consultation;
  if (!consultation) {
    if (!request.can.openConsultation) return null;
    return (
      <Card title={<CardTitle testId="section-consultation">{t('share.consult.openHeading')}</CardTitle>}>
        <OpenConsultationForm request={request} />
      </Card>
    );
  }
  return (
    <Card title={<CardTitle testId="section-consultation">{t('share.consult.heading')}</CardTitle>} data-testid="consultation-panel">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'opened',
              label: t('share.consult.openedBy'),
              children: `${consultation.openedBy} · ${formatDateTime(lang, consultation.openedAt)}`,
            },
            {
              key: 'outcome',
              label: t('share.consult.outcome'),
              children: consultation.outcome ? (
                <Tag color={consultation.outcome === 'grant' ? 'success' : 'default'}>
                  {t(`share.consult.outcome.${consultation.outcome}`)}
                </Tag>
              ) : (
                t('share.consult.undecided')
              ),
            },
            {
              key: 'reason',
              label: t('share.consult.reason'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{consultation.reason}</span>,
              span: 2,
            },
            {
              key: 'participants',
              label: t('share.consult.participants'),
              children: consultation.participants.map((agency) => agency.name).join(t('common.listSeparator')),
              span: 2,
            },
            ...(consultation.outcomeNote
              ? [
                  {
                    key: 'note',
                    label: t('share.consult.note'),
                    children: (
                      <span style={{ whiteSpace: 'pre-wrap' }}>
                        {consultation.outcomeNote}
                        {consultation.decidedAt ? ` · ${formatDateTime(lang, consultation.decidedAt)}` : ''}
                      </span>
                    ),
                    span: 2,
                  },
                ]
              : []),
          ]}
        />
        <section aria-labelledby="consultation-record">
          <h3 className="gs-subheading" id="consultation-record">
            {t('share.consult.record')}
          </h3>
          {consultation.entries.length === 0 ? (
            <EmptyText>{t('share.consult.noEntries')}</EmptyText>
          ) : (
            <ol className="gs-plain-list" data-testid="consultation-entries">
              {consultation.entries.map((entry, index) => (
                <li key={`${entry.at}-${index}`} className="gs-record-entry">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(lang, entry.at)} ·{' '}
                    {entry.agency ? t('share.event.actor', { name: entry.author, agency: entry.agency }) : entry.author}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{entry.text}</Typography.Paragraph>
                </li>
              ))}
            </ol>
          )}
        </section>
        {request.can.addToConsultation ? <ConsultationEntryForm request={request} /> : null}
        {request.can.decideConsultation ? (
          <section aria-labelledby="consultation-decide">
            <h3 className="gs-subheading" id="consultation-decide">
              {t('share.consult.decideHeading')}
            </h3>
            <ConsultationOutcomeForm request={request} />
          </section>
        ) : null}
      </Space>
    </Card>
  );
}
