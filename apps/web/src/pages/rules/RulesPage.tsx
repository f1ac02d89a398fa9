/**
 * 办理时限规则 (R37.1): the rule sets with their validity and step limits; bureau administrators
 * load a revised regulation as a new rule set.
 */
import { Empty } from 'antd';
import { useRuleSets } from '../../api/ruleSets';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useT } from '../../i18n/useT';
import { RuleSetCard } from './RuleSetCard';
import { RuleSetUpload } from './RuleSetUpload';

export function RulesPage() {
  const t = useT();
  const { can } = useAuth();
  const ruleSets = useRuleSets();
  // In force first, then the newest validity first.
  const sorted = [...(ruleSets.data ?? [])].sort((a, b) => Number(b.inForce) - Number(a.inForce) || b.validFrom.localeCompare(a.validFrom));

  return (
    <>
      <PageHeader
        title={t('rules.heading')}
        crumbs={[{ label: t('nav.console'), to: '/console' }]}
        description={t('rules.intro')}
        extra={<LinkButton to="/console/calendar">{t('nav.calendar')}</LinkButton>}
      />
      {can('rules.manage') ? <RuleSetUpload /> : null}
      {ruleSets.isError ? (
        <ErrorAlert error={ruleSets.error} onRetry={() => void ruleSets.refetch()} />
      ) : ruleSets.isPending ? (
        <PageLoading />
      ) : sorted.length === 0 ? (
        <Empty description={t('rules.empty')} />
      ) : (
        sorted.map((ruleSet) => <RuleSetCard key={ruleSet.id} ruleSet={ruleSet} />)
      )}
    </>
  );
}
