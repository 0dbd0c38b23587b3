import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { PageView } from '../../../shared/schemas/activities.ts';
import { usePageHtmlFixes } from './doing/use-page-html.ts';
import { ServerHtml } from './ServerHtml.tsx';

/**
 * A page's server HTML with its reader-specific touches (labelled task boxes, translated
 * placeholders). `readOnly` for previews: the task boxes show but do not tick.
 */
export const PageHtml = forwardRef<HTMLDivElement | null, { content: Pick<PageView, 'html' | 'tasks'>; readOnly?: boolean }>(function PageHtml({ content, readOnly = false }, forwarded) {
  const ref = useRef<HTMLDivElement>(null);
  useImperativeHandle(forwarded, () => ref.current as HTMLDivElement, []);
  usePageHtmlFixes(ref, content);
  useEffect(() => {
    if (!readOnly || !ref.current) return;
    for (const box of ref.current.querySelectorAll<HTMLInputElement>('input[data-task-index]')) box.disabled = true;
  }, [readOnly, content.html]);
  return <ServerHtml ref={ref} html={content.html} className="page-body" />;
});
