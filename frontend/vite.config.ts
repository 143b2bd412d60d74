import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The Content-Security-Policy in index.html allows no inline script: keep every script an
    // external same-origin file (no modulepreload polyfill injected as inline code).
    modulePreload: { polyfill: false },
    // One ~700 kB chunk is loaded from local disk by the desktop shell; splitting it buys nothing.
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
