/**
 * The Ant Design theme: a deep government blue, and text and status colours darkened so that
 * every text meets WCAG AA contrast (4.5:1) on white and on the light status backgrounds.
 */
import type { ThemeConfig } from 'antd';

/** Fonts are the system's (the CSP forbids web-font CDNs); CJK faces come first for Chinese. */
export const FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

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

export const themeConfig: ThemeConfig = {
  token: {
    colorPrimary: COLORS.primary,
    colorInfo: COLORS.primary,
    colorLink: COLORS.primary,
    colorSuccess: COLORS.success,
    colorWarning: COLORS.warning,
    colorError: COLORS.error,
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
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
