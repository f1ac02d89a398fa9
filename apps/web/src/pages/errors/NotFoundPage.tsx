import { Result } from 'antd';
import { homePath } from '../../auth/homePath';
import { useAuth } from '../../auth/useAuth';
import { LinkButton } from '../../components/LinkButton';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useT } from '../../i18n/useT';
import { PublicLayout } from '../../layout/PublicLayout';

/** 404 for paths the app does not know (the server answers index.html for every non-API GET). */
export function NotFoundPage() {
  const t = useT();
  const { me } = useAuth();
  useDocumentTitle(t('errors.notFound.title'));
  return (
    <PublicLayout>
      <Result
        status="404"
        title={
          <h1 style={{ fontSize: 24, margin: 0 }} data-testid="page-heading">
            {t('errors.notFound.title')}
          </h1>
        }
        subTitle={t('errors.notFound.desc')}
        extra={
          <LinkButton type="primary" to={me ? homePath(me) : '/'}>
            {me ? t('errors.toMyHome') : t('errors.backHome')}
          </LinkButton>
        }
      />
    </PublicLayout>
  );
}
