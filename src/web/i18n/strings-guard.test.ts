import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a user reads comes from the locale files (en.json / fr.json), so French readers
 * never meet English. This fails when a .tsx file under src/web puts words on screen directly:
 * JSX text, a string in {…} as a child, or a string in an attribute people read or hear
 * (aria-label, title, placeholder, alt…). Text from t(…) or data passes. Symbols (·, —, ☑)
 * carry no language and pass too.
 */

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Read or heard by people: an attribute with words in it must come from t(…). */
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

/** Words that are the same in every language. Keep this short. */
const ALLOWED = new Set([
  // The product's name.
  'Tandem',
  // Other products' names, as their makers write them.
  'Google Calendar',
  'Outlook',
  'Apple Calendar',
  // A time standard's name, written so in French too.
  'UTC',
]);

/** Words (HTML entities such as &nbsp; are set aside first), but not example addresses (https://…). */
const hasWords = (text: string) => !/^https?:\/\//.test(text) && /\p{L}{2,}/u.test(text);

type Finding = { file: string; line: number; text: string };

/** The strings an expression evaluates to directly (not those handed to a function such as t). */
function literalsOf(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((span) => span.literal)];
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(node.operatorToken.kind)) {
    return [...(node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? [] : literalsOf(node.left)), ...literalsOf(node.right)];
  }
  return [];
}

function textOf(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text;
  if (ts.isJsxText(node)) return node.text;
  return '';
}

export function findHardCodedText(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const report = (node: ts.Node) => {
    const text = textOf(node).replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ').replace(/\s+/g, ' ').trim();
    if (!hasWords(text) || ALLOWED.has(text)) return;
    found.push({ file: fileName, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of literalsOf(node.expression)) report(literal);
    } else if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node.initializer);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) for (const literal of literalsOf(node.initializer.expression)) report(literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

describe('user-facing text', () => {
  it('never bypasses i18n in the web app', () => {
    const findings = tsxFiles(WEB).flatMap((file) => findHardCodedText(path.relative(WEB, file), fs.readFileSync(file, 'utf8')));
    expect(findings.map((finding) => `${finding.file}:${finding.line} "${finding.text}"`), 'use t(…) and add the words to en.json and fr.json').toEqual([]);
  });

  it('catches each way words can slip through', () => {
    const source = `
      export function Page({ done }: { done: boolean }) {
        return (
          <section aria-label="Your work" title={done ? 'Finished' : t('x')}>
            <h1>Hello there</h1>
            {done ? 'All done' : null}
            <img alt={\`Picture of \${name}\`} src="/a.png" className="wide words-are-fine-here" />
            <p>{t('ok')} · {count} — ☑</p>
            <p>Tandem&nbsp;</p>
            <input placeholder={t('search')} />
          </section>
        );
      }`;
    expect(findHardCodedText('x.tsx', source).map((finding) => finding.text)).toEqual(['Your work', 'Finished', 'Hello there', 'All done', 'Picture of']);
  });
});
