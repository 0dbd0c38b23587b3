import fs from 'node:fs';

export type Lang = 'en' | 'fr';
type Tree = { [key: string]: string | Tree };

const cache = new Map<Lang, Tree>();

function load(lang: Lang): Tree {
  let tree = cache.get(lang);
  if (!tree) {
    tree = JSON.parse(fs.readFileSync(new URL(`../../src/web/i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as Tree;
    cache.set(lang, tree);
  }
  return tree;
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The text the app shows for `key` in `lang`, read from the same locale files, so the specs
 * assert on what a user sees in each language (plurals and {{values}} included).
 */
export function t(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  const tree = load(lang);
  const plural = typeof values.count === 'number' ? `${key}_${new Intl.PluralRules(lang).select(values.count)}` : undefined;
  const text = (plural && lookup(tree, plural)) ?? lookup(tree, key) ?? (typeof values.count === 'number' ? lookup(tree, `${key}_other`) : undefined);
  if (text === undefined) throw new Error(`No ${lang} text for ${key}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export const browserLocale: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };
