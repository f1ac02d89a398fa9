/**
 * One version of a catalog entry (notifications link here): my agency's draft or returned version
 * opens in the editor; anything else (submitted, published, another agency's) reads only.
 */
import { useParams } from 'react-router';
import { useCatalogVersion } from '../../../api/catalog';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { CatalogEditor } from './CatalogEditor';
import { VersionView } from './VersionView';

const EDITABLE = ['draft', 'returned'];

export function VersionPage() {
  const t = useT();
  const { me, can } = useAuth();
  const { id = '' } = useParams();
  const query = useCatalogVersion(id);
  const version = query.data;

  if (query.isPending) return <PageLoading />;
  if (!version) {
    return (
      <>
        <PageHeader title={t('catalog.version.heading')} crumbs={[{ label: t('catalog.heading'), to: '/catalog' }]} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const editable = EDITABLE.includes(version.state) && can('catalog.edit') && me?.user.agency?.id === version.provider.id;
  return editable ? <CatalogEditor key={version.id} version={version} /> : <VersionView version={version} />;
}
