import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { LiveIcon } from '../LiveIcon.tsx';
import { PollOpener } from './TeacherPoll.tsx';
import { StepContent } from './StepContent.tsx';
import { useRoom } from './room-context.tsx';
import { activityTypeLabel } from './activity-type.ts';

/** Teachers: the run-sheet, the current step, moving the class along, and the pace. */
export function RunSheetCard() {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const steps = view.steps;
  const current = steps[view.step];
  const studentPace = view.pace === 'student';
  const here = (index: number) => view.progress.filter((p) => p.step === index).length;
  const atTeacherStep = view.present.filter((m) => m.role === 'student').length - view.progress.filter((p) => p.step !== view.step).length;

  return (
    <Card
      className="room-card runsheet-card"
      title={t('live.runSheet.title')}
      description={steps.length ? t('live.runSheet.position', { number: view.step + 1, total: steps.length }) : undefined}
      actions={
        <div className="segmented" role="group" aria-label={t('live.runSheet.pace')}>
          <button type="button" className="segmented-option" aria-pressed={!studentPace} onClick={() => void act(studentPace ? { type: 'pace.recall' } : { type: 'pace.set', pace: 'teacher' })}>
            {t('live.runSheet.teacherPace')}
          </button>
          <button type="button" className="segmented-option" aria-pressed={studentPace} onClick={() => void act({ type: 'pace.set', pace: 'student' })}>
            {t('live.runSheet.studentPace')}
          </button>
        </div>
      }
    >
      {steps.length === 0 ? (
        <p className="muted room-empty">{t('live.runSheet.empty')}</p>
      ) : (
        <div className="runsheet">
          <ol className="step-list-nav">
            {steps.map((step, index) => {
              const isCurrent = index === view.step;
              return (
                <li key={step.activityId}>
                  <button
                    type="button"
                    className={isCurrent ? 'step-item step-item-current' : 'step-item'}
                    aria-current={isCurrent ? 'step' : undefined}
                    onClick={() => void act({ type: 'step.goto', index })}
                  >
                    <span className="step-number" aria-hidden="true">
                      {index + 1}
                    </span>
                    <span className="step-title">{step.title}</span>
                    <span className="step-type">{activityTypeLabel(t, step.type)}</span>
                    {isCurrent ? <Badge tone="primary">{t('live.runSheet.now')}</Badge> : null}
                    {studentPace && here(index) > 0 ? <Badge>{t('live.runSheet.here', { count: here(index) })}</Badge> : null}
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="step-current">
            {current ? (
              <>
                <h3 className="step-current-title">{current.title}</h3>
                <StepContent activityId={current.activityId} headingLevel={3} />
                {current.pollable ? <PollOpener step={current} /> : null}
              </>
            ) : null}
            <div className="step-nav">
              <Button icon="arrowLeft" onClick={() => void act({ type: 'step.prev' })} disabled={view.step === 0}>
                {t('live.runSheet.prev')}
              </Button>
              <Button variant="primary" onClick={() => void act({ type: 'step.next' })} disabled={view.step >= steps.length - 1}>
                {t('live.runSheet.next')}
                <LiveIcon name="play" size={16} />
              </Button>
            </div>
            {studentPace ? (
              <div className="pace-note">
                <p className="muted">{t('live.runSheet.studentPaceNote', { count: Math.max(0, atTeacherStep) })}</p>
                <Button onClick={() => void act({ type: 'pace.recall' })}>{t('live.runSheet.recall')}</Button>
              </div>
            ) : null}
          </div>
        </div>
      )}
    </Card>
  );
}
