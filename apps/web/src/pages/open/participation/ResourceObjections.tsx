/**
 * 异议与建议 on an open resource's page (R20.2), embedded by the portal's resource page: the public
 * list with the providers' answers, and a form to raise one (any signed-in account), or a prompt
 * to sign in or register. The provider answers within 10 working days; answers are public.
 */
import { Alert, Button, Card, Empty, Flex, Form, Input, Pagination, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { OBJECTION_KINDS, usePublicObjections, useRaiseObjection, type ObjectionKind } from '../../../api/openParticipation';
import { loginPathFor } from '../../../auth/homePath';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { useI18n } from '../../../i18n/useT';
import { showFieldErrors } from './fieldErrors';
import { OBJECTION_KIND_LABEL } from './labels';
import { ObjectionCard } from './ObjectionCard';

interface Values {
  kind: ObjectionKind;
  fieldCode?: string;
  description: string;
}

export function ResourceObjections({
  resourceId,
  fields,
}: {
  readonly resourceId: string;
  readonly fields: readonly { code: string; name: string }[];
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const location = useLocation();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = usePublicObjections({ resourceId, page });
  const headingId = `objections-${resourceId}`;

  return (
    <Card
      title={
        <Typography.Title level={2} id={headingId} style={{ fontSize: 18, margin: 0 }}>
          {t('open.participation.objection.title')}
        </Typography.Title>
      }
      extra={
        me && !open ? (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="objection-raise">
            {t('open.participation.objection.raise')}
          </Button>
        ) : null
      }
      aria-labelledby={headingId}
      data-testid="resource-objections"
    >
      <Typography.Paragraph type="secondary">{t('open.participation.objection.intro')}</Typography.Paragraph>
      {me ? (
        open ? (
          <RaiseForm resourceId={resourceId} fields={fields} onDone={() => setOpen(false)} />
        ) : null
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('open.participation.objection.signInPrompt')}
          action={
            <Flex gap={8}>
              <LinkButton size="small" type="primary" to={loginPathFor(location)}>
                {t('open.participation.signIn')}
              </LinkButton>
              <LinkButton size="small" to={`/open/register?next=${encodeURIComponent(location.pathname)}`}>
                {t('open.participation.register')}
              </LinkButton>
            </Flex>
          }
          style={{ marginBottom: 12 }}
          data-testid="objection-sign-in"
        />
      )}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('open.participation.objection.empty')} />
      ) : null}
      {list.data?.items.map((objection) => (
        <ObjectionCard key={objection.id} objection={objection} />
      ))}
      {list.data && list.data.total > 20 ? (
        <Pagination
          style={{ marginTop: 12 }}
          size="small"
          current={page}
          pageSize={20}
          total={list.data.total}
          showSizeChanger={false}
          onChange={setPage}
        />
      ) : null}
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        <Link to="/open/objections">{t('open.participation.objection.seeAll')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

function RaiseForm({
  resourceId,
  fields,
  onDone,
}: {
  readonly resourceId: string;
  readonly fields: readonly { code: string; name: string }[];
  readonly onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const raise = useRaiseObjection();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ number: string; dueOn: string | null } | null>(null);

  if (done) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={t('open.participation.objection.submitted', { number: done.number, date: done.dueOn ?? '—' })}
        action={
          <Button size="small" onClick={onDone}>
            {t('open.participation.close')}
          </Button>
        }
        style={{ marginBottom: 12 }}
        data-testid="objection-submitted"
      />
    );
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'error' }}
      disabled={raise.isPending}
      onFinish={(values) => {
        setError(null);
        raise.mutate(
          {
            resourceId,
            kind: values.kind,
            description: values.description.trim(),
            ...(values.fieldCode ? { fieldCode: values.fieldCode } : {}),
          },
          {
            onSuccess: (created) => setDone({ number: created.number, dueOn: created.dueOn }),
            onError: (caught) => {
              if (!showFieldErrors(form, caught, lang, ['kind', 'fieldCode', 'description'])) setError(caught);
            },
          },
        );
      }}
      style={{ marginBottom: 16, padding: 16, background: 'rgba(0, 0, 0, 0.02)', borderRadius: 8 }}
      data-testid="objection-form"
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form.Item label={t('open.participation.objection.kind')} name="kind" rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={OBJECTION_KINDS.map((kind) => ({ value: kind, label: t(OBJECTION_KIND_LABEL[kind]) }))} />
      </Form.Item>
      {fields.length > 0 ? (
        <Form.Item label={t('open.participation.objection.field')} name="fieldCode">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('open.participation.objection.fieldPlaceholder')}
            options={fields.map((field) => ({ value: field.code, label: `${field.name}（${field.code}）` }))}
            data-testid="objection-field"
          />
        </Form.Item>
      ) : null}
      <Form.Item
        label={t('open.participation.objection.description')}
        name="description"
        rules={[{ required: true, whitespace: true, message: t('open.participation.form.required') }]}
        extra={t('open.participation.objection.descriptionHelp')}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="objection-description" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={raise.isPending} data-testid="objection-submit">
          {t('open.participation.submit')}
        </Button>
        <Button onClick={onDone}>{t('open.participation.cancel')}</Button>
      </Flex>
    </Form>
  );
}
