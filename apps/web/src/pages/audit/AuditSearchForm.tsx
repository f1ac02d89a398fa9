import { Button, Col, Form, Input, Row, Select } from 'antd';
import type { AuditFilter } from '../../api/audit';
import { useAgencies } from '../../api/agencies';
import { useT } from '../../i18n/useT';

/** Resource and grant ids are UUIDs; anything else is not sent (the API would refuse it). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AuditFormValues {
  actor?: string;
  agencyId?: string;
  resourceId?: string;
  grantId?: string;
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
  if (values.agencyId) filter.agencyId = values.agencyId;
  const resourceId = text(values.resourceId);
  const grantId = text(values.grantId);
  if (resourceId) filter.resourceId = resourceId;
  if (grantId) filter.grantId = grantId;
  if (action) filter.action = action;
  if (subjectType) filter.subjectType = subjectType;
  if (subjectId) filter.subjectId = subjectId;
  if (values.outcome) filter.outcome = values.outcome;
  if (values.from) filter.from = new Date(`${values.from}T00:00:00`).toISOString();
  if (values.to) filter.to = new Date(`${values.to}T23:59:59.999`).toISOString();
  return filter;
}

const FILTER_KEYS = ['actor', 'agencyId', 'action', 'subjectType', 'subjectId', 'resourceId', 'grantId', 'outcome', 'from', 'to'] as const;

/** A search carried by a link (/audit?grantId=…&from=…): the known filters, as given. */
export function filterFromParams(params: URLSearchParams): AuditFilter {
  const filter: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

/** The instant as the local calendar day of a date input. */
function localDay(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The audit search: actor and their agency, action (exact or prefix*), subject, resource, grant, outcome and a date range. */
export function AuditSearchForm({
  initial,
  onSearch,
}: {
  readonly initial?: AuditFilter;
  readonly onSearch: (filter: AuditFilter) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<AuditFormValues>();
  const initialValues: AuditFormValues = { ...initial, from: localDay(initial?.from), to: localDay(initial?.to) };
  const agencies = useAgencies();
  const uuidRule = { pattern: UUID, message: t('security.audit.uuidInvalid') };
  return (
    <Form<AuditFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => onSearch(toFilter(values))}
      data-testid="audit-search"
    >
      <Row gutter={16}>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="agencyId" label={t('security.audit.agency')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.all')}
              loading={agencies.isPending}
              options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              data-testid="audit-agency"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="resourceId" label={t('security.audit.resourceId')} tooltip={t('security.audit.resourceHelp')} rules={[uuidRule]}>
            <Input allowClear autoComplete="off" data-testid="audit-resource" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item name="grantId" label={t('security.audit.grantId')} tooltip={t('security.audit.grantHelp')} rules={[uuidRule]}>
            <Input allowClear autoComplete="off" data-testid="audit-grant" />
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
