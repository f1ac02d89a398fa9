import type { DataProblem } from '@gongshu/contracts';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useResolveProblem, type ProblemAction } from '../../../api/data';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

export interface Resolving {
  readonly problem: DataProblem;
  readonly action: ProblemAction;
}

/**
 * 标记已修正 (what was corrected), 驳回 (why it is not a problem) or 确认 (the owner's or bureau's
 * check of the fix), each with its text (R12.2).
 */
export function ResolveModal({ resolving, onClose }: { readonly resolving: Resolving | null; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ resolution: string }>();
  const resolve = useResolveProblem();
  const { reset } = resolve;
  const action = resolving?.action ?? 'fix';

  // A newly opened dialog starts afresh.
  useEffect(() => {
    if (!resolving) return;
    reset();
    form.resetFields();
  }, [resolving, reset, form]);

  const submit = async () => {
    if (!resolving) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    resolve.mutate(
      { id: resolving.problem.id, action, resolution: values.resolution.trim() },
      {
        onSuccess: () => {
          void message.success(t(`data.resolve.${action}Done`));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={resolving !== null}
      title={t(`data.resolve.${action}Title`)}
      okText={t(`data.resolve.${action}`)}
      okButtonProps={{ danger: action === 'dismiss' }}
      cancelText={t('common.cancel')}
      confirmLoading={resolve.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t(`data.resolve.${action}Help`)}</Typography.Paragraph>
      {resolve.isError ? <ErrorAlert error={resolve.error} /> : null}
      <Form form={form} layout="vertical" data-testid="resolve-form">
        <Form.Item
          name="resolution"
          label={t(`data.resolve.${action}Label`)}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t(`data.resolve.${action}Label`) }) },
            { min: 2, max: 2000, message: t('data.resolve.length') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="resolve-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
