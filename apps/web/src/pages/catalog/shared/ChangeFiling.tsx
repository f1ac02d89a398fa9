import type { CatalogVersion } from '@gongshu/contracts';
import { Descriptions, Tag } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { chinaToday, weekdayOf } from '../../shared/labels';

/**
 * The filing facts of a change request (R10.3): its reason, the date of the law or duty change,
 * the day it had to be filed by (15 working days later) and whether it was, or will be, late.
 */
export function ChangeFiling({ version }: { readonly version: CatalogVersion }) {
  const { t, lang } = useI18n();
  // Submitted versions carry the server's verdict; drafts are late once today is past the due day.
  const late = version.filedLate ?? (version.filingDueOn !== null && chinaToday() > version.filingDueOn);
  const filed = version.submittedAt !== null;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="change-filing"
      items={[
        {
          key: 'reason',
          label: t('catalog.change.reason'),
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{version.changeReason ?? '—'}</span>,
          span: 2,
        },
        { key: 'law', label: t('catalog.change.lawChangeDate'), children: version.lawChangeDate ?? '—' },
        {
          key: 'due',
          label: t('catalog.change.filingDue'),
          children: version.filingDueOn ? (
            <span>
              {t('deadline.dueAtWeekday', { date: version.filingDueOn, weekday: weekdayOf(lang, version.filingDueOn) })}
              {late ? (
                <Tag color="error" style={{ marginInlineStart: 8 }} data-testid="filed-late">
                  {t(filed ? 'catalog.change.filedLate' : 'catalog.change.lateNow')}
                </Tag>
              ) : filed ? (
                <Tag color="success" style={{ marginInlineStart: 8 }}>
                  {t('catalog.change.filedOnTime')}
                </Tag>
              ) : null}
            </span>
          ) : (
            '—'
          ),
        },
      ]}
    />
  );
}
