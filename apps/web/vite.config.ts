/**
 * Vite build of the web app. The server serves apps/web/dist at / (SPA fallback), so the build
 * only needs relative-to-root asset URLs; in development /api is proxied to a local server.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // React and ECharts get chunks of their own (cached across releases; ECharts is only imported
    // by lazily loaded charts, so its chunk stays lazy). antd is left to automatic splitting, so
    // the portal does not download the table, form and drawer code of the signed-in pages.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
    // antd's core (Form, Input, Layout, ConfigProvider…) is one chunk of about 800 kB (260 kB gzip).
    chunkSizeWarningLimit: 1000,
  },
});
