/**
 * 数据共享申请: the request wizard (R14–R17). 1 what (a published resource with its share type, a
 * demand for data not yet shared, R14.3, or upper-level data, R15.1; the bureau files for towns,
 * R15.2); 2 the fields with their masks; 3 the use, period, systems and commitments (R17.1); 4 a
 * last look. Beside it, the way the request will go with each step's working-day limit. A refusal
 * of the server shows by the field it concerns, on its step.
 */
import { routeOf } from '@gongshu/domain';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Steps } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAgencies } from '../../../api/agencies';
import { useCatalogResource } from '../../../api/catalog';
import { formFieldOf } from '../../../api/errors';
import { shareProblemsOf, useAgencyKeys, useFileShareRequest } from '../../../api/sharing';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/useT';
import { chinaToday } from '../../shared/labels';
import { REQUESTS_PATH, requestPath } from '../shared/paths';
import { FieldsStep } from './FieldsStep';
import { ReviewStep } from './ReviewStep';
import { RoutePreview } from './RoutePreview';
import { shareFieldsOf } from './shareFields';
import { UseStep } from './UseStep';
import { WhatStep } from './WhatStep';
import { initialValues, KNOWN_PATHS, STEP_FIELDS, stepOf, toBody, type WizardValues } from './wizardForm';
import { CardTitle } from '../../../components/CardTitle';

const STEP_KEYS = ['what', 'fields', 'use', 'review'] as const;

