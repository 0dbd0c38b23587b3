import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';

// Only what a bar chart needs; this file is its own lazy chunk (chart.js is large).
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export type ReportBar = { label: string; count: number; tone: 'pre' | 'live' | 'post' };

/**
 * One bar per phase figure, against the class size, each labelled with its words and count
 * (colour is never the only signal). Hidden from assistive tech: the table beside it has the numbers.
 */
export default function ReportChart({ bars, students }: { bars: ReportBar[]; students: number }) {
  const colors = useMemo(
    () => ({
      pre: cssColor('--color-primary', '#4f46e5'),
      live: cssColor('--color-accent', '#0f766e'),
      post: cssColor('--color-warm', '#b54708'),
      text: cssColor('--color-text-muted', '#545b69'),
      grid: cssColor('--color-border', '#e2e5ea'),
    }),
    [],
  );
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
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
          animation: reduceMotion ? false : { duration: 250 },
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
