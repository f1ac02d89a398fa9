import type { Overlap } from '@gongshu/contracts';
import { Card, Input, Spin, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { OverlapList } from '../shared/OverlapList';
import { CheckedItem } from './CheckedItem';
import type { ProblemIndex } from './problems';

export interface OverlapPanelProps {
  readonly overlaps: readonly Overlap[];
  readonly needsJustification: boolean;
  readonly checking: boolean;
  readonly problems: ProblemIndex;
}

/**
 * 重复采集检查 (R9.1): the fields that published resources already hold, with their providers; when
 * descriptive fields overlap, collecting them again needs a justification.
 */
export function OverlapPanel({ overlaps, needsJustification, checking, problems }: OverlapPanelProps) {
  const t = useT();
  return (
    <Card
      size="small"
      data-testid="overlap-panel"
      title={
        <h2 className="gs-card-title" id="section-overlap">
          {t('catalog.overlap.heading')}
        </h2>
      }
      extra={checking ? <Spin size="small" aria-label={t('catalog.check.checking')} /> : null}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('catalog.overlap.intro')}
      </Typography.Paragraph>
      <OverlapList overlaps={overlaps} />
      {needsJustification || overlaps.length > 0 ? (
        <CheckedItem
          name="justification"
          label={t('catalog.overlap.justification')}
          extra={needsJustification ? t('catalog.overlap.justificationHelp') : t('catalog.overlap.justificationOptional')}
          required={needsJustification}
          problems={problems}
          problemKey="justification"
          style={{ marginTop: 12, marginBottom: 0 }}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="editor-justification" />
        </CheckedItem>
      ) : null}
    </Card>
  );
}
