import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { PHASE_TOKENS, useChartColors, useMedia } from '../../components/charts/chart-theme.ts';

// Only what a bar chart needs; this file is its own lazy chunk (chart.js is large).
Chart.register(BarController, BarElement, CategoryScale, LinearScale);


/** Labels on short lines on a phone, so the axis never crops them. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length < width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export type ReportBar = { label: string; count: number; tone: 'pre' | 'live' | 'post' };

/**
 * One bar per phase figure, against the class size, each labelled with its words and count
 * (colour is never the only signal). Hidden from assistive tech: the table beside it has the numbers.
 */
export default function ReportChart({ bars, students }: { bars: ReportBar[]; students: number }) {
  const narrow = useMedia('(max-width: 639px)');
  const colors = useChartColors(PHASE_TOKENS);
  return (
    <div className="report-chart" aria-hidden="true">
      <Bar
        data={{
          labels: bars.map((b) => (narrow ? wrap(`${b.label} (${b.count})`, 16) : `${b.label} (${b.count})`)),
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
