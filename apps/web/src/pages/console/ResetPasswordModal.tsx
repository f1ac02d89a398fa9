import type { User } from '@gongshu/contracts';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { errorText } from '../../api/errors';
import { useUpdateUser } from '../../api/users';
import { useI18n } from '../../i18n/useT';
import { isStrongPassword } from '../shared/password';

/** A bureau administrator sets a new password for an account (e.g. one that forgot it). */
export function ResetPasswordModal({ user, onClose }: { readonly user: User | null; readonly onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const update = useUpdateUser();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await update.mutateAsync({ id: user.id, body: { password: values.password } });
      void message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    } catch (error) {
      const text = errorText(error, lang);
      form.setFields([{ name: 'password', errors: [text.message + (text.requirement ? `（${text.requirement}）` : '')] }]);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('users.passwordHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.newPassword') }) },
            {
              validator: async (_, value: string | undefined) =>
                !value || isStrongPassword(value) ? undefined : Promise.reject(new Error(t('profile.v.weak'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.passwordConfirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('common.required', { field: t('users.passwordConfirm') }) },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) =>
                !value || value === getFieldValue('password') ? undefined : Promise.reject(new Error(t('users.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
