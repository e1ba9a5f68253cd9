import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Its own bundle, apart from the console's: the API serves dist/assets at /c/assets and index.html at /c/<tenant slug>.
// The page is written against React's API but built with Preact's compatibility layer: ~15 kB instead of React's ~60 kB
// (gzipped) for a first render on a phone (docs/portal.md).
export default defineConfig({
  plugins: [react()],
  base: '/c/',
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020' },
  server: {
    proxy: {
      '/api': process.env.REDRESS_API_URL ?? 'http://localhost:3000',
      '/files': process.env.REDRESS_API_URL ?? 'http://localhost:3000',
    },
  },
});
