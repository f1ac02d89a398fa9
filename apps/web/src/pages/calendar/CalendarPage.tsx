/**
 * 工作日历 (R37.1): the published years of the official holiday arrangements, month by month, with
 * the import and revision form for bureau administrators and a working-day calculator.
 */
import { Button, Card, Empty, Tabs } from 'antd';
import { useState } from 'react';
import { useCalendarYears } from '../../api/calendar';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useT } from '../../i18n/useT';
import { chinaToday } from '../shared/labels';
import { CalendarYearForm } from './CalendarYearForm';
import { WorkingDayCalculator } from './WorkingDayCalculator';
import { YearCalendar } from './YearCalendar';

export function CalendarPage() {
  const t = useT();
  const { can } = useAuth();
  const canManage = can('calendar.manage');
  const years = useCalendarYears();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const list = years.data ?? [];
  const thisYear = Number(chinaToday().slice(0, 4));
  // The year shown: the one chosen, else this year when published, else the latest.
  const active = selected ?? (list.some((entry) => entry.year === thisYear) ? thisYear : (list.at(-1)?.year ?? thisYear));

  return (
    <>
      <PageHeader
        title={t('calendar.heading')}
        crumbs={[{ label: t('nav.console'), to: '/console' }]}
        description={t('calendar.intro')}
        extra={
          <>
            <LinkButton to="/console/rules">{t('nav.rules')}</LinkButton>
            {canManage ? (
              <Button type="primary" onClick={() => setEditing(true)} disabled={!years.data} data-testid="calendar-edit">
                {t('calendar.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        {years.isError ? (
          <ErrorAlert error={years.error} onRetry={() => void years.refetch()} />
        ) : years.isPending ? (
          <PageLoading />
        ) : list.length === 0 ? (
          <Empty description={t('calendar.none')} />
        ) : (
          <Tabs
            activeKey={String(active)}
            onChange={(key) => setSelected(Number(key))}
            items={list.map((year) => ({
              key: String(year.year),
              label: t('calendar.year', { year: year.year }),
              children: <YearCalendar year={year} />,
            }))}
          />
        )}
      </Card>
      <WorkingDayCalculator />
      {canManage ? (
        <CalendarYearForm
          open={editing}
          initialYear={active}
          years={list}
          onClose={() => setEditing(false)}
          onSaved={(year) => {
            setEditing(false);
            setSelected(year);
          }}
        />
      ) : null}
    </>
  );
}
