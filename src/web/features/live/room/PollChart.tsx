import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useChartColors, useReducedMotion } from '../../../components/charts/chart-theme.ts';

// Only what a bar chart needs: chart.js is large, and this file loads only when a poll is shown.
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const TOKENS = {
  bar: ['--color-primary', '#4f46e5'],
  right: ['--color-success', '#067647'],
  text: ['--color-text-muted', '#545b69'],
  grid: ['--color-border', '#e2e5ea'],
} as const;

/**
 * The bar chart of a poll's answers. It is decorative for assistive tech: the table next to it
 * carries the same numbers (see PollResults).
 */
export default function PollChart({ choices, counts, correct }: { choices: string[]; counts: number[]; correct: number[] | null }) {
  const colors = useChartColors(TOKENS);
  const reduceMotion = useReducedMotion();
  return (
    <div className="poll-chart" aria-hidden="true">
      <Bar
        data={{
          labels: choices.map((c) => (c.length > 28 ? `${c.slice(0, 27)}…` : c)),
          datasets: [
            {
              data: choices.map((_, i) => counts[i] ?? 0),
              backgroundColor: choices.map((_, i) => (correct?.includes(i) ? colors.right : colors.bar)),
              borderRadius: 6,
              maxBarThickness: 56,
            },
          ],
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
