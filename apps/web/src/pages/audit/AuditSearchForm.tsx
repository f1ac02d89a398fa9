import { Button, Col, Form, Input, Row, Select } from 'antd';
import type { AuditFilter } from '../../api/audit';
import { useT } from '../../i18n/useT';

interface AuditFormValues {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  from?: string;
  to?: string;
}

/** Local calendar days (from native date inputs) as the instants the API filters on. */
function toFilter(values: AuditFormValues): AuditFilter {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const filter: AuditFilter = {};
  const actor = text(values.actor);
  const action = text(values.action);
  const subjectType = text(values.subjectType);
  const subjectId = text(values.subjectId);
  if (actor) filter.actor = actor;
  if (action) filter.action = action;
  if (subjectType) filter.subjectType = subjectType;
  if (subjectId) filter.subjectId = subjectId;
  if (values.outcome) filter.outcome = values.outcome;
  if (values.from) filter.from = new Date(`${values.from}T00:00:00`).toISOString();
  if (values.to) filter.to = new Date(`${values.to}T23:59:59.999`).toISOString();
  return filter;
}

/** The audit search: actor, action (exact or prefix*), subject, outcome and a date range. */
export function AuditSearchForm({ onSearch }: { readonly onSearch: (filter: AuditFilter) => void }) {
  const t = useT();
  const [form] = Form.useForm<AuditFormValues>();
  return (
    <Form<AuditFormValues> form={form} layout="vertical" onFinish={(values) => onSearch(toFilter(values))} data-testid="audit-search">
      <Row gutter={16}>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="action" label={t('audit.action')} tooltip={t('audit.actionHelp')}>
            <Input allowClear placeholder="auth.*" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="subjectType" label={t('audit.subjectType')}>
            <Input allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="subjectId" label={t('audit.subjectId')}>
            <Input allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              options={(['ok', 'denied', 'failed'] as const).map((value) => ({ value, label: t(`audit.outcome.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={6}>
          <Form.Item name="from" label={t('audit.from')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={6}>
          <Form.Item name="to" label={t('audit.to')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6} style={{ display: 'flex', alignItems: 'flex-end', gap: 8, paddingBottom: 24 }}>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
