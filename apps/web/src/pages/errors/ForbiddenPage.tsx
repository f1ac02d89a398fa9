import { Result } from 'antd';
import { homePath } from '../../auth/homePath';
import { useAuth } from '../../auth/useAuth';
import { LinkButton } from '../../components/LinkButton';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useT } from '../../i18n/useT';

/** 403: signed in, but without the permission the page needs. */
export function ForbiddenPage() {
  const t = useT();
  const { me } = useAuth();
  useDocumentTitle(t('errors.forbidden.title'));
  return (
    <Result
      status="403"
      title={
        <h1 style={{ fontSize: 24, margin: 0 }} data-testid="page-heading">
          {t('errors.forbidden.title')}
        </h1>
      }
      subTitle={t('errors.forbidden.desc')}
      extra={
        <LinkButton type="primary" to={me ? homePath(me) : '/'}>
          {me ? t('errors.toMyHome') : t('errors.backHome')}
        </LinkButton>
      }
    />
  );
}
