import type { Problem } from '@gongshu/contracts';
import { Alert, Button, Card, Spin, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/useT';
import { placeText, problemKey, sectionOf, SECTIONS } from './problems';

export interface ProblemSummaryProps {
  readonly problems: readonly Problem[];
  readonly checking: boolean;
  readonly error: unknown;
  /** Moves the focus to the input of a problem. */
  readonly onGoTo: (key: string) => void;
}

/**
 * 填报检查: everything that would stop a submission, all at once, grouped by section, each with its
 * requirement id; a problem's entry takes the focus to its input. Announced politely as it changes.
 */
export function ProblemSummary({ problems, checking, error, onGoTo }: ProblemSummaryProps) {
  const { t, pick } = useI18n();
  const sorted = [...problems].sort(
    (a, b) => SECTIONS.indexOf(sectionOf(problemKey(a.field))) - SECTIONS.indexOf(sectionOf(problemKey(b.field))),
  );
  return (
    <Card
      size="small"
      data-testid="check-summary"
      data-problems={checking ? 'checking' : String(problems.length)}
      title={
        <h2 className="gs-card-title" data-testid="check-heading">
          {t('catalog.check.heading')}
        </h2>
      }
      extra={checking ? <Spin size="small" aria-label={t('catalog.check.checking')} /> : null}
    >
      <div aria-live="polite">
        {error ? (
          <ErrorAlert error={error} />
        ) : problems.length === 0 ? (
          checking ? (
            <Typography.Text type="secondary">{t('catalog.check.checking')}</Typography.Text>
          ) : (
            <Alert type="success" showIcon title={t('catalog.check.ok')} data-testid="check-ok" />
          )
        ) : (
          <>
            <Typography.Paragraph strong style={{ marginBottom: 8 }} data-testid="check-count">
              {t('catalog.check.count', { count: problems.length })}
            </Typography.Paragraph>
            <ol className="gs-problem-list">
              {sorted.map((problem, index) => {
                const key = problemKey(problem.field);
                return (
                  <li key={`${key}-${problem.code}-${index}`} data-testid="check-problem">
                    <Button type="link" size="small" className="gs-problem-link" onClick={() => onGoTo(key)}>
                      {placeText(t, problem.field)}
                    </Button>
                    <span>{pick(problem.message)}</span>
                    {problem.requirement ? (
                      <Tag color="error" variant="outlined" style={{ marginInlineStart: 6 }}>
                        {problem.requirement}
                      </Tag>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </div>
    </Card>
  );
}
