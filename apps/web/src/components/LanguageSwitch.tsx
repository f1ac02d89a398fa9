import { Button } from 'antd';
import { useI18n } from '../i18n/useT';

/** Switches between Chinese and English; the label is written in the language it switches to. */
export function LanguageSwitch({ onDark = false }: { readonly onDark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <Button
      type="text"
      data-testid="language-switch"
      onClick={() => setLang(next)}
      title={t('lang.switchLabel')}
      className={onDark ? 'gs-header-button' : undefined}
    >
      <span lang={next === 'en' ? 'en' : 'zh-CN'}>{t('lang.switchTo')}</span>
    </Button>
  );
}
