import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
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
