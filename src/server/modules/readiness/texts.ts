import type { Locale } from '../../../shared/schemas/common.ts';
import type { LocalizedText, Reason, ReasonParams } from '../../../shared/schemas/readiness.ts';

/** Server-made words in both languages; the caller's locale picks `text`, the web may use either. */
export type Texts = LocalizedText;

export function pick(locale: Locale, texts: Texts): string {
  return texts[locale];
}

export function reason(locale: Locale, code: string, params: ReasonParams, texts: Texts): Reason {
  return { code, params, text: texts[locale], texts };
}

/** A prompt shortened for a title ("Re-teach: …"). */
export function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export const percent = (rate: number) => Math.round(rate * 100);

/** Class lists in a stable order on every database: by name ("Student 2" before "Student 10"), then id. */
export function byName(locale: Locale): (a: { name: string; id: string }, b: { name: string; id: string }) => number {
  const collator = new Intl.Collator(locale, { numeric: true });
  return (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
