import type { PendingItem } from '@gongshu/contracts';
import { Tooltip, Typography } from 'antd';
import { useT } from '../../i18n/useT';

/** The basis of a step's limit: article, requirement, working days and rule set. */
export function useDeadlineBasis(): (item: PendingItem) => string {
  const t = useT();
  return (item) => {
    const vars = { article: item.article ?? '', requirement: item.requirement, ruleSet: item.ruleSet };
    return t(item.article ? 'deadline.basis' : 'deadline.basisNoArticle', vars);
  };
}

/** The due day of a step with its limit; the article and requirement show in a tooltip (and to screen readers). */
export function DueDate({ item }: { readonly item: PendingItem }) {
  const t = useT();
  const basis = t('deadline.basisLabel', { basis: useDeadlineBasis()(item) });
  return (
    <Tooltip title={basis} trigger={['hover', 'focus']}>
      <span tabIndex={0} style={{ cursor: 'help', whiteSpace: 'nowrap' }}>
        <span style={{ borderBottom: '1px dashed rgba(0, 0, 0, 0.45)' }}>{item.dueOn}</span>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t(item.workingDays === 1 ? 'deadline.limitOne' : 'deadline.limit', { days: item.workingDays })}
        </Typography.Text>
        <span className="gs-sr-only">{basis}</span>
      </span>
    </Tooltip>
  );
}
