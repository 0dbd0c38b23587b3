import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { LAZY_LOCALE_PARTS } from './locale-parts.ts';

const PART = 'virtual:locale-part/';
const LOADERS = 'virtual:locale-loaders';

/**
 * Build-time split of each locale file (still one en.json / fr.json to edit, and one typed
 * source of keys) into a "core" module and one module per lazy part (locale-parts.ts), each its
 * own chunk. `virtual:locale-loaders` maps language → part → loader.
 */
export function localeParts(localesDir: string): Plugin {
  const languages = () =>
    fs
      .readdirSync(localesDir)
      .filter((file) => /^[a-z]{2}\.json$/.test(file))
      .map((file) => file.slice(0, 2));
  return {
    name: 'tandem-locale-parts',
    resolveId(id) {
      return id === LOADERS || id.startsWith(PART) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${LOADERS}`) {
        const parts = ['core', ...LAZY_LOCALE_PARTS];
        const table = languages().map((lang) => `${JSON.stringify(lang)}: {${parts.map((part) => `${JSON.stringify(part)}: () => import(${JSON.stringify(`${PART}${lang}/${part}`)})`).join(', ')}}`);
        return `export default {${table.join(',\n')}};`;
      }
      if (!id.startsWith(`\0${PART}`)) return undefined;
      const [lang = '', part = ''] = id.slice(PART.length + 1).split('/');
      const file = path.join(localesDir, `${lang}.json`);
      this.addWatchFile(file);
      const all: Record<string, unknown> = JSON.parse(fs.readFileSync(file, 'utf8'));
      const lazy = new Set<string>(LAZY_LOCALE_PARTS);
      const picked = part === 'core' ? Object.fromEntries(Object.entries(all).filter(([key]) => !lazy.has(key))) : { [part]: all[part] ?? {} };
      return `export default ${JSON.stringify(picked)};`;
    },
  };
}
