import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TandemApp } from '../app.ts';
import { renderMarkdown } from '../modules/markdown/render.ts';
import { createTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { testConfig } from '../testing/test-app.ts';

/**
 * Defence in depth, each layer on its own in a real Chromium:
 * 1. the Markdown renderer's sanitiser, with no CSP to help it, against a corpus of known
 *    vectors (scripts, handlers, javascript:/data: URLs, SVG/MathML, mutation XSS, entity tricks);
 * 2. the Content-Security-Policy, with no sanitiser to help it: an inline script in a page the
 *    server sends does not run.
 * The app's own pages with payloads in every text field are covered by e2e/xss.spec.ts.
 */

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Each payload calls pwn(n) if it ever runs. */
const PAYLOADS = [
  `<script>pwn(1)</script>`,
  `<img src=x onerror=pwn(2)>`,
  `<img src=x onerror="pwn(3)"/>`,
  `<svg onload=pwn(4)>`,
  `<svg><script>pwn(5)</script></svg>`,
  `<svg><a xlink:href="javascript:pwn(6)"><text y="20">x</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=pwn(7)>`,
  `<iframe src="javascript:pwn(8)"></iframe>`,
  `<iframe srcdoc="<script>parent.pwn(9)</script>"></iframe>`,
  `<object data="javascript:pwn(10)"></object>`,
  `<embed src="javascript:pwn(11)">`,
  `<a href="javascript:pwn(12)">a</a>`,
  `<a href="JaVaScRiPt:pwn(13)">a</a>`,
  `<a href="jav&#x09;ascript:pwn(14)">a</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;pwn(15)">a</a>`,
  `<a href=" javascript:pwn(16)">a</a>`,
  `<a href="data:text/html,<script>pwn(17)</script>">a</a>`,
  `[md link](javascript:pwn(18))`,
  `[md link](JAVASCRIPT:pwn(19))`,
  `[md entity](&#x6A;avascript:pwn(20))`,
  `![md img](javascript:pwn(21))`,
  `<details open ontoggle=pwn(22)><summary>s</summary>d</details>`,
  `<body onload=pwn(23)>`,
  `<input autofocus onfocus=pwn(24)>`,
  `<form action="javascript:pwn(25)"><button>go</button></form>`,
  `<button formaction="javascript:pwn(26)">go</button>`,
  `<meta http-equiv="refresh" content="0;url=javascript:pwn(27)">`,
  `<base href="javascript:pwn(28)//">`,
  `<style>@import 'javascript:pwn(29)';</style>`,
  `<div style="background:url(javascript:pwn(30))">bg</div>`,
  `<noscript><p title="</noscript><img src=x onerror=pwn(31)>">`,
  `<img src="x" alt="\`\`" onerror="pwn(32)">`,
  `<video><source onerror="pwn(33)"></video>`,
  `<video src=x onerror=pwn(34)></video>`,
  `<audio src=x onerror=pwn(35)></audio>`,
  `<marquee onstart=pwn(36)>m</marquee>`,
  `<template><img src=x onerror=pwn(37)></template>`,
  `<table background="javascript:pwn(38)"><tr><td>t</td></tr></table>`,
  `<link rel=import href="data:text/html,<script>pwn(39)</script>">`,
  `<textarea><img src=x onerror=pwn(40)></textarea>`,
  `<title><img src=x onerror=pwn(41)></title>`,
  `<!--><img src=x onerror=pwn(42)>-->`,
  `<img src=x onerror=pwn(43)//`,
  `<<script>pwn(44)//<</script>`,
  `- [ ] task <img src=x onerror=pwn(45)>`,
  `[[Wiki <img src=x onerror=pwn(46)>]]`,
  `![[x.png" onerror="pwn(47)]]`,
  `#tag<img/src=x/onerror=pwn(48)>`,
  `==mark <img src=x onerror=pwn(49)>==`,
  `<a href="https://example.org" onclick="pwn(50)">click me</a>`,
  `<span data-file="x" onmouseover="pwn(51)">hover</span>`,
  `<input type="checkbox" onchange="pwn(52)">`,
  '```html\n<script>pwn(53)</script>\n```',
  '<a href="vbscript:pwn(54)">v</a>',
  '<img src="data:image/svg+xml,<svg onload=pwn(55)>">',
];

describe('XSS in a real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('runs no payload the sanitiser lets through — reading pages and discussion posts alike, with no CSP to help', async () => {
    const context = { lessons: [{ id: 'l1', title: 'Wiki' }], uploads: [{ id: 'u1', fileName: 'x.png', contentType: 'image/png' }] };
    const rendered = PAYLOADS.flatMap((payload) => [
      renderMarkdown(`# Note\n\n${payload}\n\ntext after`, context).html,
      renderMarkdown(payload, context, { frontMatter: false }).html,
    ]);
    const page = await browser.newPage();
    try {
      const fired: string[] = [];
      await page.exposeFunction('pwn', (n: number) => void fired.push(`payload ${n} ran`));
      page.on('dialog', (d) => {
        fired.push(`dialog ${d.message()}`);
        void d.dismiss();
      });
      // Stay offline: any request the rendered HTML makes is answered empty.
      await page.route('**/*', (route) => route.fulfill({ status: 204, body: '' }));
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body><main>${rendered.map((h) => `<div class="prose">${h}</div>`).join('\n')}</main></body></html>`);
      // Give loads, errors and toggles their chance, then poke every element and every link.
      await page.waitForTimeout(300);
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('main *')) {
          for (const type of ['mouseover', 'focus', 'click', 'change', 'toggle', 'load', 'error']) el.dispatchEvent(new Event(type));
        }
      });
      for (const link of await page.locator('main a[href]').all()) await link.click({ modifiers: ['Alt'], timeout: 1000 }).catch(() => undefined);
      await page.waitForTimeout(200);
      expect(fired).toEqual([]);
      // And nothing in the DOM that could run later.
      const dangerous = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of document.querySelectorAll('main *')) {
          const tag = el.tagName.toLowerCase();
          if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form', 'button', 'textarea', 'template', 'source', 'audio', 'marquee'].includes(tag)) found.push(tag);
          for (const name of el.getAttributeNames()) {
            const value = (el.getAttribute(name) ?? '').replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (name.startsWith('on') || name === 'style' && !/^text-align:(left|right|center);?$/.test(value) || name === 'srcdoc' || name === 'formaction') found.push(`${tag} ${name}`);
            if (/^(javascript|vbscript|data):/.test(value) && name !== 'alt' && name !== 'title') found.push(`${tag} ${name}=${value.slice(0, 40)}`);
          }
        }
        return found;
      });
      expect(dangerous).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  describe('the Content-Security-Policy alone', () => {
    let app: TandemApp;
    let database: TestDatabase;
    let web: string;
    beforeAll(async () => {
      // A page the server sends as its own, with everything the policy must stop.
      web = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-csp-'));
      fs.mkdirSync(path.join(web, 'assets'));
      fs.writeFileSync(path.join(web, 'assets', 'ok.js'), 'window.ownScript = true;');
      fs.writeFileSync(
        path.join(web, 'index.html'),
        `<!doctype html><html><head><script src="/assets/ok.js"></script><script>window.inline = true</script></head>
        <body><img src="x.png" onerror="window.handler = true"><a id="js" href="javascript:window.jsLink = true">x</a>
        <iframe src="https://evil.example/"></iframe><img id="ext" src="https://tracker.example/pixel.png"></body></html>`,
      );
      database = await createTestDatabase('sqlite');
      app = await buildApp(testConfig({ webDistDir: web }), { database, serveWeb: true, logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await app?.close();
      await database?.drop();
      fs.rmSync(web, { recursive: true, force: true });
    });

    it('runs the app’s own script file and nothing inline; frames and images from elsewhere are refused', async () => {
      const page = await browser.newPage();
      try {
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        const outside: string[] = [];
        await page.route(/evil\.example|tracker\.example/, (route) => {
          outside.push(route.request().url());
          return route.fulfill({ status: 200, body: '' });
        });
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.locator('#js').click();
        await page.waitForTimeout(300);
        const state = await page.evaluate(() => {
          const w = window as unknown as Record<string, unknown>;
          return { own: w.ownScript ?? false, inline: w.inline ?? false, handler: w.handler ?? false, jsLink: w.jsLink ?? false };
        });
        expect(state).toEqual({ own: true, inline: false, handler: false, jsLink: false });
        expect(outside).toEqual([]);
        expect(violations.length).toBeGreaterThanOrEqual(3);
      } finally {
        await page.close();
      }
    }, 60_000);
  });
});
