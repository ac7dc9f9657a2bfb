/**
 * Builds the marketplace SPA into dist/, which core serves at `/`. In `npm run dev -w
 * marketplace-ui` the API paths are proxied to a platform started with `npm start`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.NUDGE_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/graphql': api, '/oauth': api, '/usage': api } },
});
