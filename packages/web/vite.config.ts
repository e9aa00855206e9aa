import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress-plugin.ts';

const apiPort = process.env.SUTIAO_API_PORT ?? '3200';

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each route loads, read by `npm run bench:start` to size the first
    // page (the server does not serve dot-folders).
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
});
