import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageView } from '../../../../shared/schemas/activities.ts';

const demoted = new WeakMap<HTMLElement, string>();

/** A note's own headings sit under the page's title (its h1): h1 → h2, h2 → h3, and so on. */
function demoteHeadings(root: HTMLElement): void {
  for (const heading of root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5')) {
    const level = Number(heading.tagName.slice(1));
    const lower = document.createElement(`h${level + 1}`);
    lower.append(...heading.childNodes);
    heading.replaceWith(lower);
  }
}

/**
 * Finishing touches on the server's page HTML that depend on where and for whom it is shown:
 * headings move one level down, task checkboxes get their item's text as a label (the HTML
 * puts the text beside them, not in a <label>), and the server's English placeholders for
 * missing files and lessons speak the reader's language.
 */
export function usePageHtmlFixes(ref: RefObject<HTMLElement | null>, content: Pick<PageView, 'html' | 'tasks'>): void {
  const { t } = useTranslation();
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    // Once per HTML: React replaces the children when the HTML changes, and only then.
    if (demoted.get(root) !== content.html) {
      demoteHeadings(root);
      demoted.set(root, content.html);
    }
    for (const box of root.querySelectorAll<HTMLInputElement>('input[data-task-index]')) {
      const task = content.tasks.find((item) => item.index === Number(box.dataset.taskIndex));
      box.setAttribute('aria-label', task?.text || t('activity.page.task'));
    }
    for (const missing of root.querySelectorAll<HTMLElement>('.embed-missing')) {
      missing.textContent = t('activity.page.missingFile', { name: missing.dataset.file ?? '' });
    }
    for (const link of root.querySelectorAll<HTMLElement>('.wikilink-missing')) {
      link.title = t('activity.page.missingLesson');
    }
  }, [ref, content.html, content.tasks, t]);
}
