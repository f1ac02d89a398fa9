import { Alert, Button, Typography } from 'antd';
import { useVerifyAudit } from '../../api/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/** Recomputes the audit log's hash chain on the server and says whether it is intact (R29.1). */
export function VerifyChain() {
  const t = useT();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('audit.verifyHint')}</Typography.Paragraph>
      <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
        {t('audit.verify')}
      </Button>
      <div aria-live="polite" style={{ marginTop: result || verify.isError ? 12 : 0 }}>
        {verify.isError ? <ErrorAlert error={verify.error} /> : null}
        {result ? (
          result.ok ? (
            <Alert type="success" showIcon data-testid="audit-verify-result" title={t('audit.verifyIntact', { checked: result.checked })} />
          ) : (
            <Alert
              type="error"
              showIcon
              data-testid="audit-verify-result"
              title={t('audit.verifyBroken', {
                seq: result.firstBroken?.seq ?? '?',
                reason: result.firstBroken?.reason ?? '',
                checked: result.checked,
              })}
            />
          )
        ) : null}
      </div>
    </div>
  );
}
