import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useI18n } from '../../i18n/useT';

export interface IssuedKey {
  readonly name: string;
  readonly secret: string;
}

/**
 * Shows a new API key's secret the one time it exists in clear: only its hash is stored, so the
 * user must copy it now. Closing needs an explicit acknowledgement.
 */
export function ApiKeySecretModal({ issued, onClose }: { readonly issued: IssuedKey | null; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();

  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.secret);
      void message.success(t('apiKeys.copied'));
    } catch {
      void message.error(t('apiKeys.copyFailed'));
    }
  };

  return (
    <Modal
      open={issued !== null}
      title={t('apiKeys.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-done">
          {t('apiKeys.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('apiKeys.secretWarning')} style={{ marginBottom: 16 }} />
      {issued ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            readOnly
            value={issued.secret}
            aria-label={t('apiKeys.secretLabel', { name: issued.name })}
            data-testid="api-key-secret"
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            onFocus={(event) => event.target.select()}
          />
          <Button type="primary" onClick={() => void copy()}>
            {t('apiKeys.copy')}
          </Button>
        </Space.Compact>
      ) : null}
    </Modal>
  );
}
