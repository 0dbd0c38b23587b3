import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';

// Only what a bar chart needs; this file is its own lazy chunk (chart.js is large).
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * Bars labelled with their words and counts (colour is never the only signal). Hidden from
 * assistive tech: the table beside it carries the same numbers.
 */
export default function ReadinessChart({ bars }: { bars: { label: string; count: number; tone: 'success' | 'warning' | 'danger' | 'primary' }[] }) {
  const colors = useMemo(
    () => ({
      success: cssColor('--color-success', '#067647'),
      warning: cssColor('--color-warning', '#b54708'),
      danger: cssColor('--color-danger', '#b42318'),
      primary: cssColor('--color-primary', '#4f46e5'),
      text: cssColor('--color-text-muted', '#545b69'),
      grid: cssColor('--color-border', '#e2e5ea'),
    }),
    [],
  );
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return (
    <div className="readiness-chart" aria-hidden="true">
      <Bar
        data={{
          labels: bars.map((b) => `${b.label} (${b.count})`),
          datasets: [{ data: bars.map((b) => b.count), backgroundColor: bars.map((b) => colors[b.tone]), borderRadius: 6, maxBarThickness: 48 }],
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          animation: reduceMotion ? false : { duration: 250 },
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
          scales: {
            x: { beginAtZero: true, ticks: { precision: 0, color: colors.text }, grid: { color: colors.grid } },
            y: { ticks: { color: colors.text }, grid: { display: false } },
          },
        }}
      />
    </div>
  );
}
