import type { CalendarYear } from '@gongshu/contracts';
import { Alert, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/useT';
import { chinaToday, formatDateTime } from '../shared/labels';
import { MonthGrid } from './MonthGrid';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** A published year: its working-day count, its source notice, a legend and the twelve months. */
export function YearCalendar({ year }: { readonly year: CalendarYear }) {
  const { t, lang } = useI18n();
  const holidays = useMemo(() => new Set(year.holidaysOnWeekdays), [year.holidaysOnWeekdays]);
  const makeups = useMemo(() => new Set(year.makeupWorkdays), [year.makeupWorkdays]);
  const today = chinaToday();
  const figures = [
    { key: 'working', title: t('calendar.workingDays'), value: year.workingDays },
    { key: 'holidays', title: t('calendar.holidays'), value: year.holidaysOnWeekdays.length },
    { key: 'makeups', title: t('calendar.makeups'), value: year.makeupWorkdays.length },
  ];

  return (
    <div data-testid={`calendar-year-${year.year}`}>
      <Row gutter={[16, 16]} role="list" style={{ marginBottom: 16 }}>
        {figures.map((figure) => (
          <Col xs={8} md={6} xl={4} key={figure.key} role="listitem">
            <Statistic title={figure.title} value={figure.value} suffix={t('calendar.daysUnit')} data-testid={`calendar-${figure.key}`} />
          </Col>
        ))}
      </Row>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('calendar.source', { source: year.source })}
        description={t('calendar.updatedAt', { at: formatDateTime(lang, year.updatedAt) })}
        data-testid="calendar-source"
      />
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }} role="group" aria-label={t('calendar.legend')}>
        <Typography.Text strong>{t('calendar.legend')}</Typography.Text>
        <span className="gs-legend-item">
          <span className="gs-legend-swatch gs-day-holiday" aria-hidden="true">
            {t('calendar.holidayMark')}
          </span>
          {t('calendar.legendHoliday')}
        </span>
        <span className="gs-legend-item">
          <span className="gs-legend-swatch gs-day-makeup" aria-hidden="true">
            {t('calendar.makeupMark')}
          </span>
          {t('calendar.legendMakeup')}
        </span>
        <span className="gs-legend-item">
          <span className="gs-legend-swatch gs-day-weekend" aria-hidden="true">
            6
          </span>
          {t('calendar.legendWeekend')}
        </span>
        <span className="gs-legend-item">
          <span className="gs-legend-swatch gs-day-today" aria-hidden="true">
            1
          </span>
          {t('calendar.legendToday')}
        </span>
      </Flex>
      <div className="gs-months">
        {MONTHS.map((month) => (
          <MonthGrid key={month} year={year.year} month={month} holidays={holidays} makeups={makeups} today={today} />
        ))}
      </div>
    </div>
  );
}
