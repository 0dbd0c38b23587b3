import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/errors.ts';
import { renderMarkdown, type RenderContext } from './render.ts';

const context: RenderContext = {
  lessons: [
    { id: 'lesson-cells', title: 'Cell structure' },
    { id: 'lesson-light', title: 'Light & energy' },
  ],
  uploads: [
    { id: 'up-leaf', fileName: 'leaf.png', contentType: 'image/png' },
    { id: 'up-clip', fileName: 'clip.mp4', contentType: 'video/mp4' },
  ],
};
const html = (markdown: string) => renderMarkdown(markdown, context).html;

describe('Markdown rendering', () => {
  it('removes scripts, event handlers, javascript: URLs and inline SVG', () => {
    const out = html(
      [
        'Hello <script>alert("x")</script> there',
        '',
        '<img src="leaf.png" onerror="alert(1)"> <a href="javascript:alert(2)" onclick="steal()">click</a>',
        '',
        '<svg onload="alert(3)"><script>alert(4)</script><circle r="5"/></svg>',
        '',
        '[md link](javascript:alert(5)) <iframe src="https://evil.example"></iframe> <div style="position:fixed" id="x">box</div>',
        '',
        '<a href="JaVaScRiPt:alert(6)">caps</a> <img src="data:image/svg+xml;base64,AAAA">',
      ].join('\n'),
    );
    expect(out).not.toMatch(/<script/i);
    for (const gone of ['alert("x")', 'alert(1)', 'alert(2)', 'alert(3)', 'alert(4)', 'alert(6)', 'steal()']) expect(out).not.toContain(gone);
    // A javascript: Markdown link is not linked at all: it stays visible as plain text.
    expect(out).toContain('[md link](javascript:alert(5))');
    expect(out).not.toMatch(/\son\w+=/i);
    expect(out).not.toMatch(/href="\s*javascript:/i);
    expect(out).not.toMatch(/src="\s*(javascript|data):/i);
    expect(out).not.toMatch(/<svg|<circle|<iframe|<div|style="position/i);
    expect(out).not.toMatch(/\sid=/);
    expect(out).toContain('Hello');
    expect(out).toContain('<a>click</a>');
  });

  it('keeps GFM tables, highlights and only the classes it emits', () => {
    const out = html('==key idea== and ~~old~~\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n<span class="evil tag">x</span>');
    expect(out).toContain('<mark>key idea</mark>');
    expect(out).toContain('<s>old</s>');
    expect(out).toContain('<th style="text-align:left">a</th>');
    expect(out).toContain('<td style="text-align:right">2</td>');
    expect(out).toContain('<span class="tag">x</span>');
    expect(out).not.toContain('evil');
  });

  it('gives task checkboxes stable indices and collects their texts', () => {
    const rendered = renderMarkdown('- [ ] Read chapter 3\n- [x] Watch the video\n\nText\n\n1. [ ] Bring a question', context);
    expect(rendered.tasks).toEqual([
      { index: 0, text: 'Read chapter 3', checkedInSource: false },
      { index: 1, text: 'Watch the video', checkedInSource: true },
      { index: 2, text: 'Bring a question', checkedInSource: false },
    ]);
    expect(rendered.html).toContain('<input type="checkbox" class="task-list-item-checkbox" data-task-index="0" />');
    expect(rendered.html).toContain('data-task-index="1" checked');
    expect(rendered.html).toContain('data-task-index="2"');
    expect(rendered.html).toContain('<li class="task-list-item">');
  });

  it('links [[wiki links]] to lessons of the course and marks unknown ones missing', () => {
    const out = html('See [[cell structure]], [[Light & energy|the light lesson]] and [[Nowhere]].');
    expect(out).toContain('<a class="wikilink" href="/lessons/lesson-cells">cell structure</a>');
    expect(out).toContain('<a class="wikilink" href="/lessons/lesson-light">the light lesson</a>');
    expect(out).toMatch(/<span class="wikilink wikilink-missing"[^>]*>Nowhere<\/span>/);
  });

  it('embeds uploads by file name with the width, and shows a placeholder for missing files', () => {
    const out = html('![[leaf.png|700]]\n\n![[attachments/leaf.png|320x200]]\n\n![[clip.mp4]]\n\n![[diagram.png|500]]\n\n![a leaf](leaf.png) ![gone](gone.jpg)');
    expect(out).toContain('<img class="embed" src="/api/uploads/up-leaf/leaf.png" alt="leaf.png" width="700" loading="lazy" />');
    expect(out).toContain('width="320" height="200"');
    expect(out).toContain('<video class="embed" src="/api/uploads/up-clip/clip.mp4" controls preload="metadata"></video>');
    expect(out).toContain('<span class="embed-missing" data-file="diagram.png">Missing file: diagram.png</span>');
    expect(out).toContain('alt="a leaf"');
    expect(out).toContain('data-file="gone.jpg"');
    expect(out).not.toContain('src="diagram.png"');
  });

  it('renders #tags as chips and collects them with the front matter tags; numbers are not tags', () => {
    const rendered = renderMarkdown('---\ntags: [biology, "#plants"]\n---\nAbout #chlorophyll and #light/visible, issue #42, and a [link](https://x.org/#anchor).', context);
    expect(rendered.tags).toEqual(['biology', 'plants', 'chlorophyll', 'light/visible']);
    expect(rendered.html).toContain('<span class="tag" data-tag="chlorophyll">#chlorophyll</span>');
    expect(rendered.html).toContain('issue #42');
    expect(rendered.html).toContain('href="https://x.org/#anchor"');
  });

  it('parses YAML front matter, strips it from the body, and refuses malformed YAML with a 400', () => {
    const rendered = renderMarkdown('---\ntitle: Photosynthesis\naliases: [light]\n---\n# Heading\n\nBody', context);
    expect(rendered.frontMatter).toEqual({ title: 'Photosynthesis', aliases: ['light'] });
    expect(rendered.title).toBe('Photosynthesis');
    expect(rendered.html).not.toContain('aliases');
    expect(renderMarkdown('# The *first* heading\n\ntext', context).title).toBe('The *first* heading');
    let error: unknown;
    try {
      renderMarkdown('---\ntitle: [unclosed\n---\nbody', context);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).statusCode).toBe(400);
    expect((error as ApiError).code).toBe('invalid_front_matter');
  });

  it('adds rel=noopener to external links', () => {
    expect(html('[site](https://example.org)')).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">site</a>');
  });
});
