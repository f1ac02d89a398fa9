import { useContext } from 'react';
import { I18nContext, type I18nValue, type Translate } from './context';

/** The whole language context: current language, switch, translate and pick. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
