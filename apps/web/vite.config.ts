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
    // antd is one large vendor chunk by design; the warning threshold is raised to its size.
    chunkSizeWarningLimit: 1200,
  },
});
