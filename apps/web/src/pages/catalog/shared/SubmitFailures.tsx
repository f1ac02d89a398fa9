import { Alert, Tag } from 'antd';
import { Link } from 'react-router';
import type { SubmitFailure } from '../../../api/catalog';
import { useI18n } from '../../../i18n/useT';
import { placeText } from '../editor/problems';

/**
 * A refused submission (all or none): each entry with everything that stops it, so the steward can
 * open it and fix it in one pass.
 */
export function SubmitFailures({ failures }: { readonly failures: readonly SubmitFailure[] }) {
  const { t, pick } = useI18n();
  if (failures.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="submit-failures"
      title={t('catalog.submit.refused', { count: failures.length })}
      description={
        <ul className="gs-failures">
          {failures.map((failure) => (
            <li key={failure.versionId} data-testid="submit-failure">
              <Link to={`/catalog/versions/${failure.versionId}`}>{failure.name || t('catalog.editor.untitled')}</Link>
              <ul>
                {failure.problems.map((problem, index) => (
                  <li key={`${problem.code}-${index}`}>
                    {t('catalog.check.placed', { place: placeText(t, problem.field), message: pick(problem.message) })}
                    {problem.requirement ? (
                      <Tag color="error" variant="outlined" style={{ marginInlineStart: 6 }}>
                        {problem.requirement}
                      </Tag>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      }
    />
  );
}
