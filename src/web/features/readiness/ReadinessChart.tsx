import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useChartColors, useReducedMotion } from '../../components/charts/chart-theme.ts';

// Only what a bar chart needs; this file is its own lazy chunk (chart.js is large).
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const TOKENS = {
  success: ['--color-success', '#067647'],
  warning: ['--color-warning', '#b54708'],
  danger: ['--color-danger', '#b42318'],
  primary: ['--color-primary', '#4f46e5'],
  text: ['--color-text-muted', '#545b69'],
  grid: ['--color-border', '#e2e5ea'],
} as const;

/**
 * Bars labelled with their words and counts (colour is never the only signal). Hidden from
 * assistive tech: the table beside it carries the same numbers.
 */
export default function ReadinessChart({ bars }: { bars: { label: string; count: number; tone: 'success' | 'warning' | 'danger' | 'primary' }[] }) {
  const colors = useChartColors(TOKENS);
  const reduceMotion = useReducedMotion();
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
