import { Tag } from 'antd';
import type { DerivativeCheck, DerivativeState } from '../../../api/derivatives';
import { useT } from '../../../i18n/useT';

const STATE_COLORS: Record<DerivativeState, string> = { draft: 'default', published: 'success', withdrawn: 'warning' };

export function StateTag({ state }: { readonly state: DerivativeState }) {
  const t = useT();
  return <Tag color={STATE_COLORS[state]}>{t(`open.derivatives.state.${state}`)}</Tag>;
}

/** The stored check in one tag: not run, passed (k, smallest class), failed, or stale. */
export function CheckTag({ check }: { readonly check: DerivativeCheck | null }) {
  const t = useT();
  if (!check) return <Tag>{t('open.derivatives.check.none')}</Tag>;
  if (check.stale) return <Tag color="warning">{t('open.derivatives.check.stale')}</Tag>;
  return check.passed ? (
    <Tag color="success">
      {t('open.derivatives.check.passed')} · {check.smallestClass}
    </Tag>
  ) : (
    <Tag color="error">
      {t('open.derivatives.check.failed')} · {check.smallestClass}
    </Tag>
  );
}
