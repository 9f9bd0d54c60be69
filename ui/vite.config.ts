import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Everything is bundled into ui/dist and embedded in the app: no CDN, no remote font.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inline nothing as data: URLs (the CSP allows data: only for images).
    assetsInlineLimit: 0,
    sourcemap: false,
    // The licenses of the packages bundled into the UI (dist/.vite/license.md),
    // for the packages' third-party license file.
    license: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});
