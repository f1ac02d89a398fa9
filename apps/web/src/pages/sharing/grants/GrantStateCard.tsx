import { App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useChangeGrantState, type Grant, type GrantAction } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';
import { CardTitle } from '../../../components/CardTitle';

export interface GrantStateCardProps {
  readonly grant: Grant;
  /** The bureau: suspend, reinstate and revoke. */
  readonly bureau: boolean;
  /** The provider's data steward: suspend on misuse and reinstate. */
  readonly provider: boolean;
}

/**
 * Suspend a grant on misuse (bureau or provider), reinstate it, or revoke it (bureau), always with
 * the reason (R17.2); the exit refuses calls under a suspended or revoked grant at once.
 */
export function GrantStateCard({ grant, bureau, provider }: GrantStateCardProps) {
  const t = useT();
  const { message } = App.useApp();
  const [action, setAction] = useState<GrantAction | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const change = useChangeGrantState();
  const actions: GrantAction[] = [
    ...(grant.state === 'active' && (bureau || provider) ? (['suspend'] as const) : []),
    ...(grant.state === 'suspended' && (bureau || provider) ? (['reinstate'] as const) : []),
    ...(grant.state !== 'revoked' && bureau ? (['revoke'] as const) : []),
  ];
  if (actions.length === 0) return null;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !action) return;
    change.mutate(
      { id: grant.id, action, reason: values.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t(`share.grant.action.done.${action}`));
          setAction(null);
          form.resetFields();
        },
      },
    );
  };

  return (
    <Card title={<CardTitle testId="section-grant-state">{t('share.grant.stateHeading')}</CardTitle>}>
      <Typography.Paragraph type="secondary">{t('share.grant.stateIntro')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        {actions.map((value) => (
          <Button key={value} danger={value !== 'reinstate'} onClick={() => setAction(value)} data-testid={`grant-${value}`}>
            {t(`share.grant.action.${value}`)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={action !== null}
        title={action ? t(`share.grant.action.${action}`) : ''}
        okText={t('common.confirm')}
        okButtonProps={{ danger: action !== 'reinstate' }}
        cancelText={t('common.cancel')}
        confirmLoading={change.isPending}
        onOk={() => void submit()}
        onCancel={() => setAction(null)}
        forceRender
      >
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('share.grant.reason')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('share.grant.reason') }) },
              { min: 2, max: 1000 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount data-testid="grant-state-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
