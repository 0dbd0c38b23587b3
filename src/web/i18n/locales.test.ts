import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

const LOCALES = ['en', 'fr'] as const;

function load(locale: string): Tree {
  return JSON.parse(fs.readFileSync(new URL(`./locales/${locale}.json`, import.meta.url), 'utf8')) as Tree;
}

/** Every leaf as a dotted key, with non-string leaves reported as such. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, leaf] of flatten(value, path)) out.set(inner, leaf);
    } else out.set(path, value);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(load(locale))])) as Record<(typeof LOCALES)[number], Map<string, unknown>>;

describe('locale files', () => {
  it('have exactly the same keys', () => {
    const [first, ...others] = LOCALES;
    for (const other of others) {
      const missingInOther = [...flat[first].keys()].filter((key) => !flat[other].has(key));
      const missingInFirst = [...flat[other].keys()].filter((key) => !flat[first].has(key));
      expect(missingInOther, `keys in ${first}.json but not in ${other}.json`).toEqual([]);
      expect(missingInFirst, `keys in ${other}.json but not in ${first}.json`).toEqual([]);
    }
  });

  it('have no empty or non-text values', () => {
    for (const locale of LOCALES) {
      const bad = [...flat[locale]].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(bad, `empty or non-string values in ${locale}.json`).toEqual([]);
    }
  });

  it('use the same {{placeholders}} for each key', () => {
    for (const [key, value] of flat.en) {
      const english = placeholders(String(value));
      for (const locale of LOCALES) {
        expect(placeholders(String(flat[locale].get(key) ?? '')), `${locale}.json ${key}`).toEqual(english);
      }
    }
  });

  it('give every plural both its _one and _other form', () => {
    for (const locale of LOCALES) {
      for (const key of flat[locale].keys()) {
        const match = /^(.*)_(one|other)$/.exec(key);
        if (!match) continue;
        const pair = `${match[1]}_${match[2] === 'one' ? 'other' : 'one'}`;
        expect(flat[locale].has(pair), `${locale}.json ${key} has no ${pair}`).toBe(true);
      }
    }
  });
});
