import type { MarkdownIt, RendererRule, StateInline } from 'markdown-it';
import type { RenderContext, RenderedTask } from './render.ts';

/** Per-render state: collected tasks and tags, and what links/embeds resolve against. */
export type RenderEnv = {
  tasks: RenderedTask[];
  tags: Set<string>;
  context: RenderContext;
  firstHeading?: string;
};


const TAG_BODY = /^[\p{L}\p{N}_\-/]+/u;
const SIZE = /^(\d{1,4})(?:x(\d{1,4}))?$/;
const MEDIA_EXTENSION = /\.(png|jpe?g|gif|webp|svg|bmp|avif|mp4|webm|mov|m4v|ogv|pdf|mp3|wav|ogg)$/i;

export function normalizeTitle(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function findUpload(context: RenderContext, target: string) {
  const name = baseName(target).normalize('NFC');
  return (
    context.uploads.find((u) => u.fileName.normalize('NFC') === name) ??
    context.uploads.find((u) => u.fileName.normalize('NFC').toLowerCase() === name.toLowerCase())
  );
}

function findLesson(context: RenderContext, target: string) {
  const wanted = normalizeTitle(baseName(target).replace(/\.md$/i, ''));
  return context.lessons.find((l) => normalizeTitle(l.title) === wanted);
}

/**
 * `[[Lesson title|label]]` wiki links, `![[file.png|700]]` embeds and `#tags` as inline rules,
 * plus relative Markdown images (`![](file.png)`) resolved against the course's uploads.
 */
export function installObsidianSyntax(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;

  md.inline.ruler.before('link', 'wikilink', (state: StateInline, silent: boolean) => {
    const start = state.pos;
    const embed = state.src.startsWith('![[', start);
    if (!embed && !state.src.startsWith('[[', start)) return false;
    const open = start + (embed ? 3 : 2);
    const close = state.src.indexOf(']]', open);
    if (close < 0 || close > state.posMax) return false;
    const inner = state.src.slice(open, close);
    if (!inner.trim() || /[[\]\n]/.test(inner)) return false;
    if (!silent) {
      const bar = inner.indexOf('|');
      const target = (bar >= 0 ? inner.slice(0, bar) : inner).trim();
      const alias = bar >= 0 ? inner.slice(bar + 1).trim() : '';
      const token = state.push(embed && MEDIA_EXTENSION.test(target.split('#')[0] ?? '') ? 'obsidian_embed' : 'wikilink', '', 0);
      token.meta = { target, alias };
    }
    state.pos = close + 2;
    return true;
  });

  md.inline.ruler.before('link', 'hashtag', (state: StateInline, silent: boolean) => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== 0x23 /* # */) return false;
    const before = start > 0 ? state.src[start - 1] : ' ';
    if (before !== undefined && !/[\s(,;]/.test(before)) return false;
    const match = TAG_BODY.exec(state.src.slice(start + 1, state.posMax));
    const tag = match?.[0].replace(/[/-]+$/, '');
    // Obsidian: a tag needs at least one non-digit ("#1" is not a tag).
    if (!tag || /^\d+$/.test(tag)) return false;
    if (!silent) {
      const token = state.push('hashtag', '', 0);
      token.meta = { tag };
    }
    state.pos = start + 1 + tag.length;
    return true;
  });

  const wikilink: RendererRule = (tokens, idx, _options, renderEnv) => {
    const env = renderEnv as RenderEnv;
    const { target, alias } = tokens[idx]!.meta as { target: string; alias: string };
    const lessonTitle = target.split('#')[0]!.trim();
    const label = escape(alias || target);
    const lesson = findLesson(env.context, lessonTitle);
    if (lesson) return `<a class="wikilink" href="/lessons/${encodeURIComponent(lesson.id)}">${label}</a>`;
    return `<span class="wikilink wikilink-missing" title="${escape(`No lesson called “${lessonTitle}” in this course`)}">${label}</span>`;
  };

  const embed: RendererRule = (tokens, idx, _options, renderEnv) => {
    const env = renderEnv as RenderEnv;
    const { target, alias } = tokens[idx]!.meta as { target: string; alias: string };
    const size = SIZE.exec(alias);
    return renderEmbed(env.context, target.split('#')[0]!.trim(), size ? '' : alias, size?.[1], size?.[2]);
  };

  const hashtag: RendererRule = (tokens, idx, _options, renderEnv) => {
    const env = renderEnv as RenderEnv;
    const { tag } = tokens[idx]!.meta as { tag: string };
    env.tags.add(tag);
    return `<span class="tag" data-tag="${escape(tag)}">#${escape(tag)}</span>`;
  };

  // ![alt](file.png): a bare file name refers to a course upload, like an embed does.
  const defaultImage = md.renderer.rules.image!;
  const image: RendererRule = (tokens, idx, options, renderEnv, self) => {
    const env = renderEnv as RenderEnv;
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    if (src && !/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(src)) {
      const alt = token.children ? self.renderInlineAsText(token.children, options, env) : token.content;
      return renderEmbed(env.context, decodeURIComponentSafe(src), String(alt), undefined, undefined);
    }
    return defaultImage(tokens, idx, options, env, self);
  };
  Object.assign(md.renderer.rules, { wikilink, obsidian_embed: embed, hashtag, image });

  function renderEmbed(context: RenderContext, target: string, alt: string, width: string | undefined, height: string | undefined): string {
    const name = baseName(target);
    const upload = findUpload(context, name);
    if (!upload) return `<span class="embed-missing" data-file="${escape(name)}">Missing file: ${escape(name)}</span>`;
    const src = `/api/uploads/${encodeURIComponent(upload.id)}/${encodeURIComponent(upload.fileName)}`;
    const sizeAttrs = `${width ? ` width="${width}"` : ''}${height ? ` height="${height}"` : ''}`;
    if (upload.contentType.startsWith('video/')) return `<video class="embed" src="${src}" controls preload="metadata"${sizeAttrs}></video>`;
    return `<img class="embed" src="${src}" alt="${escape(alt || upload.fileName)}"${sizeAttrs} loading="lazy">`;
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
