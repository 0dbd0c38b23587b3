import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import loaders from 'virtual:locale-loaders';
import type { Locale } from '../../shared/schemas/common.ts';
import { isLazyPart, type LocalePart } from './locale-parts.ts';

export const LOCALES: readonly Locale[] = ['en', 'fr'];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string | undefined): value is Locale {
  return value === 'en' || value === 'fr';
}

/**
 * Each language is its own set of chunks, so adding a language never grows the first download:
 * its "core" strings load at start-up, the lazy parts (locale-parts.ts) with the pages using
 * them. The split happens at build time (locale-parts-plugin.ts); en.json stays one file.
 */
const activeParts = new Set<LocalePart>();

async function loadResources(language: Locale): Promise<ResourceKey> {
  const table = loaders[language];
  if (!table) return {};
  const names = ['core', ...activeParts];
  const modules = await Promise.all(names.map((name) => table[name]?.() ?? Promise.resolve({ default: {} })));
  return Object.assign({}, ...modules.map((module) => module.default));
}

const localeBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, _namespace, callback) {
    if (!isLocale(language)) return callback(null, {});
    loadResources(language).then(
      (resources) => callback(null, resources),
      (error: unknown) => callback(error instanceof Error ? error : String(error), null),
    );
  },
};

/**
 * Loads lazy parts of the strings for the current language (and, as they are remembered, for
 * any language switched to later). Pages await it before rendering (app/routes.tsx).
 */
export async function loadLocaleParts(parts: readonly LocalePart[]): Promise<void> {
  const missing = parts.filter((part) => !activeParts.has(part));
  if (missing.length === 0) return;
  for (const part of missing) activeParts.add(part);
  const language = currentLocale();
  const table = loaders[language];
  if (!table) return;
  let modules: { default: Record<string, unknown> }[];
  try {
    modules = await Promise.all(missing.map((part) => table[part]?.() ?? Promise.resolve({ default: {} })));
  } catch (error) {
    // Not downloaded (offline, say): the next caller tries again rather than finding it "loaded".
    for (const part of missing) activeParts.delete(part);
    throw error;
  }
  for (const module of modules) i18n.addResourceBundle(language, 'translation', module.default, true, true);
}

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
      // Safety net: a key from a part a page forgot to load loads it, and components re-render
      // when it arrives ('added'), so a missing part shows for an instant instead of forever.
      saveMissing: true,
      missingKeyHandler: (_languages, _namespace, key) => {
        const part = key.split('.')[0] ?? '';
        if (isLazyPart(part) && !activeParts.has(part)) void loadLocaleParts([part]);
      },
      react: { useSuspense: false, bindI18nStore: 'added' },
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
