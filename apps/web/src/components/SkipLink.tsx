import { useT } from '../i18n/useT';

/** The first focusable element: jumps keyboard users past the header to the page content. */
export function SkipLink({ target = 'main-content' }: { readonly target?: string }) {
  const t = useT();
  return (
    <a className="gs-skip-link" href={`#${target}`}>
      {t('app.skipToContent')}
    </a>
  );
}
