/**
 * One derivative (/open-admin/derivatives/:id, R18.4): the treatment of every field with its
 * parameter, the quasi-identifiers and k; the k-anonymity check run over the treated data with its
 * stored result and the equivalence-class sizes against k; the right holder's consent; publication
 * and withdrawal. The server decides (can.*); refusals show by their field.
 */
import { ScrollRegion } from '../../../components/ScrollRegion';
import { ApiError } from '@gongshu/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  useCheckDerivative,
  useDerivativeSample,
  useDerivativeConsent,
  useManagedDerivative,
  usePublishDerivative,
  useUpdateDerivative,
  useWithdrawDerivative,
  type DerivativeDetail,
  type SourceField,
  type Treatment,
} from '../../../api/derivatives';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { termLabel } from '../../catalog/shared/vocabulary';
import { formatDateTime } from '../../shared/labels';
import { ClassSizeChart } from './ClassSizeChart';
import { StateTag } from './tags';
import { choiceLabel, choiceOf, choicesFor, treatmentOf, type TreatmentChoice } from './treatments';

interface Problem {
  readonly field: string | null;
  readonly message: { readonly zh: string; readonly en: string };
}

/** Every problem of a refusal (details.problems), or the refusal itself. */
function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  const list = error.body.details?.problems as Problem[] | undefined;
  return list ?? [{ field: error.body.field ?? null, message: error.body.message }];
}

export function DerivativeEditorPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const derivative = useManagedDerivative(id);
  const crumbs = [{ label: t('open.derivatives.editor.back'), to: '/open-admin/derivatives' }];
  if (derivative.isError)
    return (
      <>
        <PageHeader title={t('open.derivatives.admin.heading')} crumbs={crumbs} />
        <ErrorAlert error={derivative.error} onRetry={() => void derivative.refetch()} />
      </>
    );
  const d = derivative.data;
  if (!d) return <PageLoading />;
  return (
    <>
      <PageHeader
        title={d.name}
        crumbs={crumbs}
        description={
          <Space wrap>
            <StateTag state={d.state} />
            <span>
              {t('open.derivatives.col.resource')}：{d.resource.name}（{d.provider.name}）
            </span>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <PlanCard key={`${d.id}-${d.state}`} d={d} />
        </Col>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <CheckCard d={d} />
            <SampleCard id={d.id} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ConsentCard d={d} />
            <PublishCard d={d} />
          </Space>
        </Col>
      </Row>
    </>
  );
}

