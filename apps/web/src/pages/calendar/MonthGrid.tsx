import { useI18n } from '../../i18n/useT';
import { isoOf, isWeekendColumn, monthWeeks } from './calendarGrid';

export interface MonthGridProps {
  readonly year: number;
  readonly month: number;
  readonly holidays: ReadonlySet<string>;
  readonly makeups: ReadonlySet<string>;
  readonly today: string;
}

const MONDAY = Date.UTC(2024, 0, 1); // 2024-01-01 was a Monday

/**
 * One month as a table (weeks Monday to Sunday): statutory holidays on weekdays marked 休, make-up
 * working days marked 班, weekends greyed, today outlined. Marks are spelled out for screen readers.
 */
export function MonthGrid({ year, month, holidays, makeups, today }: MonthGridProps) {
  const { t, lang } = useI18n();
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const caption = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  const weekday = (index: number, style: 'narrow' | 'long') =>
    new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(MONDAY + index * 86_400_000);

  return (
    <table className="gs-month" data-testid={`month-${month}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {[0, 1, 2, 3, 4, 5, 6].map((index) => (
            <th key={index} scope="col" abbr={weekday(index, 'long')} className={isWeekendColumn(index) ? 'gs-day-weekend' : undefined}>
              {weekday(index, 'narrow')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, row) => (
          <tr key={row}>
            {week.map((day, column) => {
              if (day === null) return <td key={column} />;
              const date = isoOf(year, month, day);
              const holiday = holidays.has(date);
              const makeup = makeups.has(date);
              const classes = [
                'gs-day',
                holiday ? 'gs-day-holiday' : '',
                makeup ? 'gs-day-makeup' : '',
                !holiday && !makeup && isWeekendColumn(column) ? 'gs-day-weekend' : '',
                date === today ? 'gs-day-today' : '',
              ];
              return (
                <td
                  key={column}
                  className={classes.filter(Boolean).join(' ')}
                  title={holiday ? t('calendar.holidayDay', { date }) : makeup ? t('calendar.makeupDay', { date }) : undefined}
                  data-date={date}
                >
                  {day}
                  {holiday || makeup ? (
                    <>
                      <span className="gs-day-mark" aria-hidden="true">
                        {t(holiday ? 'calendar.holidayMark' : 'calendar.makeupMark')}
                      </span>
                      <span className="gs-sr-only">{t(holiday ? 'calendar.legendHoliday' : 'calendar.legendMakeup')}</span>
                    </>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
