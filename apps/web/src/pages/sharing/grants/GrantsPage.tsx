/**
 * 共享授权: the grants my agency receives (consumer) or gives (provider), or every grant (the
 * bureau), each with its period, status and deliveries (R17.2).
 */
import { Card, Flex, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useGrants, type GrantScope } from '../../../api/sharing';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { GrantTable } from './GrantTable';

const SCOPES: readonly GrantScope[] = ['consumer', 'provider', 'all'];

export function GrantsPage() {
  const t = useT();
  const { can, me } = useAuth();
  const [params, setParams] = useSearchParams();
  const bureau = can('share.review');
  // The bureau sees every grant; agencies see theirs, as consumer or as provider.
  const allowed = SCOPES.filter((scope) => (scope === 'all' ? bureau : Boolean(me?.user.agency) && !bureau));
  const asked = params.get('scope') as GrantScope | null;
  const scope = asked && allowed.includes(asked) ? asked : (allowed[0] ?? 'consumer');
  const grants = useGrants(scope);
  const list = grants.data ?? [];
  const active = list.filter((grant) => grant.status === 'active').length;

  return (
    <>
      <PageHeader title={t('share.grants.heading')} description={t('share.grants.intro')} />
      <Card>
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="grants-summary">
            {grants.data ? t('share.grants.summary', { total: list.length, active }) : null}
          </Typography.Paragraph>
          {allowed.length > 1 ? (
            <Segmented<string>
              aria-label={t('share.scope.label')}
              value={scope}
              onChange={(value) => setParams({ scope: value }, { replace: true })}
              options={allowed.map((value) => ({ value, label: t(`share.grants.scope.${value}`) }))}
              data-testid="grants-scope"
            />
          ) : null}
        </Flex>
        {grants.isError ? (
          <ErrorAlert error={grants.error} onRetry={() => void grants.refetch()} />
        ) : (
          <GrantTable grants={list} loading={grants.isFetching} />
        )}
      </Card>
    </>
  );
}
