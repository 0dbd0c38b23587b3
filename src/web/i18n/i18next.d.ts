import type en from './locales/en.json' with { type: 'json' };

// Typed keys: a `t('...')` call with a key missing from en.json fails `tsc`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
