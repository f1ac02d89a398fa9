/**
 * Tags and small pieces shared by the open-application pages: states, grant and report status, how
 * a granted field is delivered, the public shell.
 */
import { describeMask, type MaskKind } from '@gongshu/domain';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { OpenApplicationState, OpenGrant, OpenUsageReport } from '../../../api/openApplications';
import { maskKey } from '../../../components/MaskSelect';
import { useI18n, useT } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';

const STATE_COLOR: Record<OpenApplicationState, string> = {
  formal_review: 'processing',
  provider_review: 'processing',
  provider_answer: 'processing',
  granted: 'success',
  answered: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function OpenStateTag({ state }: { readonly state: OpenApplicationState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="open-application-state" data-state={state}>
      {t(`open.applications.state.${state}`)}
    </Tag>
  );
}

const GRANT_COLOR: Record<OpenGrant['status'], string> = {
  active: 'success',
  pending: 'default',
  expired: 'default',
  suspended: 'warning',
  revoked: 'error',
};

export function OpenGrantStatusTag({ status }: { readonly status: OpenGrant['status'] }) {
  const t = useT();
  return (
    <Tag color={GRANT_COLOR[status]} data-testid="open-grant-status" data-status={status}>
      {t(`open.applications.grantStatus.${status}`)}
    </Tag>
  );
}

const REPORT_COLOR: Record<OpenUsageReport['status'], string> = {
  upcoming: 'default',
  due: 'warning',
  overdue: 'error',
  suspend: 'error',
  submitted: 'success',
};

export function ReportStatusTag({ status }: { readonly status: OpenUsageReport['status'] }) {
  const t = useT();
  return (
    <Tag color={REPORT_COLOR[status]} data-testid="usage-report-status" data-status={status}>
      {t(`open.applications.reportStatus.${status}`)}
    </Tag>
  );
}

/**
 * How the exit delivers a granted field (R29.1): as is, or masked and how. Outlined: a filled tag's
 * text is too faint for axe's colour-contrast rule.
 */
export function FieldMaskTag({ mask }: { readonly mask: MaskKind }) {
  const { t, pick } = useI18n();
  return (
    <Tag color={mask.kind === 'none' ? 'default' : 'blue'} variant="outlined" data-testid="field-mask-tag" data-mask={maskKey(mask)}>
      {mask.kind === 'none' ? t('security.masking.asIs') : t('security.masking.masked', { mask: pick(describeMask(mask)) })}
    </Tag>
  );
}

/** A page of the public portal: the public shell with the page's section. */
export function PublicPage({ children }: { readonly children: ReactNode }) {
  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        {children}
      </div>
    </PublicLayout>
  );
}

/** A date of an ISO timestamp in China time. */
export function dayOf(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
