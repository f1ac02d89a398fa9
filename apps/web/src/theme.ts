/**
 * The Ant Design theme: a deep government blue, and text and status colours darkened so that
 * every text meets WCAG AA contrast (4.5:1) on white and on the light status backgrounds.
 */
import type { ThemeConfig } from 'antd';

const CJK_FONTS = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC"';
const LATIN_FONTS =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "DejaVu Sans"';

/**
 * Fonts are the system's (the CSP forbids web-font CDNs). Chinese puts CJK faces first; English
 * puts Latin faces first, or CJK fonts would draw its quotes and apostrophes full-width.
 */
export const FONT_FAMILY = `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif`;
export const FONT_FAMILY_EN = `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`;

export const COLORS = {
  primary: '#1a56b8',
  navy: '#0c3d8a',
  navyDark: '#082c66',
  gold: '#f5c542',
  success: '#2e7d32',
  warning: '#945a00',
  error: '#c0392b',
  pageBg: '#f3f5f9',
} as const;

const baseTheme: ThemeConfig = {
  token: {
    colorPrimary: COLORS.primary,
    colorInfo: COLORS.primary,
    colorLink: COLORS.primary,
    colorSuccess: COLORS.success,
    colorWarning: COLORS.warning,
    colorError: COLORS.error,
    // Dark status seeds give muddy derived backgrounds: the light ones are set explicitly.
    colorSuccessBg: '#eef7ee',
    colorSuccessBorder: '#a9d4ab',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#f5c97a',
    colorErrorBg: '#fdf1ef',
    colorErrorBorder: '#efb4ab',
    colorInfoBg: '#eef4fc',
    colorInfoBorder: '#b3cbee',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    // Placeholders are real text to axe-core (and to low-vision users): 4.5:1 on white.
    colorTextPlaceholder: '#767676',
    colorBgLayout: COLORS.pageBg,
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
  },
  components: {
    Layout: {
      headerBg: COLORS.navy,
      headerHeight: 60,
      headerPadding: '0 24px',
      siderBg: '#ffffff',
      bodyBg: COLORS.pageBg,
      footerBg: COLORS.pageBg,
    },
    Menu: {
      itemBorderRadius: 4,
    },
    Table: {
      headerBg: '#f0f3f8',
    },
  },
};

/** The theme of a language (only the font stack differs). */
export function themeFor(lang: 'zh' | 'en'): ThemeConfig {
  return lang === 'zh' ? baseTheme : { ...baseTheme, token: { ...baseTheme.token, fontFamily: FONT_FAMILY_EN } };
}
