import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAZY_LOCALE_PARTS } from './locale-parts.ts';

const load = (locale: string): Record<string, unknown> => JSON.parse(fs.readFileSync(new URL(`./locales/${locale}.json`, import.meta.url), 'utf8'));

describe('locale parts', () => {
  it('name top-level keys that both locale files have', () => {
    for (const locale of ['en', 'fr']) {
      const keys = Object.keys(load(locale));
      expect(LAZY_LOCALE_PARTS.filter((part) => !keys.includes(part)), `${locale}.json`).toEqual([]);
    }
  });

  it('leave the start-up strings (sign-in, header, My work) in the core', () => {
    for (const key of ['app', 'nav', 'common', 'auth', 'errors', 'work', 'notifications']) expect(LAZY_LOCALE_PARTS).not.toContain(key);
  });
});
