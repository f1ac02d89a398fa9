import type { CatalogVersion } from '@gongshu/contracts';
import { diffMetadata, downgradesOf } from '@gongshu/domain';
import { Alert, Col, Descriptions, Input, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useCatalogResource } from '../../../api/catalog';
import { useDebounced } from '../../../components/useDebounced';
import { useI18n } from '../../../i18n/useT';
import { chinaToday, weekdayOf } from '../../shared/labels';
import { DiffTable } from '../shared/DiffTable';
import { CheckedItem } from './CheckedItem';
import { asDomainMetadata, metadataOf, type EditorValues } from './editorForm';
import type { ProblemIndex } from './problems';

export interface ChangeSectionProps {
  readonly version: CatalogVersion;
  readonly values: EditorValues | undefined;
  readonly problems: ProblemIndex;
}

/**
 * A change request (R10.3): its cause and the date of the law or duty change, the day it must be
 * filed by (15 working days later) and whether that day has passed; what it changes against the
 * published version, live; and whether it lowers an attribute, which the bureau must approve (R18.3).
 */
export function ChangeSection({ version, values, problems }: ChangeSectionProps) {
  const { t, lang } = useI18n();
  const resource = useCatalogResource(version.resourceId);
  // Until the published version has loaded (or if it cannot be), the diff as of the last save.
  const published = resource.data?.current?.metadata ?? null;
  const settled = useDebounced(values, 300);
  const { changes, downgrades } = useMemo(() => {
    if (!published || !settled) return { changes: version.changes, downgrades: version.downgrades };
    const before = asDomainMetadata(published);
    const after = asDomainMetadata(metadataOf(settled));
    return { changes: diffMetadata(before, after), downgrades: downgradesOf(before, after) };
  }, [published, settled, version.changes, version.downgrades]);
  const late = version.filingDueOn !== null && chinaToday() > version.filingDueOn;
  const today = chinaToday();

  return (
    <>
      <Row gutter={16}>
        <Col xs={24}>
          <CheckedItem
            name="changeReason"
            label={t('catalog.change.reason')}
            extra={t('catalog.change.reasonHelp')}
            required
            problems={problems}
            problemKey="changeReason"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
          </CheckedItem>
        </Col>
        <Col xs={24} md={10}>
          <CheckedItem
            name="lawChangeDate"
            label={t('catalog.change.lawChangeDate')}
            required
            problems={problems}
            problemKey="lawChangeDate"
          >
            <Input type="date" max={today} />
          </CheckedItem>
        </Col>
        <Col xs={24} md={14}>
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 30 }}
            items={[
              {
                key: 'due',
                label: t('catalog.change.filingDue'),
                children: version.filingDueOn ? (
                  <span data-testid="filing-due">
                    {t('deadline.dueAtWeekday', { date: version.filingDueOn, weekday: weekdayOf(lang, version.filingDueOn) })}
                    {late ? (
                      <Tag color="error" style={{ marginInlineStart: 8 }} data-testid="filed-late">
                        {t('catalog.change.lateNow')}
                      </Tag>
                    ) : null}
                  </span>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('catalog.change.rule')}</Typography.Paragraph>
      {late ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('catalog.change.lateWarning')} /> : null}
      {downgrades.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="downgrade-warning"
          title={t('catalog.change.downgrade', {
            attributes: downgrades.map((attribute) => t(`catalog.downgrade.${attribute}`)).join(t('common.listSeparator')),
          })}
        />
      ) : null}
      <h3 className="gs-subheading">{t('catalog.change.diffHeading')}</h3>
      <DiffTable changes={changes} loading={resource.isPending} testId="change-diff" />
    </>
  );
}
