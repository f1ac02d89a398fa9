/**
 * 注册 (issue 7 item 3): citizens with real name and citizen ID number, companies and other
 * organizations with their unified social credit code and a contact person. The server checks
 * the identifiers by the national standards and reports every problem at once; each shows under
 * its field. A successful registration signs the new account in and opens the user's hub.
 */
import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useRegister, type RegisterInput } from '../../../api/openParticipation';
import { homePath, safeNext } from '../../../auth/homePath';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { useI18n } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { showFieldErrors } from './fieldErrors';

type Kind = RegisterInput['kind'];

interface Values {
  username: string;
  password: string;
  confirm: string;
  name: string;
  identityNumber: string;
  contactName?: string;
  phone: string;
  email?: string;
}

const FIELDS: (keyof Values)[] = ['username', 'password', 'name', 'identityNumber', 'contactName', 'phone', 'email'];

export function RegisterPage() {
  const { t, lang } = useI18n();
  const { me, loading } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [kind, setKind] = useState<Kind>(params.get('kind') === 'organization' ? 'organization' : 'citizen');
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('open.participation.register.title'));

  if (loading) return <PageLoading />;
  if (me && !register.isPending && !register.isSuccess) return <Navigate to={next ?? homePath(me)} replace />;

  const required = { required: true, whitespace: true, message: t('open.participation.form.required') };
  const onFinish = async (values: Values) => {
    setError(null);
    try {
      const signedIn = await register.mutateAsync({
        kind,
        username: values.username.trim(),
        password: values.password,
        name: values.name.trim(),
        identityNumber: values.identityNumber.trim(),
        phone: values.phone.trim(),
        ...(kind === 'organization' ? { contactName: values.contactName?.trim() ?? '' } : {}),
        ...(values.email?.trim() ? { email: values.email.trim() } : {}),
      });
      await navigate(next ?? homePath(signedIn), { replace: true });
    } catch (caught) {
      // Problems with a field show under it; anything else above the form.
      if (!showFieldErrors(form, caught, lang, FIELDS)) setError(caught);
    }
  };

  const citizen = kind === 'citizen';
  return (
    <PublicLayout>
      <div style={{ display: 'flex', justifyContent: 'center', padding: '40px 16px' }}>
        <Card style={{ width: '100%', maxWidth: 560 }}>
          <Typography.Title level={1} data-testid="page-heading" style={{ fontSize: 24, marginTop: 0 }}>
            {t('open.participation.register.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('open.participation.register.intro')}</Typography.Paragraph>
          <Tabs
            activeKey={kind}
            onChange={(key) => {
              setKind(key as Kind);
              form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
            }}
            items={[
              { key: 'citizen', label: t('open.participation.register.tabCitizen') },
              { key: 'organization', label: t('open.participation.register.tabOrganization') },
            ]}
            data-testid="register-kind"
          />
          {error ? <ErrorAlert error={error} title={t('open.participation.register.failed')} /> : null}
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark
            onFinish={(values) => void onFinish(values)}
            disabled={register.isPending}
            data-testid="register-form"
          >
            <Form.Item
              label={t(citizen ? 'open.participation.register.realName' : 'open.participation.register.orgName')}
              name="name"
              rules={[required]}
            >
              <Input autoComplete={citizen ? 'name' : 'organization'} data-testid="register-name" />
            </Form.Item>
            <Form.Item
              label={t(citizen ? 'open.participation.register.citizenId' : 'open.participation.register.creditCode')}
              name="identityNumber"
              rules={[required]}
              extra={t(citizen ? 'open.participation.register.citizenIdHelp' : 'open.participation.register.creditCodeHelp')}
            >
              <Input maxLength={18} autoComplete="off" spellCheck={false} data-testid="register-identity" />
            </Form.Item>
            {citizen ? null : (
              <Form.Item label={t('open.participation.register.contactName')} name="contactName" rules={[required]}>
                <Input autoComplete="name" data-testid="register-contact" />
              </Form.Item>
            )}
            <Form.Item label={t('open.participation.register.phone')} name="phone" rules={[required]}>
              <Input type="tel" autoComplete="tel" data-testid="register-phone" />
            </Form.Item>
            <Form.Item label={t('open.participation.register.email')} name="email">
              <Input type="email" autoComplete="email" data-testid="register-email" />
            </Form.Item>
            <Form.Item
              label={t('open.participation.register.username')}
              name="username"
              rules={[required]}
              extra={t('open.participation.register.usernameHelp')}
            >
              <Input autoComplete="username" data-testid="register-username" />
            </Form.Item>
            <Form.Item
              label={t('open.participation.register.password')}
              name="password"
              rules={[required]}
              extra={t('open.participation.register.passwordHelp')}
            >
              <Input.Password autoComplete="new-password" data-testid="register-password" />
            </Form.Item>
            <Form.Item
              label={t('open.participation.register.confirm')}
              name="confirm"
              dependencies={['password']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value || getFieldValue('password') === value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('open.participation.register.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="register-confirm" />
            </Form.Item>
            <Alert type="info" showIcon title={t('open.participation.register.privacy')} style={{ marginBottom: 16 }} />
            <Button type="primary" htmlType="submit" size="large" block loading={register.isPending} data-testid="register-submit">
              {t('open.participation.register.submit')}
            </Button>
          </Form>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            {t('open.participation.register.haveAccount')}{' '}
            <Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>{t('open.participation.register.signIn')}</Link>
          </Typography.Paragraph>
        </Card>
      </div>
    </PublicLayout>
  );
}
