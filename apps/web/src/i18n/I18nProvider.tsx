import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue, type Lang, type MessageVars } from './context';
import { en } from './en';
import { zh, type MessageKey, type Messages } from './zh';

const STORAGE_KEY = 'gongshu.lang';
const DICTIONARIES: Record<Lang, Messages> = { zh, en };
/** The value of <html lang> for each language. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

function initialLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    // Storage can be blocked (privacy settings); Chinese is the default.
    return 'zh';
  }
}

function format(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered when storage is blocked; the switch still works for this visit.
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dictionary = DICTIONARIES[lang];
    return {
      lang,
      setLang,
      t: (key: MessageKey, vars?: MessageVars) => format(dictionary[key], vars),
      pick: (label) => label[lang],
    };
  }, [lang, setLang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
