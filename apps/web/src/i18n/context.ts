/**
 * The language context: Chinese first, English as a switch. Kept apart from the provider so
 * hooks and the provider component can live in their own files.
 */
import { createContext } from 'react';
import type { MessageKey } from './zh';

export type Lang = 'zh' | 'en';

/** Values substituted for {name} placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export interface I18nValue {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: Translate;
  /** Picks the label of the current language from a {zh, en} pair (domain labels, API messages). */
  readonly pick: (label: { readonly zh: string; readonly en: string }) => string;
}

export const I18nContext = createContext<I18nValue | null>(null);
