import { Alert, Button, Tag } from 'antd';
import { errorText } from '../api/errors';
import { useI18n } from '../i18n/useT';

export interface ErrorAlertProps {
  readonly error: unknown;
  /** A heading above the API's message, e.g. "Sign-in failed". */
  readonly title?: string;
  readonly onRetry?: () => void;
}

/**
 * Shows a refusal as the API worded it, in the current language, with the requirement it
 * enforces (e.g. R8.1) and the request id to quote to support.
 */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { lang, t } = useI18n();
  const text = errorText(error, lang);
  const message = (
    <span>
      {text.message}
      {text.requirement ? (
        <Tag color="error" variant="outlined" style={{ marginInlineStart: 8 }} data-testid="error-requirement">
          {t('common.requirement', { id: text.requirement })}
        </Tag>
      ) : null}
    </span>
  );
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      title={title ?? message}
      description={
        title || text.requestId ? (
          <>
            {title ? <div>{message}</div> : null}
            {text.requestId ? (
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.62)', marginTop: 4 }}>{t('common.requestId', { id: text.requestId })}</div>
            ) : null}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
