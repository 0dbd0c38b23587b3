import markdownIt, { type MarkdownIt } from 'markdown-it';
import markdownItMark from 'markdown-it-mark';
import markdownItTaskLists from 'markdown-it-task-lists';
import { frontMatterTags, frontMatterTitle, splitFrontMatter } from './front-matter.ts';
import { sanitizeRenderedHtml } from './sanitize.ts';
import { installObsidianSyntax, type RenderEnv } from './obsidian-syntax.ts';

/** What Markdown may link to: the course's lessons (wiki links) and uploads (embeds). */
export type RenderContext = {
  lessons: { id: string; title: string }[];
  uploads: { id: string; fileName: string; contentType: string }[];
};

export type RenderedTask = { index: number; text: string; checkedInSource: boolean };

export type RenderedMarkdown = {
  html: string;
  tags: string[];
  frontMatter: Record<string, unknown>;
  tasks: RenderedTask[];
  /** Front matter `title`, else the first level-1 heading. */
  title: string | undefined;
};

const TASK_CHECKBOX = /^<input class="task-list-item-checkbox"/;

function createMarkdown(): MarkdownIt {
  // Raw HTML is parsed (Obsidian notes use it) and then everything goes through sanitize-html.
  const md = markdownIt({ html: true, linkify: true, typographer: false });
  md.use(markdownItMark);
  md.use(markdownItTaskLists, { enabled: true });
  // Give each task checkbox a stable, document-order index and collect its text.
  md.core.ruler.after('github-task-lists', 'task-indices', (state) => {
    const env = state.env as RenderEnv;
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.children) continue;
      const first = token.children[0];
      if (!first || first.type !== 'html_inline' || !TASK_CHECKBOX.test(first.content)) continue;
      const index = env.tasks.length;
      const checked = first.content.includes('checked');
      first.content = `<input type="checkbox" class="task-list-item-checkbox" data-task-index="${index}"${checked ? ' checked' : ''}>`;
      env.tasks.push({ index, text: token.content.trim(), checkedInSource: checked });
    }
    const h1 = state.tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
    const heading = h1 >= 0 ? state.tokens[h1 + 1]?.content.replace(/\s+/g, ' ').trim() : undefined;
    if (heading) env.firstHeading = heading;
  });
  installObsidianSyntax(md);
  return md;
}

const md = createMarkdown();

/**
 * Renders a note to safe HTML with highlights, GFM tables, task lists (indexed), wiki links,
 * embeds and tags. `frontMatter: false` treats a leading '---' block as ordinary Markdown
 * (discussion posts). Throws a 400 ApiError on malformed front matter.
 */
export function renderMarkdown(source: string, context: RenderContext, options: { frontMatter?: boolean } = {}): RenderedMarkdown {
  const { data, body } = options.frontMatter === false ? { data: {}, body: source } : splitFrontMatter(source);
  const env: RenderEnv = { tasks: [], tags: new Set(frontMatterTags(data)), context };
  const html = sanitizeRenderedHtml(md.render(body, env));
  return {
    html,
    tags: [...env.tags],
    frontMatter: data,
    tasks: env.tasks,
    title: frontMatterTitle(data) ?? env.firstHeading,
  };
}
