import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { PHASE_TOKENS, useChartColors, useReducedMotion } from '../../components/charts/chart-theme.ts';

// Only what a stacked bar chart needs; this file is its own lazy chunk (chart.js is large).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

export type GuidanceChartRow = { label: string; pre: number; live: number; post: number };

/**
 * Minutes per learning type, stacked by phase in the lesson page's phase colours, with a legend
 * in words. Hidden from assistive tech: the table next to it carries the same numbers.
 */
export default function GuidanceChart({ rows, phases }: { rows: GuidanceChartRow[]; phases: { pre: string; live: string; post: string } }) {
  const colors = useChartColors(PHASE_TOKENS);
  const reduceMotion = useReducedMotion();
  const dataset = (phase: 'pre' | 'live' | 'post') => ({
    label: phases[phase],
    data: rows.map((row) => row[phase]),
    backgroundColor: colors[phase],
    borderRadius: 4,
    maxBarThickness: 28,
  });
  return (
    <div className="guidance-chart" aria-hidden="true" style={{ height: `${Math.max(7, rows.length * 2.4 + 4)}rem` }}>
      <Bar
        data={{ labels: rows.map((row) => `${row.label} (${row.pre + row.live + row.post})`), datasets: [dataset('pre'), dataset('live'), dataset('post')] }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          animation: reduceMotion ? false : { duration: 250 },
          plugins: { legend: { position: 'bottom', labels: { color: colors.text, boxWidth: 12, boxHeight: 12 } }, tooltip: { enabled: false } },
          scales: {
            x: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: colors.text }, grid: { color: colors.grid } },
            y: { stacked: true, ticks: { color: colors.text }, grid: { display: false } },
          },
        }}
      />
    </div>
  );
}
