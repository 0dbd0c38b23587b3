import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/schemas/common.ts';

export const LOCALES: readonly Locale[] = ['en', 'fr'];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string | undefined): value is Locale {
  return value === 'en' || value === 'fr';
}

/**
 * Each language is its own chunk, so adding a language never grows the first download.
 * (import.meta.glob rather than `import(…json, {with: {type: 'json'}})`: the Vite dev server
 * serves JSON as a JS module, which browsers refuse for a JSON import attribute.)
 */
const loaders = import.meta.glob<ResourceKey>('./locales/*.json', { import: 'default' });

const localeBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, _namespace, callback) {
    const load = isLocale(language) ? loaders[`./locales/${language}.json`] : undefined;
    if (!load) return callback(null, {});
    load().then(
      (resources) => callback(null, resources),
      (error: unknown) => callback(error instanceof Error ? error : String(error), null),
    );
  },
};

export const i18n = i18next;

/** Resolves once the detected language is loaded; render after it so no key ever flashes. */
export async function initI18n(): Promise<void> {
  // `language` can be a regional tag such as fr-FR; the page is marked with the one we speak.
  i18n.on('languageChanged', () => {
    document.documentElement.lang = currentLocale();
  });
  await i18n
    .use(localeBackend)
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      supportedLngs: LOCALES,
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: DEFAULT_LOCALE,
      // Signed out, the browser decides; signed in, the account does (app/LanguageSync.tsx).
      detection: { order: ['navigator', 'htmlTag'], caches: [] },
      interpolation: { escapeValue: false },
      returnEmptyString: false,
      react: { useSuspense: false },
    });
}

/** The language the UI is in now, narrowed to the ones Tandem speaks. */
export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** Switches to the account's language, or back to the browser's when `locale` is undefined. */
export async function applyLocale(locale: Locale | undefined): Promise<void> {
  if (locale === undefined) {
    await i18n.changeLanguage();
    return;
  }
  if (currentLocale() !== locale) await i18n.changeLanguage(locale);
}
