/**
 * Sign-in with username and password. Refusals (wrong password, locked account, rate limit) are
 * shown as the API words them, in the current language. Afterwards the user goes back to the page
 * that sent them here, or to the start page of their role.
 */
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { homePath, safeNext } from '../../auth/homePath';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoading } from '../../components/PageLoading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useT } from '../../i18n/useT';
import { PublicLayout } from '../../layout/PublicLayout';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { me, loading, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  useDocumentTitle(t('login.heading'));

  if (loading) return <PageLoading />;
  if (me && !submitting) return <Navigate to={next ?? homePath(me)} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await signIn(values.username.trim(), values.password);
      await navigate(next ?? homePath(signedIn), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PublicLayout>
      <div style={{ display: 'flex', justifyContent: 'center', padding: '56px 16px' }}>
        <Card style={{ width: '100%', maxWidth: 420, boxShadow: '0 4px 16px rgba(12, 61, 138, 0.08)' }}>
          <Typography.Title level={1} data-testid="page-heading" style={{ fontSize: 24, marginTop: 0, marginBottom: 4 }}>
            {t('login.heading')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {error ? <ErrorAlert error={error} title={t('login.failed')} /> : null}
          <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={(values) => void onFinish(values)} disabled={submitting}>
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input size="large" autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password size="large" autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 8 }}>
            {t('login.securityNote')}
          </Typography.Paragraph>
          {/* Citizens and companies register on the open data portal (issue 7 item 3). */}
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('open.participation.login.noAccount')}{' '}
            <Link to={next ? `/open/register?next=${encodeURIComponent(next)}` : '/open/register'} data-testid="login-register">
              {t('open.participation.login.register')}
            </Link>
          </Typography.Paragraph>
          <LinkButton type="link" to="/" style={{ padding: 0 }}>
            {t('login.backToPortal')}
          </LinkButton>
        </Card>
      </div>
    </PublicLayout>
  );
}
