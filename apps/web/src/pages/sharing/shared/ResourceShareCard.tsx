import type { CatalogResource } from '@gongshu/contracts';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useShareRequests } from '../../../api/sharing';
import { useAuth } from '../../../auth/useAuth';
import { LinkButton } from '../../../components/LinkButton';
import { useI18n } from '../../../i18n/useT';
import { useDataAccess } from '../../aggregation/dataAccess';
import { termLabel } from '../../catalog/shared/vocabulary';
import { lineagePath, newRequestPath, requestPath } from './paths';
import { ShareStateTag } from './ShareStateTag';
import { CardTitle } from '../../../components/CardTitle';

/**
 * 数据共享 on a catalog entry: its share type (R13.1) and, for other agencies' stewards (and the
 * bureau, which files for towns, R15.2), the way to apply; the latest request of my agency for it;
 * for the provider and the bureau, the way to the resource's lineage.
 */
export function ResourceShareCard({ resource }: { readonly resource: CatalogResource }) {
  const { t, pick } = useI18n();
  const { me, can } = useAuth();
  const access = useDataAccess(resource.provider.id);
  const share = resource.current?.metadata.share;
  const own = me?.user.agency?.id === resource.provider.id;
  const canFile = can('share.request') && !own && share !== undefined;
  const canApply = canFile && share.type !== 'none';
  const mine = useShareRequests('mine', { resourceId: resource.id }, canApply);
  const latest = mine.data?.[0];
  if (!share) return null;

  return (
    <Card title={<CardTitle testId="section-share">{t('share.resource.heading')}</CardTitle>}>
      <Typography.Paragraph data-testid="resource-share-type" data-share-type={share.type}>
        {t(`share.resource.type.${share.type}`, { type: termLabel(pick, 'shareType', share.type) })}
      </Typography.Paragraph>
      {latest ? (
        <Typography.Paragraph type="secondary" data-testid="resource-share-latest">
          {t('share.resource.latest', { number: latest.number })} <ShareStateTag state={latest.state} />{' '}
          <Link to={requestPath(latest.id)} className="gs-text-link">
            {t('common.detail')}
          </Link>
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap>
        {canApply ? (
          <LinkButton type="primary" to={newRequestPath(resource.id)} data-testid="resource-apply">
            {t('share.resource.apply')}
          </LinkButton>
        ) : null}
        {canFile && share.type === 'none' ? (
          <LinkButton to={newRequestPath(null, { kind: 'demand', providerAgencyId: resource.provider.id })} data-testid="resource-demand">
            {t('share.resource.demand')}
          </LinkButton>
        ) : null}
        {access.view ? (
          <LinkButton to={lineagePath(resource.id)} data-testid="resource-lineage">
            {t('share.lineage.open')}
          </LinkButton>
        ) : null}
      </Flex>
    </Card>
  );
}
