/**
 * A reading page's headings, moved down under the step's own heading (h2 or h3): a note's
 * "# Title" must not become a second h1 in the live room. Only tag names change; the HTML was
 * sanitised by the server.
 */
export function demoteHeadings(html: string, below: 2 | 3): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + below)}`);
}
