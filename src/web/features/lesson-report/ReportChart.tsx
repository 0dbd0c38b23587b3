import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { useEffect, useMemo, useState } from 'react';
import { Bar } from 'react-chartjs-2';

// Only what a bar chart needs; this file is its own lazy chunk (chart.js is large).
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Follows the system's light/dark choice, so the bars and grid change with the page's tokens. */
function useColorScheme(): 'light' | 'dark' {
  const query = '(prefers-color-scheme: dark)';
  const [scheme, setScheme] = useState<'light' | 'dark'>(() => (window.matchMedia(query).matches ? 'dark' : 'light'));
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setScheme(media.matches ? 'dark' : 'light');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return scheme;
}

export type ReportBar = { label: string; count: number; tone: 'pre' | 'live' | 'post' };

/**
 * One bar per phase figure, against the class size, each labelled with its words and count
 * (colour is never the only signal). Hidden from assistive tech: the table beside it has the numbers.
 */
export default function ReportChart({ bars, students }: { bars: ReportBar[]; students: number }) {
  const scheme = useColorScheme();
  const colors = useMemo(
    () => ({
      pre: cssColor('--color-primary', '#4f46e5'),
      live: cssColor('--color-accent', '#0f766e'),
      post: cssColor('--color-warm', '#b54708'),
      text: cssColor('--color-text-muted', '#545b69'),
      grid: cssColor('--color-border', '#e2e5ea'),
    }),
    // Recomputed when the scheme changes: the tokens have new values then.
    [scheme],
  );
  return (
    <div className="report-chart" aria-hidden="true">
      <Bar
        data={{
          labels: bars.map((b) => `${b.label} (${b.count})`),
          datasets: [{ data: bars.map((b) => b.count), backgroundColor: bars.map((b) => colors[b.tone]), borderRadius: 6, maxBarThickness: 36 }],
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          // Drawn at once: a report is read, not watched (and a background tab draws it too).
          animation: false,
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
          scales: {
            x: { beginAtZero: true, max: Math.max(1, students), ticks: { precision: 0, color: colors.text }, grid: { color: colors.grid } },
            y: { ticks: { color: colors.text }, grid: { display: false } },
          },
        }}
      />
    </div>
  );
}
