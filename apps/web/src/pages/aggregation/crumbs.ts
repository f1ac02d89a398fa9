/** Breadcrumbs of the data pages: the catalog, the entry, and (below it) its data page. */
import type { CatalogResource } from '@gongshu/contracts';
import type { Crumb } from '../../components/PageHeader';
import type { Translate } from '../../i18n/context';
import { dataPath } from './paths';

export function dataCrumbs(t: Translate, resource: CatalogResource | undefined, resourceId: string, withDataPage = true): Crumb[] {
  const crumbs: Crumb[] = [{ label: t('catalog.heading'), to: '/catalog' }];
  crumbs.push({ label: resource?.current?.metadata.name ?? t('catalog.resource.heading'), to: `/catalog/resources/${resourceId}` });
  if (withDataPage) crumbs.push({ label: t('data.heading'), to: dataPath(resourceId) });
  return crumbs;
}
