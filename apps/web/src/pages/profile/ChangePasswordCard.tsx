import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useChangePassword } from '../../api/apiKeys';
import { errorText } from '../../api/errors';
import { useI18n } from '../../i18n/useT';
import { isStrongPassword } from '../shared/password';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes one's own password; the server ends the user's other sessions. */
export function ChangePasswordCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();

  const onFinish = async (values: PasswordValues) => {
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      void message.success(t('profile.passwordChanged'));
    } catch (error) {
      const text = errorText(error, lang);
      const suffix = text.requirement ? `（${text.requirement}）` : '';
      // A wrong current password and a weak new one are refused by the server with different codes.
      const field = text.code === 'PASSWORD_TOO_WEAK' ? 'newPassword' : 'currentPassword';
      form.setFields([{ name: field, errors: [text.message + suffix] }]);
    }
  };

  return (
    <Card title={<h2 className="gs-card-title">{t('profile.password')}</h2>}>
      <Typography.Paragraph type="secondary">{t('profile.passwordHelp')}</Typography.Paragraph>
      <Form<PasswordValues> form={form} layout="vertical" onFinish={(values) => void onFinish(values)} style={{ maxWidth: 420 }}>
        <Form.Item
          name="currentPassword"
          label={t('profile.currentPassword')}
          rules={[{ required: true, message: t('common.required', { field: t('profile.currentPassword') }) }]}
        >
          <Input.Password autoComplete="current-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.newPassword')}
          rules={[
            { required: true, message: t('common.required', { field: t('profile.newPassword') }) },
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
          label={t('profile.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('profile.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? undefined : Promise.reject(new Error(t('users.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('profile.submitPassword')}
        </Button>
      </Form>
    </Card>
  );
}
