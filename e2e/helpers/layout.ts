import { expect, type Page } from '@playwright/test';

/** Nothing wider than the screen: on a phone, sideways scrolling hides half of every line. */
export async function expectNoHorizontalScroll(page: Page, where = page.url()): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport on ${where}`).toBeLessThanOrEqual(clientWidth);
}

/**
 * Every visible control is at least 44px tall and wide enough to hit with a thumb
 * (links inside running text are exempt, as WCAG 2.5.8 allows).
 */
export async function expectTouchTargets(page: Page, where = page.url()): Promise<void> {
  const small = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('button, input, select, textarea, a.btn, .site-nav-link, .back-link, .wordmark');
    return [...controls]
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
      .filter((element) => !element.closest('.visually-hidden'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ element, box }) => `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.trim() ?? ''}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
  expect(small, `controls smaller than 44px on ${where}`).toEqual([]);
}
