import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the back office at `/` (packages/server/src/http/console.ts);
// `npm run dev -w @storelink/admin-web` proxies the API to a server on :8080.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
