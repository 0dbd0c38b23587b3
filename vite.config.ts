import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { localeParts } from './src/web/i18n/locale-parts-plugin.ts';
import { tandemPwa } from './src/web/features/offline/pwa-plugin.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: path.join(here, 'src/web'),
  // localeParts: the locale files split into start-up and per-page chunks (src/web/i18n/locale-parts.ts).
  // tandemPwa: web app manifest and service worker (offline shell and saved pre-work).
  plugins: [react(), localeParts(path.join(here, 'src/web/i18n/locales')), tandemPwa()],
  build: {
    // The server serves ./dist/web (src/server/http/web-app.ts).
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // Every page is its own chunk (React.lazy in app/routes.tsx). Libraries get stable, named
    // chunks so a deploy that changes only app code leaves them cached; zod stays apart because
    // the sign-in page does not load it up front (src/web/lib/lazy-schemas.ts).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            // Loaded only by the live room (socket) and its poll chart: never part of the first download.
            { name: 'charts', test: /node_modules[\\/](chart\.js|react-chartjs-2|@kurkle)[\\/]/ },
            { name: 'socket', test: /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io[\\/]component-emitter|xmlhttprequest-ssl|debug|ms)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // Host is kept as is (no changeOrigin) so the server's same-origin CSRF check sees the Vite origin.
    proxy: {
      '/api': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
});
