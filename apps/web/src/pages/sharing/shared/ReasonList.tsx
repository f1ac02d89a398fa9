import { Typography } from 'antd';
import type { RejectionReason } from '../../../api/sharing';
import { useT } from '../../../i18n/useT';

/** The reasons of a rejection, each with its legal basis (R16.1), numbered. */
export function ReasonList({ reasons }: { readonly reasons: readonly RejectionReason[] }) {
  const t = useT();
  return (
    <ol className="gs-reasons" data-testid="rejection-reasons">
      {reasons.map((entry, index) => (
        <li key={index} data-testid="rejection-reason">
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{entry.reason}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('share.reject.basisOf', { basis: entry.legalBasis })}
          </Typography.Text>
        </li>
      ))}
    </ol>
  );
}
