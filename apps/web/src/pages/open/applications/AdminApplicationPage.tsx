/**
 * /open-admin/applications/:id: one application or demand on the agency side, with the review the
 * caller may make — the bureau's formal review (choosing the provider of a demand outside the
 * catalog), the provider's review (fewer fields, a shorter period, a stronger mask per field, the
 * report cycle, R29.1) or its answer to a demand; rejections give every reason with its legal
 * basis (R19.2–R19.4).
 */
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useParams } from 'react-router';
import {
  useOpenAnswer,
  useOpenApplication,
  useOpenFormalReview,
  useOpenProviderReview,
  useOpenProviders,
  type OpenApplicationDetail,
} from '../../../api/openApplications';
import { CardTitle } from '../../../components/CardTitle';
import { DecisionForm } from '../../../components/DecisionForm';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MaskChooser, chosenMasks } from '../../../components/MaskChooser';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { ApplicationView } from './ApplicationView';

/** What the bureau's approval covers: the provider it chooses for a demand outside the catalog. */
interface FormalApproval {
  providerAgencyId: string;
}

/** What the provider's approval covers: the fields, the end of the period, the masks and the report cycle (R20.1). */
interface ProviderApproval {
  fields: string[];
  periodTo: string;
  /** Field code → a stronger mask than the default (R29.1). */
  masks: Record<string, string | undefined>;
  reportEveryMonths: number;
}

