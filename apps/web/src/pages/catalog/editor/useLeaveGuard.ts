import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../../../i18n/useT';

/**
 * Asks before leaving a form with unsaved changes: in the app (another page) and for the browser
 * (reload, closing the tab). Signing out is never held up. Returns a function that lets the next
 * navigation through, for the form's own moves after saving.
 */
export function useLeaveGuard(dirty: boolean): () => void {
  const t = useT();
  const { modal } = App.useApp();
  const allowed = useRef(false);
  const asking = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allowed.current && nextLocation.pathname !== currentLocation.pathname && nextLocation.pathname !== '/login',
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') {
      asking.current = false;
      return;
    }
    // One question per blocked navigation, however often the page renders meanwhile.
    if (asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('catalog.editor.leaveTitle'),
      content: t('catalog.editor.leaveContent'),
      okText: t('catalog.editor.leave'),
      okButtonProps: { danger: true },
      cancelText: t('catalog.editor.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return () => {
    allowed.current = true;
  };
}
