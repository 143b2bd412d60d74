import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Builds harness/index.html (the app over src/dev/mockBackend.ts) into dist-harness/, with the
// same Content-Security-Policy as the app: `npx vite build --config vite.harness.config.ts`, then
// `npx vite preview --config vite.harness.config.ts` and open /harness/#/calendar?view=month.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist-harness',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: 'harness/index.html' },
  },
  preview: { port: 4183, strictPort: true, host: '127.0.0.1' },
});
