import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Its own bundle, apart from the console's: the API serves dist/assets at /c/assets and index.html at /c/<tenant slug>.
export default defineConfig({
  plugins: [react()],
  base: '/c/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020' },
  server: { proxy: { '/api': process.env.REDRESS_API_URL ?? 'http://localhost:3000', '/files': process.env.REDRESS_API_URL ?? 'http://localhost:3000' } },
});