export function RequestWizardPage() {
  const { t, pick } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  const initial = useMemo(() => initialValues(chinaToday(), params), [params]);
  const values = (Form.useWatch([], { form, preserve: true }) as WizardValues | undefined) ?? initial;
  const kind = values.kind;
  const resource = useCatalogResource(values.resourceId ?? '', kind === 'resource' && Boolean(values.resourceId));
  const agencies = useAgencies();
  const keys = useAgencyKeys();
  const file = useFileShareRequest();

  const bureau = can('share.review');
  const own = me?.user.agency ?? null;
  const agencyName = (id: string | undefined) => agencies.data?.find((agency) => agency.id === id)?.name ?? null;
  const metadata = kind === 'resource' ? resource.data?.current?.metadata : undefined;
  const fields = useMemo(() => (metadata ? shareFieldsOf(metadata) : []), [metadata]);
  const onBehalfOfName = values.onBehalfOf ? agencyName(values.onBehalfOf) : null;
  const requesterName = onBehalfOfName ?? own?.name ?? '';
  const providerName =
    kind === 'resource'
      ? (resource.data?.provider.name ?? null)
      : kind === 'demand'
        ? agencyName(values.providerAgencyId)
        : values.upperLevel
          ? t(`share.upper.${values.upperLevel}`)
          : null;
  const route = useMemo(() => {
    if (kind === 'resource' && !metadata) return null;
    const result = routeOf({
      resource: metadata ? { shareType: metadata.share.type } : null,
      upperLevel: kind === 'upper',
      requesterLevel: values.onBehalfOf ? 'town' : (own?.level ?? 'city'),
      filedByBureau: bureau,
    });
    return result.ok ? result.value : null;
  }, [kind, metadata, values.onBehalfOf, own?.level, bureau]);
  const what = kind === 'resource' ? (metadata?.name ?? '') : (values.dataDescription ?? '');

  // R15.2: a town's own people do not file; the bureau applies on their behalf.
  if (own?.level === 'town' && !bureau) {
    return (
      <>
        <PageHeader title={t('share.wizard.heading')} crumbs={[{ label: t('share.mine.heading'), to: REQUESTS_PATH }]} />
        <Alert
          type="warning"
          showIcon
          title={t('share.wizard.townTitle')}
          description={t('share.wizard.townDesc')}
          data-testid="wizard-town"
        />
      </>
    );
  }

  const next = async () => {
    const ok = await form
      .validateFields(STEP_FIELDS[step]?.map((path) => [...path]) ?? [])
      .then(() => true)
      .catch(() => false);
    if (ok) setStep((current) => Math.min(current + 1, STEP_KEYS.length - 1));
  };

  const submit = async () => {
    const ok = await form.validateFields().catch((error: { errorFields?: { name: (string | number)[] }[] }) => {
      const first = error.errorFields?.[0]?.name.map(String);
      if (first) setStep(stepOf(first));
      return null;
    });
    if (!ok) return;
    file.mutate(toBody(form.getFieldsValue(true) as WizardValues), {
      onSuccess: (detail) => {
        void message.success(t('share.wizard.filed', { number: detail.number }));
        void navigate(requestPath(detail.id));
      },
      onError: (error) => {
        // Every problem by its field; the earliest step with a problem is shown.
        const placed = shareProblemsOf(error).flatMap((problem) => {
          const path = formFieldOf(problem.field, KNOWN_PATHS);
          if (!path) return [];
          const message = pick(problem.message);
          const why = problem.requirement ? t('share.wizard.fieldError', { message, requirement: problem.requirement }) : message;
          return [{ path, why }];
        });
        if (placed.length === 0) return;
        form.setFields(placed.map(({ path, why }) => ({ name: [...path] as never, errors: [why] })));
        setStep(Math.min(...placed.map(({ path }) => stepOf(path))));
      },
    });
  };

  return (
    <>
      <PageHeader
        title={t('share.wizard.heading')}
        crumbs={[{ label: t('share.mine.heading'), to: REQUESTS_PATH }]}
        description={t('share.wizard.intro')}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Steps
              current={step}
              size="small"
              style={{ marginBottom: 24 }}
              onChange={(target) => (target < step ? setStep(target) : undefined)}
              items={STEP_KEYS.map((key) => ({ key, title: t(`share.wizard.step.${key}`) }))}
              data-testid="wizard-steps"
            />
            {file.isError ? <ErrorAlert error={file.error} title={t('share.wizard.refused')} /> : null}
            <Form<WizardValues> form={form} layout="vertical" initialValues={initial} data-testid="wizard-form" data-step={STEP_KEYS[step]}>
              <section hidden={step !== 0} aria-label={t('share.wizard.step.what')}>
                <WhatStep
                  kind={kind}
                  resource={resource.data}
                  agencies={agencies.data ?? []}
                  bureau={bureau}
                  ownAgencyId={own?.id ?? null}
                />
              </section>
              <section hidden={step !== 1} aria-label={t('share.wizard.step.fields')}>
                <FieldsStep kind={kind} fields={fields} mode={values.fieldMode} chosen={values.fields ?? []} />
              </section>
              <section hidden={step !== 2} aria-label={t('share.wizard.step.use')}>
                <UseStep keys={keys.data ?? []} keysLoading={keys.isPending} />
              </section>
              {step === 3 ? (
                <section aria-label={t('share.wizard.step.review')}>
                  <ReviewStep
                    values={form.getFieldsValue(true) as WizardValues}
                    what={what}
                    providerName={providerName}
                    onBehalfOfName={onBehalfOfName}
                    fields={fields}
                    keys={keys.data ?? []}
                  />
                </section>
              ) : null}
            </Form>
            <Flex gap={8} justify="space-between" style={{ marginTop: 24 }}>
              <Button onClick={() => setStep((current) => Math.max(0, current - 1))} disabled={step === 0} data-testid="wizard-prev">
                {t('share.wizard.prev')}
              </Button>
              {step < STEP_KEYS.length - 1 ? (
                <Button type="primary" onClick={() => void next()} data-testid="wizard-next">
                  {t('share.wizard.next')}
                </Button>
              ) : (
                <Button type="primary" onClick={() => void submit()} loading={file.isPending} data-testid="wizard-submit">
                  {t('share.wizard.submit')}
                </Button>
              )}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={<CardTitle>{t('share.preview.heading')}</CardTitle>} data-testid="route-card">
            <RoutePreview route={route} requesterName={requesterName} providerName={providerName} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
