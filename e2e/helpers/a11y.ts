import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Waits (up to 2 s) for the page's finite CSS transitions and animations to end: a colour caught
 * halfway through a hover or fade-in is not one a person reads, and axe would measure it.
 * Endless ones (spinners) are not waited for.
 */
export async function settleMotion(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 2000, polling: 50 },
    )
    .catch(() => undefined);
}

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing
 * each rule with the elements it found, so the failure says what to fix.
 */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  await settleMotion(page);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => violation.impact && BLOCKING.has(violation.impact));
  const report = blocking.map(
    (violation) => `${violation.impact} ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n')}`,
  );
  expect(report, `axe found serious or critical problems on ${where}`).toEqual([]);
}
