import YAML from 'yaml';
import { badRequest } from '../../lib/errors.ts';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export type FrontMatter = { data: Record<string, unknown>; body: string };

/**
 * Splits YAML front matter (Obsidian properties) from a note. Malformed YAML is the author's
 * mistake to fix, so it is a 400 naming the line, not a silently dropped block.
 */
export function splitFrontMatter(source: string): FrontMatter {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { data: {}, body: source.replace(/^\uFEFF/, '') };
  let parsed: unknown;
  try {
    parsed = YAML.parse(match[1] ?? '', { maxAliasCount: 50, uniqueKeys: false });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : 'invalid YAML';
    throw badRequest('invalid_front_matter', `The front matter is not valid YAML: ${message}`, 'markdown');
  }
  if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
    throw badRequest('invalid_front_matter', 'The front matter must be a list of key: value properties', 'markdown');
  }
  return { data: (parsed ?? {}) as Record<string, unknown>, body: source.slice(match[0].length) };
}

/** Front matter `tags` as Obsidian allows them: a list, or a string of comma/space separated tags. */
export function frontMatterTags(data: Record<string, unknown>): string[] {
  const raw = data.tags ?? data.tag;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,\s]+/) : [];
  return list
    .filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
    .map((t) => String(t).trim().replace(/^#/, ''))
    .filter((t) => t.length > 0 && t.length <= 100);
}

export function frontMatterTitle(data: Record<string, unknown>): string | undefined {
  const title = data.title;
  return typeof title === 'string' && title.trim() ? title.trim() : undefined;
}