function FormalReview({ detail }: { readonly detail: OpenApplicationDetail }) {
  const t = useT();
  const review = useOpenFormalReview();
  const providers = useOpenProviders();
  const needsProvider = detail.route === 'demand' && !detail.resource;
  return (
    <DecisionForm<FormalApproval>
      testId="open-formal-review"
      help={t(`open.applications.admin.formalHelp.${detail.route}`)}
      pending={review.isPending}
      error={review.error}
      initialValues={needsProvider && detail.provider ? { providerAgencyId: detail.provider.id } : {}}
      approveFields={
        needsProvider ? (
          <Form.Item name="providerAgencyId" label={t('open.applications.admin.assignProvider')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              data-testid="open-assign-provider"
            />
          </Form.Item>
        ) : undefined
      }
      onDecide={(decision) =>
        review.mutateAsync({
          id: detail.id,
          body: {
            approve: decision.approve,
            ...(decision.comment ? { comment: decision.comment } : {}),
            ...(decision.reasons ? { reasons: decision.reasons } : {}),
            ...(decision.providerAgencyId ? { providerAgencyId: decision.providerAgencyId } : {}),
          },
        })
      }
    />
  );
}

function ProviderReview({ detail }: { readonly detail: OpenApplicationDetail }) {
  const t = useT();
  const review = useOpenProviderReview();
  // The asked fields' defaults come with the resource's fields (availableFields).
  const defaults = new Map(detail.availableFields.map((f) => [f.code, f.defaultMask]));
  const fields = detail.fields.map((f) => ({ ...f, defaultMask: f.defaultMask ?? defaults.get(f.code) }));
  return (
    <DecisionForm<ProviderApproval>
      testId="open-provider-review"
      help={t('open.applications.admin.providerHelp')}
      pending={review.isPending}
      error={review.error}
      initialValues={{ fields: detail.fields.map((f) => f.code), periodTo: detail.periodTo ?? undefined, masks: {} }}
      approveFields={
        <>
          <Form.Item name="fields" label={t('open.applications.admin.approvedFields')} rules={[{ type: 'array', min: 1 }]}>
            <Checkbox.Group options={detail.fields.map((f) => ({ value: f.code, label: f.name }))} data-testid="open-approve-fields" />
          </Form.Item>
          <Form.Item name="masks" label={t('security.masking.reviewLabel')} extra={t('security.masking.reviewHelp')}>
            <MaskChooser fields={fields} fieldsName="fields" />
          </Form.Item>
          <Form.Item name="periodTo" label={t('open.applications.admin.periodTo')}>
            <Input type="date" min={detail.periodFrom ?? undefined} max={detail.periodTo ?? undefined} data-testid="open-approve-period" />
          </Form.Item>
          <Form.Item name="reportEveryMonths" label={t('open.applications.admin.reportEvery')}>
            <InputNumber min={1} max={12} placeholder="6" data-testid="open-report-every" />
          </Form.Item>
        </>
      }
      onDecide={(decision) =>
        review.mutateAsync({
          id: detail.id,
          body: {
            approve: decision.approve,
            ...(decision.comment ? { comment: decision.comment } : {}),
            ...(decision.reasons ? { reasons: decision.reasons } : {}),
            ...(decision.approve && decision.fields ? { fields: decision.fields } : {}),
            ...(decision.approve && decision.periodTo ? { periodTo: decision.periodTo } : {}),
            ...(decision.approve && decision.masks ? { masks: chosenMasks(decision.masks, decision.fields) } : {}),
            ...(decision.approve && decision.reportEveryMonths ? { reportEveryMonths: decision.reportEveryMonths } : {}),
          },
        })
      }
    />
  );
}

interface AnswerValues {
  willOpen: boolean;
  expectedBy?: string;
  text: string;
}

function AnswerForm({ detail }: { readonly detail: OpenApplicationDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const answer = useOpenAnswer();
  const [form] = Form.useForm<AnswerValues>();
  const willOpen = Form.useWatch('willOpen', form) ?? true;
  return (
    <Form<AnswerValues>
      form={form}
      layout="vertical"
      initialValues={{ willOpen: true }}
      data-testid="open-answer-form"
      onFinish={(values) => {
        void answer
          .mutateAsync({
            id: detail.id,
            body: {
              willOpen: values.willOpen,
              text: values.text.trim(),
              ...(values.willOpen && values.expectedBy ? { expectedBy: values.expectedBy } : {}),
            },
          })
          .then(() => void message.success(t('open.applications.admin.answered')))
          .catch(() => undefined);
      }}
    >
      {answer.error ? <ErrorAlert error={answer.error} /> : null}
      <Form.Item<AnswerValues> name="willOpen" label={t('open.applications.admin.willOpen')}>
        <Radio.Group optionType="button" buttonStyle="solid">
          <Radio.Button value={true}>{t('open.applications.admin.willOpenYes')}</Radio.Button>
          <Radio.Button value={false}>{t('open.applications.admin.willOpenNo')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      {willOpen ? (
        <Form.Item<AnswerValues> name="expectedBy" label={t('open.applications.admin.expectedBy')} rules={[{ required: true }]}>
          <Input type="date" data-testid="open-answer-date" />
        </Form.Item>
      ) : null}
      <Form.Item<AnswerValues>
        name="text"
        label={t('open.applications.admin.answerText')}
        rules={[{ required: true, whitespace: true, min: 2 }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="open-answer-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="open-answer-submit">
        {t('open.applications.admin.answerSubmit')}
      </Button>
    </Form>
  );
}

export function AdminApplicationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const application = useOpenApplication(id);
  const detail = application.data;
  const form = detail?.can.formalReview ? (
    <FormalReview detail={detail} />
  ) : detail?.can.providerReview ? (
    <ProviderReview detail={detail} />
  ) : detail?.can.answer ? (
    <AnswerForm detail={detail} />
  ) : null;
  return (
    <>
      <PageHeader
        title={
          detail
            ? t('open.applications.detail.heading', { route: t(`open.applications.route.${detail.route}`), number: detail.number })
            : t('open.applications.admin.heading')
        }
        crumbs={[{ label: t('open.applications.admin.heading'), to: '/open-admin/applications' }]}
        description={detail?.title}
      />
      {application.isError ? <ErrorAlert error={application.error} onRetry={() => void application.refetch()} /> : null}
      {application.isLoading ? <PageLoading /> : null}
      {detail ? (
        <ApplicationView
          detail={detail}
          actions={
            form ? (
              <Card
                title={
                  <CardTitle testId="section-open-review">
                    {t(detail.can.answer ? 'open.applications.admin.answer' : 'open.applications.detail.actions')}
                  </CardTitle>
                }
              >
                {form}
              </Card>
            ) : undefined
          }
        />
      ) : null}
    </>
  );
}
