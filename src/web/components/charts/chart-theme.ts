import { useEffect, useMemo, useState } from 'react';

/** Whether a media query matches, following changes (light/dark, a phone turned sideways). */
export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setMatches(media.matches);
    onChange();
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

export function useReducedMotion(): boolean {
  return useMedia('(prefers-reduced-motion: reduce)');
}

/** A chart's colours: design-token names (CSS custom properties) with a fallback each. */
export type ChartTokens = Record<string, readonly [variable: string, fallback: string]>;

function cssColor(variable: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
}

/**
 * The colours of the design tokens now, read again when the colour scheme changes (the tokens
 * take their dark values then): chart.js draws on a canvas, which CSS cannot restyle.
 * `tokens` must be a constant (defined once per chart module).
 */
export function useChartColors<T extends ChartTokens>(tokens: T): { [K in keyof T]: string } {
  const dark = useMedia('(prefers-color-scheme: dark)');
  return useMemo(
    () => Object.fromEntries(Object.entries(tokens).map(([key, [variable, fallback]]) => [key, cssColor(variable, fallback)])) as { [K in keyof T]: string },
    // `dark` is the signal that the tokens' values changed.
    [tokens, dark],
  );
}

/** The three phases in the lesson page's colours, with the axis text and grid. */
export const PHASE_TOKENS = {
  pre: ['--color-primary', '#4f46e5'],
  live: ['--color-accent', '#0f766e'],
  post: ['--color-warm', '#b54708'],
  text: ['--color-text-muted', '#545b69'],
  grid: ['--color-border', '#e2e5ea'],
} as const;
