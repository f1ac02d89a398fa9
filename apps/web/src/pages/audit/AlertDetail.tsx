import type { AccessAlert } from '@gongshu/contracts';
import { App, Button, Descriptions, Drawer, Flex, Form, Input, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useChangeAlertState, useSecurityAlert, type AlertAction } from '../../api/securityAlerts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { KIND_COLOR, STATE_COLOR } from './AlertLabels';

// ECharts loads only when an alert is opened.
const AlertUsageChart = lazy(() => import('./AlertUsageChart').then((module) => ({ default: module.AlertUsageChart })));

/**
 * The audit search of the alert's subject over its window: a grant by grantId; a user or a key by
 * its owner's username (labels are "username (name)" and "key (prefix…, username)", security-alerts.repository.ts).
 */
function auditLink(alert: AccessAlert): string {
  const q = new URLSearchParams({ from: alert.windowStart, to: alert.windowEnd });
  if (alert.subjectType === 'share_grant' || alert.subjectType === 'open_grant') q.set('grantId', alert.subjectId);
  const username =
    alert.subjectType === 'user'
      ? /^(\S+) \(/.exec(alert.subjectLabel)?.[1]
      : alert.subjectType === 'api_key'
        ? /, (\S+)\)$/.exec(alert.subjectLabel)?.[1]
        : undefined;
  if (username) q.set('actor', username);
  return `/audit?${q.toString()}`;
}

/** One alert: what was observed against which baseline, the subject's days as a chart, and acknowledge or close with a note. */
export function AlertDetail({ id, onClose }: { readonly id: string | null; readonly onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const detail = useSecurityAlert(id);
  const change = useChangeAlertState();
  const [form] = Form.useForm<{ note: string }>();
  const alert = detail.data?.alert;

  const act = async (action: AlertAction['action']) => {
    const { note } = await form.validateFields();
    if (!alert) return;
    await change.mutateAsync({ id: alert.id, action, note });
    form.resetFields();
    void message.success(t('security.alerts.done'));
    void detail.refetch();
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={t('security.alerts.detailTitle')}
      destroyOnHidden
      data-testid="alert-detail"
    >
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.isPending && id ? <PageLoading /> : null}
      {alert && detail.data ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('security.alerts.col.kind')}>
              <Tag color={KIND_COLOR[alert.kind]}>{t(`security.alerts.kind.${alert.kind}`)}</Tag>
              <Tag color={STATE_COLOR[alert.state]}>{t(`security.alerts.state.${alert.state}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('security.alerts.col.subject')}>
              {t(`security.alerts.subject.${alert.subjectType}`)} {alert.subjectLabel}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.alerts.col.agency')}>{alert.agencyName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('security.alerts.col.window')}>
              {formatDateTime(lang, alert.windowStart)} – {formatDateTime(lang, alert.windowEnd)}（
              {t(`security.alerts.window.${alert.windowKind}`)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('security.alerts.col.observed')}>
              <Typography.Text strong type="danger">
                {t('security.alerts.observed', { observed: alert.observed.toLocaleString() })}
              </Typography.Text>{' '}
              /{' '}
              {alert.baseline === null
                ? t('security.alerts.noBaseline')
                : t('security.alerts.baseline', { baseline: alert.baseline.toLocaleString() })}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('security.alerts.rule', { factor: alert.factor, floor: alert.floor.toLocaleString() })}
              </Typography.Text>
            </Descriptions.Item>
            {alert.acknowledgedAt ? (
              <Descriptions.Item label={t('security.alerts.state.acknowledged')}>
                {t('security.alerts.acknowledgedBy', {
                  user: alert.acknowledgedBy ?? '—',
                  at: formatDateTime(lang, alert.acknowledgedAt),
                  note: alert.note ?? '',
                })}
              </Descriptions.Item>
            ) : null}
            {alert.closedAt ? (
              <Descriptions.Item label={t('security.alerts.state.closed')}>
                {t('security.alerts.closedBy', {
                  user: alert.closedBy ?? '—',
                  at: formatDateTime(lang, alert.closedAt),
                  note: alert.closeNote ?? '',
                })}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <h3 style={{ margin: '20px 0 8px', fontSize: 15 }}>{t('security.alerts.chartTitle', { days: detail.data.days.length })}</h3>
          <Suspense fallback={<PageLoading />}>
            <AlertUsageChart days={detail.data.days} baseline={detail.data.dailyBaseline} subject={alert.subjectLabel} />
          </Suspense>
          <Link to={auditLink(alert)}>{t('security.alerts.auditLink')}</Link>
          {alert.state !== 'closed' ? (
            <Form form={form} layout="vertical" style={{ marginTop: 20 }} data-testid="alert-action">
              <Form.Item name="note" label={t('security.alerts.note')} rules={[{ required: true, min: 2, max: 2000 }]}>
                <Input.TextArea rows={3} placeholder={t('security.alerts.notePlaceholder')} />
              </Form.Item>
              {change.isError ? <ErrorAlert error={change.error} /> : null}
              <Flex gap={8}>
                {alert.state === 'open' ? (
                  <Button type="primary" loading={change.isPending} onClick={() => void act('acknowledge')} data-testid="alert-acknowledge">
                    {t('security.alerts.acknowledge')}
                  </Button>
                ) : null}
                <Button loading={change.isPending} onClick={() => void act('close')} data-testid="alert-close">
                  {t('security.alerts.close')}
                </Button>
              </Flex>
            </Form>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
