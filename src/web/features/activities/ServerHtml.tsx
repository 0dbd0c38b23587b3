import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

/**
 * HTML rendered from Markdown by the server and sanitised there (src/server/modules/markdown/
 * sanitize.ts: no scripts, handlers, javascript: URLs or SVG). This is the only place the app
 * inserts HTML; anything a person typed elsewhere is rendered as text.
 */
export const ServerHtml = forwardRef<HTMLDivElement | null, { html: string; className?: string }>(function ServerHtml({ html, className }, forwarded) {
  const ref = useRef<HTMLDivElement>(null);
  useImperativeHandle(forwarded, () => ref.current as HTMLDivElement, []);
  // An image written as raw HTML may lack a text alternative; mark it decorative rather than
  // let screen readers spell out its address.
  useEffect(() => {
    for (const image of ref.current?.querySelectorAll('img:not([alt])') ?? []) image.setAttribute('alt', '');
  }, [html]);
  return <div ref={ref} className={['prose', className ?? ''].filter(Boolean).join(' ')} dangerouslySetInnerHTML={{ __html: html }} />;
});
