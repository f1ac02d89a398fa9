/**
 * Submitting a work built on open data (R22.1): kind, title, summary, link, author and the open
 * resources it uses (searched by name; only open resources can be chosen). The bureau moderates
 * it before it is shown.
 */
import { Button, Flex, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import {
  SHOWCASE_KINDS,
  useResourceOptions,
  useSubmitShowcase,
  type ShowcaseItem,
  type ShowcaseKind,
} from '../../../api/openParticipation';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDebounced } from '../../../components/useDebounced';
import { useI18n } from '../../../i18n/useT';
import { showFieldErrors } from './fieldErrors';
import { SHOWCASE_KIND_LABEL } from './labels';

interface Values {
  kind: ShowcaseKind;
  title: string;
  summary: string;
  url?: string;
  author: string;
  resourceIds: string[];
}

export function ShowcaseForm({
  initialResourceIds = [],
  onDone,
  onCancel,
}: {
  readonly initialResourceIds?: readonly string[];
  readonly onDone: (item: ShowcaseItem) => void;
  readonly onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitShowcase();
  const [error, setError] = useState<unknown>(null);
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 300);
  const options = useResourceOptions(query);
  const chosen = Form.useWatch('resourceIds', form) ?? [...initialResourceIds];
  const chosenNames = useResourceOptions('', chosen);
  const byId = new Map([...(chosenNames.data ?? []), ...(options.data ?? [])].map((o) => [o.id, o]));

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'application', author: me?.user.displayName ?? '', resourceIds: [...initialResourceIds] }}
      disabled={submit.isPending}
      onFinish={(values) => {
        setError(null);
        submit.mutate(
          {
            kind: values.kind,
            title: values.title.trim(),
            summary: values.summary.trim(),
            author: values.author.trim(),
            resourceIds: values.resourceIds,
            ...(values.url?.trim() ? { url: values.url.trim() } : {}),
          },
          {
            onSuccess: onDone,
            onError: (caught) => {
              if (!showFieldErrors(form, caught, lang, ['kind', 'title', 'summary', 'url', 'author', 'resourceIds'])) setError(caught);
            },
          },
        );
      }}
      data-testid="showcase-form"
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form.Item label={t('open.participation.showcase.form.kind')} name="kind" rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={SHOWCASE_KINDS.map((kind) => ({ value: kind, label: t(SHOWCASE_KIND_LABEL[kind]) }))} />
      </Form.Item>
      <Form.Item
        label={t('open.participation.showcase.form.title')}
        name="title"
        rules={[{ required: true, whitespace: true, message: t('open.participation.form.required') }]}
      >
        <Input maxLength={200} data-testid="showcase-title" />
      </Form.Item>
      <Form.Item
        label={t('open.participation.showcase.form.summary')}
        name="summary"
        rules={[{ required: true, whitespace: true, message: t('open.participation.form.required') }]}
        extra={t('open.participation.showcase.form.summaryHelp')}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="showcase-summary" />
      </Form.Item>
      <Form.Item label={t('open.participation.showcase.form.url')} name="url">
        <Input type="url" placeholder="https://" maxLength={500} data-testid="showcase-url" />
      </Form.Item>
      <Form.Item
        label={t('open.participation.showcase.form.author')}
        name="author"
        rules={[{ required: true, whitespace: true, message: t('open.participation.form.required') }]}
      >
        <Input maxLength={200} data-testid="showcase-author" />
      </Form.Item>
      <Form.Item
        label={t('open.participation.showcase.form.resources')}
        name="resourceIds"
        rules={[{ required: true, type: 'array', min: 1, message: t('open.participation.showcase.form.resourcesRequired') }]}
        extra={t('open.participation.showcase.form.resourcesHelp')}
      >
        <Select
          mode="multiple"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          loading={options.isFetching}
          placeholder={t('open.participation.showcase.form.resourcesPlaceholder')}
          options={[...byId.values()].map((o) => ({ value: o.id, label: `${o.name}（${o.provider}）` }))}
          data-testid="showcase-resources"
        />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="showcase-submit">
          {t('open.participation.submit')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('open.participation.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}
