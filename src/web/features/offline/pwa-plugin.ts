import { VitePWA } from 'vite-plugin-pwa';

/**
 * The installable app: web app manifest and service worker (sw/service-worker.ts, bundled with
 * the precache list of every built file injected). The page registers it itself (register.ts),
 * after the first paint, so the first download stays within its budget.
 */
export function tandemPwa() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'features/offline/sw',
    filename: 'service-worker.ts',
    injectRegister: false,
    registerType: 'prompt',
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: true,
    manifest: {
      id: '/',
      name: 'Tandem',
      short_name: 'Tandem',
      description: 'Blended learning: pre-work, live sessions and post-work, designed together. / Apprentissage hybride : travail préparatoire, séances en direct et travail de consolidation.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'any',
      background_color: '#f6f7f9',
      theme_color: '#ffffff',
      categories: ['education'],
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    injectManifest: {
      // A classic script: every browser that has service workers runs it.
      rollupFormat: 'iife',
      // The whole shell, every page chunk and both languages: any page opens offline.
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      // The icon sources are for people, not for the app.
      globIgnores: ['icons/any.svg', 'icons/maskable.svg'],
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
    },
    devOptions: { enabled: false },
  });
}
