/**
 * The providers, outermost first: language → Ant Design (locale and theme follow the language) →
 * data cache → session → routes.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/queryClient';
import { AuthProvider } from './auth/AuthProvider';
import { I18nProvider } from './i18n/I18nProvider';
import { useI18n } from './i18n/useT';
import { createRouter } from './router';
import { themeFor } from './theme';

function ThemedApp() {
  const { lang } = useI18n();
  const [router] = useState(createRouter);
  const theme = useMemo(() => themeFor(lang), [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ThemedApp />
    </I18nProvider>
  );
}
