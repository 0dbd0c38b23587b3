import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon.tsx';

const PollChart = lazy(() => import('./PollChart.tsx'));

export type PollNumbers = { question: string; choices: string[]; counts: number[]; total: number; correct: number[] | null };

/** Results as a table (the accessible, exact version), with the bar chart above it when wanted. */
export function PollResults({ poll, chart = true }: { poll: PollNumbers; chart?: boolean }) {
  const { t } = useTranslation();
  const results = { counts: poll.counts, total: poll.total };
  const correct = poll.correct;
  return (
    <div className="poll-results">
      {chart ? (
        <Suspense fallback={<div className="poll-chart poll-chart-loading" aria-hidden="true" />}>
          <div style={{ height: `${Math.max(120, poll.choices.length * 44 + 40)}px` }}>
            <PollChart choices={poll.choices} counts={results.counts} correct={correct} />
          </div>
        </Suspense>
      ) : null}
      <table className="live-table poll-table">
        <caption className="visually-hidden">{t('live.poll.tableCaption', { question: poll.question })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('live.poll.choice')}</th>
            <th scope="col" className="num">
              {t('live.poll.answers')}
            </th>
            <th scope="col" className="num">
              %
            </th>
          </tr>
        </thead>
        <tbody>
          {poll.choices.map((choice, i) => {
            const count = results.counts[i] ?? 0;
            const share = results.total ? Math.round((100 * count) / results.total) : 0;
            const right = correct?.includes(i) ?? false;
            return (
              <tr key={i} className={right ? 'poll-row-correct' : undefined}>
                <th scope="row">
                  <span className="poll-choice-cell">
                    {right ? <Icon name="check" size={16} /> : null}
                    <span>{choice}</span>
                    {right ? <span className="badge badge-success">{t('live.poll.correct')}</span> : null}
                  </span>
                  {chart ? null : (
                    <span className="poll-bar" aria-hidden="true">
                      <span style={{ width: `${share}%` }} />
                    </span>
                  )}
                </th>
                <td className="num">{count}</td>
                <td className="num">{share}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('live.poll.total')}</th>
            <td className="num" data-testid="poll-total">
              {results.total}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
