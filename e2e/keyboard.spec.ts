import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson, PASSWORD } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { learningApi } from './helpers/learning.ts';

/**
 * Everything with the keyboard alone: no click, no tap. Tab (and Shift+Tab) to move, Enter to
 * follow and press, Space to tick, arrows within a radio group. Each step also checks that the
 * focused control is visible on screen (a visible focus is of little use when scrolled away).
 */
test.use({ reducedMotion: 'reduce' });

/** Presses Tab until `target` has the focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) {
      await expect(target).toBeInViewport();
      // A visible focus indicator: an outline or a box shadow on the focused control.
      // On the control, its ::after (stretched links), or a card around it (:focus-within).
      const ring = await target.evaluate((element) => {
        const drawn = (style: CSSStyleDeclaration) => (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
        if (drawn(getComputedStyle(element)) || drawn(getComputedStyle(element, '::after'))) return true;
        let parent = element.parentElement;
        for (let depth = 0; parent && depth < 4; depth++, parent = parent.parentElement) if (drawn(getComputedStyle(parent))) return true;
        return false;
      });
      expect(ring, 'the focused control shows where the focus is').toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('sign in, open a course and a lesson, tick a checklist and submit a quiz with the keyboard alone', async ({ page, browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const teacherContext = await browser.newContext();
  await apiAs(teacherContext.request, baseURL!).signUp(newPerson('teacher'));
  const api = learningApi(teacherContext.request, baseURL!);
  const courseTitle = `Keyboard biology ${stamp}`;
  const { course } = await api.post<{ course: { id: string; joinCode: string } }>('/api/courses', { title: courseTitle, description: '' });
  const lessonTitle = `Cells by keyboard ${stamp}`;
  const { lesson } = await api.post<{ lesson: { id: string } }>(`/api/courses/${course.id}/lessons`, { title: lessonTitle });
  const dueAt = new Date(Date.now() + 86_400_000).toISOString();
  await api.post(`/api/lessons/${lesson.id}/activities`, { phase: 'pre', type: 'checklist', title: 'Get ready', estimatedMinutes: 2, dueAt, content: { items: ['Read chapter 2', 'Bring a pencil'] } });
  await api.post(`/api/lessons/${lesson.id}/activities`, {
    phase: 'pre',
    type: 'quiz',
    title: 'Quick quiz',
    estimatedMinutes: 3,
    dueAt,
    content: { attemptsAllowed: 1, showAnswersAfterSubmit: true, items: [{ kind: 'single', prompt: 'Which organelle makes energy?', choices: ['Nucleus', 'Mitochondrion', 'Ribosome'], answer: 1 }, { kind: 'numeric', prompt: 'How many legs has an insect?', answer: { value: 6 } }] },
  });
  await teacherContext.close();

  const person = newPerson('student');
  const setup = await browser.newContext();
  const student = apiAs(setup.request, baseURL!);
  await student.signUp(person);
  await student.join(course.joinCode);
  await setup.close();

  // Sign in.
  await page.goto('/signin');
  await tabTo(page, page.getByLabel(t('en', 'fields.email')));
  await page.keyboard.type(person.email);
  await tabTo(page, page.getByLabel(t('en', 'fields.password'), { exact: true }));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/signin/);

  // Open the course, from the header's navigation.
  await tabTo(page, page.getByRole('navigation', { name: t('en', 'nav.main') }).getByRole('link', { name: t('en', 'nav.courses') }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'courses.title') })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: new RegExp(courseTitle) }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();

  // Open the lesson.
  await tabTo(page, page.getByRole('link', { name: new RegExp(lessonTitle) }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
  await expectAccessible(page, 'lesson, by keyboard');

  // The checklist: Space ticks each item.
  await tabTo(page, page.getByRole('link', { name: /Get ready/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Get ready' })).toBeVisible();
  for (const item of ['Read chapter 2', 'Bring a pencil']) {
    await tabTo(page, page.getByRole('checkbox', { name: item }));
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: item })).toBeChecked();
  }
  await expect(page.getByText(t('en', 'activity.checklist.progress', { done: 2, total: 2 }))).toBeVisible();
  await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', 'saved');

  // On to the quiz with the pager's "next" link.
  await tabTo(page, page.getByRole('navigation', { name: t('en', 'activity.pager.label') }).getByRole('link', { name: /Quick quiz/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Quick quiz' })).toBeVisible();

  // A radio group: Tab enters it, the arrow keys choose.
  await tabTo(page, page.getByRole('radio', { name: 'Nucleus' }));
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Mitochondrion' })).toBeChecked();
  await tabTo(page, page.getByLabel(t('en', 'activity.quiz.numberLabel')));
  await page.keyboard.type('6');
  await tabTo(page, page.getByRole('button', { name: t('en', 'activity.quiz.submit') }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(t('en', 'activity.quiz.score', { score: 2, max: 2 }))).toBeVisible();
  await expectAccessible(page, 'quiz results, by keyboard');
});

test('the header menus close on Escape (focus back on their button), on a press elsewhere, on tabbing out and on a new page', async ({ page, baseURL }) => {
  await apiAs(page.request, baseURL!).signUp(newPerson('student'));
  await page.goto('/work');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'work.title') })).toBeVisible();
  const menuButton = page.getByRole('button', { name: new RegExp(t('en', 'nav.accountMenu')) });
  const accountLink = page.getByRole('link', { name: t('en', 'nav.account') });

  // Escape: closed, and the focus is back where the keyboard user left it.
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(accountLink).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(accountLink).toBeHidden();
  await expect(menuButton).toBeFocused();

  // A press elsewhere on the page.
  const bell = page.getByRole('button', { name: t('en', 'notifications.label', { count: 0 }) });
  await bell.click();
  await expect(bell).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('heading', { level: 1 }).click();
  await expect(bell).toHaveAttribute('aria-expanded', 'false');

  // Tabbing past the last item of the menu.
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: t('en', 'nav.signOut') }));
  await page.keyboard.press('Tab');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  // Following a link in it: the next page starts with it closed.
  await menuButton.click();
  await accountLink.click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
});
