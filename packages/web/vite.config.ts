import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = process.env.SUTIAO_API_PORT ?? '3200';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
