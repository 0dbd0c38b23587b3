import { describe, expect, it } from 'vitest';
import { demoteHeadings } from './step-html.ts';

describe('demoteHeadings', () => {
  it('moves every heading under the step title, keeping attributes', () => {
    expect(demoteHeadings('<h1 id="a">A</h1><p>x</p><h2>B</h2><h5>C</h5>', 2)).toBe('<h3 id="a">A</h3><p>x</p><h4>B</h4><h6>C</h6>');
  });
  it('leaves other tags alone', () => {
    expect(demoteHeadings('<header><hr><p>h1</p></header>', 2)).toBe('<header><hr><p>h1</p></header>');
  });
});
