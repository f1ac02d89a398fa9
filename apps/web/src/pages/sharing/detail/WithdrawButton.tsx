import { App, Button } from 'antd';
import { useWithdrawShareRequest, type ShareRequestDetail } from '../../../api/sharing';
import { errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n/useT';

/** The requester withdraws a request still under review, after a confirmation. */
export function WithdrawButton({ request }: { readonly request: ShareRequestDetail }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const withdraw = useWithdrawShareRequest();
  const confirm = () => {
    modal.confirm({
      title: t('share.withdraw.title'),
      content: t('share.withdraw.confirm', { number: request.number }),
      okText: t('share.withdraw.button'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        withdraw
          .mutateAsync({ id: request.id, body: {} })
          .then(() => void message.success(t('share.withdraw.done')))
          .catch((error: unknown) => void message.error(errorText(error, lang).message)),
    });
  };
  return (
    <Button danger onClick={confirm} loading={withdraw.isPending} data-testid="request-withdraw">
      {t('share.withdraw.button')}
    </Button>
  );
}
