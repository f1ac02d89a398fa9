import { Result } from 'antd';
import { useRouteError } from 'react-router';
import { LinkButton } from '../../components/LinkButton';
import { useT } from '../../i18n/useT';
import { PublicLayout } from '../../layout/PublicLayout';

/** Shown when a page fails to render or its code cannot be loaded (e.g. after a deployment). */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  console.error(error);
  return (
    <PublicLayout>
      <Result
        status="error"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('common.unknownError')}</h1>}
        extra={
          <LinkButton type="primary" to="/">
            {t('errors.backHome')}
          </LinkButton>
        }
      />
    </PublicLayout>
  );
}
