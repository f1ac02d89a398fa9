import { useEffect } from 'react';
import { useT } from '../i18n/useT';

/** Sets the browser tab's title to "<page> · 公数". */
export function useDocumentTitle(title: string | null): void {
  const t = useT();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.titleSuffix')}`;
  }, [title, t]);
}
