import { COMMITMENTS } from '@gongshu/domain';
import { Typography } from 'antd';
import type { ShareRequest } from '../../../api/sharing';
import { useT } from '../../../i18n/useT';

/** The five commitments of R17.1 and R17.2 as the requester made them. */
export function CommitmentList({ commitments }: { readonly commitments: ShareRequest['commitments'] }) {
  const t = useT();
  return (
    <ul className="gs-plain-list" data-testid="request-commitments">
      {COMMITMENTS.map((commitment) => (
        <li key={commitment} data-commitment={commitment} data-made={String(commitments[commitment])}>
          <Typography.Text type={commitments[commitment] ? 'success' : 'danger'} strong aria-hidden="true">
            {commitments[commitment] ? '✓ ' : '✗ '}
          </Typography.Text>
          <span className="gs-sr-only">{t(commitments[commitment] ? 'share.commit.made' : 'share.commit.notMade')}</span>
          {t(`share.commit.${commitment}`)}
        </li>
      ))}
    </ul>
  );
}