function PlanCard({ d }: { readonly d: DerivativeDetail }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const update = useUpdateDerivative(d.id);
  const [name, setName] = useState(d.name);
  const [description, setDescription] = useState(d.description ?? '');
  const [k, setK] = useState<number>(d.k);
  const [treatments, setTreatments] = useState<Record<string, Treatment>>(() =>
    Object.fromEntries(d.fields.map((f) => [f.code, f.treatment])),
  );
  const [quasi, setQuasi] = useState<string[]>(d.quasiIdentifiers);
  const editable = d.can.edit;
  const problems = update.isError ? problemsOf(update.error) : [];
  const problemAt = (code: string) => problems.some((p) => p.field === `treatments.${code}` || p.field === `quasiIdentifiers.${code}`);

  const save = async () => {
    await update.mutateAsync({ name, description: description || null, treatments, quasiIdentifiers: quasi, k });
    void message.success(t('open.derivatives.editor.saved'));
  };
  const setTreatment = (code: string, value: Treatment) => {
    setTreatments((all) => ({ ...all, [code]: value }));
    // A dropped field is no quasi-identifier.
    if (value.kind === 'drop') setQuasi((q) => q.filter((c) => c !== code));
  };

  const columns = [
    {
      title: t('open.derivatives.editor.field'),
      render: (_: unknown, f: SourceField) => (
        <Space orientation="vertical" size={0}>
          <span>
            {f.name} <Typography.Text type="secondary">{f.code}</Typography.Text>
          </span>
          {f.directIdentifier ? (
            <Tag color="error" variant="outlined">
              {t('open.derivatives.editor.identifier')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('open.derivatives.editor.type'), render: (_: unknown, f: SourceField) => termLabel(pick, 'dataType', f.dataType) },
    {
      title: t('open.derivatives.editor.treatment'),
      render: (_: unknown, f: SourceField) => {
        const current = treatments[f.code] ?? { kind: 'drop' };
        return (
          <Select<TreatmentChoice>
            style={{ minWidth: 200 }}
            value={choiceOf(current)}
            disabled={!editable}
            status={problemAt(f.code) ? 'error' : undefined}
            aria-label={t('open.derivatives.editor.treatmentLabel', { field: f.name })}
            onChange={(choice) => setTreatment(f.code, treatmentOf(choice, current))}
            options={choicesFor(f.dataType).map((c) => ({ value: c, label: choiceLabel(t, c) }))}
            data-testid={`treatment-${f.code}`}
          />
        );
      },
    },
    {
      title: t('open.derivatives.editor.param'),
      render: (_: unknown, f: SourceField) => (
        <ParamInput treatment={treatments[f.code]} disabled={!editable} onChange={(v) => setTreatment(f.code, v)} />
      ),
    },
    {
      title: t('open.derivatives.editor.quasi'),
      render: (_: unknown, f: SourceField) => (
        <Checkbox
          checked={quasi.includes(f.code)}
          disabled={!editable || treatments[f.code]?.kind === 'drop'}
          aria-label={t('open.derivatives.editor.quasiLabel', { field: f.name })}
          onChange={(e) => setQuasi((q) => (e.target.checked ? [...q, f.code] : q.filter((c) => c !== f.code)))}
          data-testid={`quasi-${f.code}`}
        />
      ),
    },
  ];

  return (
    <Card title={<h2 className="gs-card-title">{t('open.derivatives.editor.plan')}</h2>}>
      {!editable && d.state === 'published' ? (
        <Alert type="info" showIcon title={t('open.derivatives.editor.readOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Paragraph type="secondary">{t('open.derivatives.editor.planHint')}</Typography.Paragraph>
      <Form layout="vertical" disabled={!editable}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={t('open.derivatives.editor.name')} htmlFor="derivative-name" required>
              <Input id="derivative-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('open.derivatives.editor.description')} htmlFor="derivative-description">
              <Input.TextArea
                id="derivative-description"
                value={description}
                autoSize
                maxLength={4000}
                onChange={(e) => setDescription(e.target.value)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={t('open.derivatives.editor.k')} htmlFor="derivative-k" extra={t('open.derivatives.editor.kHint')}>
              <InputNumber
                id="derivative-k"
                min={2}
                max={1000}
                precision={0}
                value={k}
                onChange={(v) => setK(v ?? 5)}
                data-testid="derivative-k"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <ScrollRegion label={t('open.derivatives.public.dictionary')}>
        <Table<SourceField> rowKey="code" size="small" columns={columns} dataSource={d.sourceFields} pagination={false} />
      </ScrollRegion>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={t('open.derivatives.editor.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="derivative-problems">
              {problems.map((p, i) => (
                <li key={i}>
                  {p.field ? <Typography.Text code>{p.field}</Typography.Text> : null} {pick(p.message)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {editable ? (
        <Flex justify="end" style={{ marginTop: 12 }}>
          <Button
            type="primary"
            loading={update.isPending}
            onClick={() => void save().catch(() => undefined)}
            data-testid="derivative-save"
          >
            {t('open.derivatives.editor.save')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

/** The parameter of a treatment: a band's width, a prefix's length, the ends a mask keeps. */
function ParamInput({
  treatment,
  disabled,
  onChange,
}: {
  readonly treatment: Treatment | undefined;
  readonly disabled: boolean;
  readonly onChange: (t: Treatment) => void;
}) {
  const { t } = useI18n();
  if (treatment?.kind === 'band')
    return (
      <InputNumber
        min={1}
        precision={0}
        disabled={disabled}
        value={treatment.width}
        aria-label={t('open.derivatives.param.width')}
        prefix={t('open.derivatives.param.width')}
        onChange={(v) => onChange({ kind: 'band', width: v ?? 1 })}
      />
    );
  if (treatment?.kind === 'prefix')
    return (
      <InputNumber
        min={1}
        max={100}
        precision={0}
        disabled={disabled}
        value={treatment.length}
        aria-label={t('open.derivatives.param.length')}
        prefix={t('open.derivatives.param.length')}
        onChange={(v) => onChange({ kind: 'prefix', length: v ?? 1 })}
      />
    );
  if (treatment?.kind === 'mask' && treatment.mask.kind === 'keep') {
    const mask = treatment.mask;
    return (
      <Space>
        <InputNumber
          min={0}
          max={50}
          precision={0}
          disabled={disabled}
          value={mask.first}
          aria-label={t('open.derivatives.param.first')}
          prefix={t('open.derivatives.param.first')}
          onChange={(v) => onChange({ kind: 'mask', mask: { ...mask, first: v ?? 0 } })}
        />
        <InputNumber
          min={0}
          max={50}
          precision={0}
          disabled={disabled}
          value={mask.last}
          aria-label={t('open.derivatives.param.last')}
          prefix={t('open.derivatives.param.last')}
          onChange={(v) => onChange({ kind: 'mask', mask: { ...mask, last: v ?? 0 } })}
        />
      </Space>
    );
  }
  return <Typography.Text type="secondary">—</Typography.Text>;
}

function CheckCard({ d }: { readonly d: DerivativeDetail }) {
  const { t, lang } = useI18n();
  const run = useCheckDerivative(d.id);
  const c = d.check;
  return (
    <Card
      title={<h2 className="gs-card-title">{t('open.derivatives.check.heading')}</h2>}
      extra={
        d.can.check ? (
          <Button type="primary" loading={run.isPending} onClick={() => run.mutate()} data-testid="derivative-check">
            {t('open.derivatives.check.run')}
          </Button>
        ) : null
      }
      data-testid="derivative-check-card"
    >
      <Typography.Paragraph type="secondary">{t('open.derivatives.check.intro')}</Typography.Paragraph>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {!c ? (
        <Typography.Paragraph>{t('open.derivatives.check.notRun')}</Typography.Paragraph>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type={c.passed ? 'success' : 'error'}
            showIcon
            title={
              c.passed
                ? t('open.derivatives.check.result.passed', { k: c.k })
                : t('open.derivatives.check.result.failed', { k: c.k, classes: c.violatingClasses, rows: c.violatingRows })
            }
            data-testid="derivative-check-result"
          />
          {c.stale ? <Alert type="warning" showIcon title={t('open.derivatives.check.staleAlert')} /> : null}
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('open.derivatives.col.k')}>{c.k}</Descriptions.Item>
            <Descriptions.Item label={t('open.derivatives.check.smallestClass')}>{c.smallestClass}</Descriptions.Item>
            <Descriptions.Item label={t('open.derivatives.check.classes')}>{c.classes}</Descriptions.Item>
            <Descriptions.Item label={t('open.derivatives.check.violatingClasses')}>{c.violatingClasses}</Descriptions.Item>
            <Descriptions.Item label={t('open.derivatives.check.violatingRows')}>{c.violatingRows}</Descriptions.Item>
            <Descriptions.Item label={t('open.derivatives.check.rows')}>{c.rows}</Descriptions.Item>
            <Descriptions.Item label={t('open.derivatives.check.quasi')}>{c.quasiIdentifiers.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('open.derivatives.check.checkedAt')}>{formatDateTime(lang, c.checkedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('open.derivatives.check.dataLoadedAt')}>{formatDateTime(lang, c.dataLoadedAt)}</Descriptions.Item>
          </Descriptions>
          <div>
            <h3 style={{ fontSize: 15, margin: '4px 0 8px' }}>{t('open.derivatives.chart.title')}</h3>
            <ClassSizeChart check={c} />
          </div>
        </Space>
      )}
    </Card>
  );
}

/** The first rows as the saved plan treats them (the same SQL as publication). */
function SampleCard({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const sample = useDerivativeSample(id);
  const columns = (sample.data?.columns ?? []).map((c) => ({
    key: c.code,
    title: (
      <span>
        {c.name} <Typography.Text type="secondary">{c.code}</Typography.Text>
      </span>
    ),
    render: (_: unknown, row: Record<string, string | null>) => row[c.code] ?? '',
  }));
  return (
    <Card title={<h2 className="gs-card-title">{t('open.derivatives.sample.heading')}</h2>} data-testid="derivative-sample-card">
      <Typography.Paragraph type="secondary">{t('open.derivatives.sample.intro')}</Typography.Paragraph>
      {sample.isError ? <ErrorAlert error={sample.error} onRetry={() => void sample.refetch()} /> : null}
      <ScrollRegion label={t('open.derivatives.sample.heading')}>
        <Table<Record<string, string | null>>
          rowKey={(_, index) => String(index)}
          size="small"
          columns={columns}
          dataSource={sample.data?.rows ?? []}
          loading={sample.isFetching}
          pagination={false}
        />
      </ScrollRegion>
    </Card>
  );
}

interface ConsentValues {
  holder: string;
  document: string;
  date: string;
}

function ConsentCard({ d }: { readonly d: DerivativeDetail }) {
  const { t, lang } = useI18n();
  const record = useDerivativeConsent(d.id);
  const [form] = Form.useForm<ConsentValues>();
  const required = [{ required: true, whitespace: true, message: t('open.derivatives.new.required') }];
  return (
    <Card title={<h2 className="gs-card-title">{t('open.derivatives.consent.heading')}</h2>} data-testid="derivative-consent-card">
      <Typography.Paragraph type="secondary">{t('open.derivatives.consent.intro')}</Typography.Paragraph>
      {d.consent ? (
        <Alert
          type="info"
          showIcon
          title={t('open.derivatives.consent.recorded', {
            holder: d.consent.holder,
            document: d.consent.document,
            date: d.consent.date,
            by: d.consent.recordedBy,
            at: formatDateTime(lang, d.consent.recordedAt),
          })}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Typography.Paragraph>{t('open.derivatives.consent.none')}</Typography.Paragraph>
      )}
      {d.can.consent ? (
        <Form<ConsentValues> form={form} layout="vertical" onFinish={(values) => record.mutate(values)}>
          {record.isError ? <ErrorAlert error={record.error} /> : null}
          <Form.Item name="holder" label={t('open.derivatives.consent.holder')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="document" label={t('open.derivatives.consent.document')} rules={required}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="date" label={t('open.derivatives.consent.date')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Button htmlType="submit" loading={record.isPending} data-testid="derivative-consent">
            {t('open.derivatives.consent.record')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function PublishCard({ d }: { readonly d: DerivativeDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const publish = usePublishDerivative(d.id);
  const withdraw = useWithdrawDerivative(d.id);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const editable = d.state !== 'published';
  return (
    <Card title={<h2 className="gs-card-title">{t('open.derivatives.publish.heading')}</h2>} data-testid="derivative-publish-card">
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
      {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
      {editable && !d.can.publish ? (
        <Typography.Paragraph type="secondary">{t('open.derivatives.publish.blocked')}</Typography.Paragraph>
      ) : null}
      <Space wrap>
        {editable ? (
          <Popconfirm
            title={t('open.derivatives.publish.confirm')}
            okText={t('open.derivatives.ok')}
            cancelText={t('open.derivatives.cancel')}
            onConfirm={() => publish.mutate(undefined, { onSuccess: () => void message.success(t('open.derivatives.publish.done')) })}
            disabled={!d.can.publish}
          >
            <Button type="primary" disabled={!d.can.publish} loading={publish.isPending} data-testid="derivative-publish">
              {t('open.derivatives.publish.button')}
            </Button>
          </Popconfirm>
        ) : null}
        {d.state === 'published' ? <LinkButton to={`/open/derivatives/${d.id}`}>{t('open.derivatives.publish.public')}</LinkButton> : null}
        {d.can.withdraw ? (
          <Button danger onClick={() => setWithdrawing(true)} data-testid="derivative-withdraw">
            {t('open.derivatives.withdraw.button')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={withdrawing}
        title={t('open.derivatives.withdraw.title')}
        okText={t('open.derivatives.withdraw.button')}
        cancelText={t('open.derivatives.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: withdraw.isPending }}
        onCancel={() => setWithdrawing(false)}
        onOk={() =>
          withdraw.mutate(reason.trim(), {
            onSuccess: () => {
              setWithdrawing(false);
              void message.success(t('open.derivatives.withdraw.done'));
            },
          })
        }
      >
        <Typography.Paragraph>{t('open.derivatives.withdraw.hint')}</Typography.Paragraph>
        <label htmlFor="withdraw-reason">{t('open.derivatives.withdraw.reason')}</label>
        <Input.TextArea
          id="withdraw-reason"
          value={reason}
          maxLength={2000}
          autoSize={{ minRows: 2 }}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
