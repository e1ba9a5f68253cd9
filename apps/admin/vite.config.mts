import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/ at `/` and answers /graphql on the same origin; `vite dev` proxies to a running API.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/graphql': process.env.REDRESS_API_URL ?? 'http://localhost:3000' },
  },
});
