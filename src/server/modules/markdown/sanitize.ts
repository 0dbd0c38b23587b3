import sanitizeHtml from 'sanitize-html';

/**
 * The last line of defence for rendered Markdown: only the tags, attributes and classes the
 * renderer itself emits survive. No scripts, no event handlers, no javascript: or data: URLs,
 * no SVG/MathML (dropped with their content), no ids or inline styles beyond table alignment.
 */
const ALIGN = { 'text-align': [/^(left|right|center)$/] };

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's',
    'mark', 'sup', 'sub', 'kbd', 'ul', 'ol', 'li', 'a', 'img', 'video', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    'input', 'span', 'details', 'summary',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    video: ['src', 'controls', 'preload', 'width'],
    input: ['type', 'checked', 'data-task-index'],
    span: ['data-file', 'data-tag', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
  },
  allowedClasses: {
    code: ['language-*'],
    ul: ['contains-task-list'],
    ol: ['contains-task-list'],
    li: ['task-list-item'],
    input: ['task-list-item-checkbox'],
    a: ['wikilink', 'tag'],
    span: ['wikilink', 'wikilink-missing', 'embed-missing', 'tag'],
    img: ['embed'],
    video: ['embed'],
  },
  allowedStyles: { th: ALIGN, td: ALIGN },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], video: ['http', 'https'] },
  allowProtocolRelative: false,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'template', 'title', 'select'],
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^(https?:|mailto:)/i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } : attribs };
    },
  },
};

export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
