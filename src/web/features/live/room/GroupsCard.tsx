import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCommandInput } from '../../../../shared/realtime/protocol.ts';
import { Readiness } from '../../../../shared/schemas/readiness.ts';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/Field.tsx';
import { api } from '../../../lib/api.ts';
import { currentLocale } from '../../../i18n/i18n.ts';
import { LiveIcon } from '../LiveIcon.tsx';
import { Countdown } from './Countdown.tsx';
import { groupName } from './group-name.ts';
import { useRoom } from './room-context.tsx';

type Strategy = 'random' | 'manual' | 'suggested';

/** Groups from the readiness view: planned by the teacher there, else as suggested. */
function useReadinessGroups(lessonId: string) {
  return useQuery({
    queryKey: ['live', 'readiness-groups', lessonId],
    queryFn: async () => {
      const readiness = await api.get(`/api/lessons/${encodeURIComponent(lessonId)}/readiness`, Readiness);
      const locale = currentLocale();
      if (readiness.plannedGroups) return { groups: readiness.plannedGroups.groups, task: readiness.plannedGroups.task, durationSeconds: readiness.plannedGroups.durationSeconds };
      const groups = readiness.suggestedGroups.filter((g) => g.userIds.length > 0).map((g) => ({ name: g.names[locale] ?? g.name, userIds: g.userIds }));
      return { groups, task: '', durationSeconds: null };
    },
    retry: false,
    staleTime: 60_000,
  });
}

/** Teachers: split the class into breakout groups (random, by hand, from readiness), then run them. */
export function GroupsCard() {
  const { t } = useTranslation();
  const { view, lessonId } = useRoom();
  const readiness = useReadinessGroups(lessonId);
  return (
    <Card
      className="room-card groups-card"
      title={
        <span className="title-with-icon">
          <LiveIcon name="users" size={20} />
          {t('live.groups.title')}
        </span>
      }
    >
      {/* Keyed so the task and length planned in readiness fill the form once they arrive. */}
      {view.groups ? <RunningGroups /> : <GroupsForm key={readiness.isFetched ? 'planned' : 'blank'} readiness={readiness.data} />}
    </Card>
  );
}

type Planned = ReturnType<typeof useReadinessGroups>['data'];

function GroupsForm({ readiness }: { readiness: Planned }) {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const students = view.present.filter((m) => m.role === 'student');
  const suggested = readiness?.groups ?? [];
  const [strategy, setStrategy] = useState<Strategy>('random');
  const [count, setCount] = useState(2);
  const [assignment, setAssignment] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const name = useId();

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const task = String(form.get('task') ?? '').trim();
    const minutes = Number(form.get('minutes') ?? 0);
    let plan: Extract<ClientCommandInput, { type: 'groups.assign' }>['strategy'];
    if (strategy === 'random') plan = { kind: 'random', count };
    else if (strategy === 'manual') {
      const groups = Array.from({ length: count }, (_, i) => ({ name: t('live.groups.defaultName', { number: i + 1 }), userIds: students.filter((s) => (assignment[s.userId] ?? i % count) === i).map((s) => s.userId) }));
      const filled = groups.filter((g) => g.userIds.length > 0);
      if (filled.length === 0) return setError(t('live.groups.nobody'));
      plan = { kind: 'manual', groups: filled };
    } else plan = { kind: 'suggested', groups: suggested };
    if (students.length === 0) return setError(t('live.groups.nobody'));
    setError('');
    setBusy(true);
    await act({ type: 'groups.assign', strategy: plan, task, ...(minutes > 0 ? { durationSeconds: Math.round(minutes * 60) } : {}) });
    setBusy(false);
  }

  // Manual: each student starts in a group by turn; the teacher moves whoever needs moving.
  const groupOf = (userId: string, index: number) => assignment[userId] ?? index % count;

  return (
    <form className="form groups-form" onSubmit={(event) => void start(event)}>
      <fieldset className="live-fieldset">
        <legend>{t('live.groups.how')}</legend>
        {(['random', 'manual', ...(suggested.length > 0 ? (['suggested'] as const) : [])] as Strategy[]).map((kind) => (
          <label key={kind} className="live-radio">
            <input type="radio" name={name} value={kind} checked={strategy === kind} onChange={() => setStrategy(kind)} />
            <span>{t(`live.groups.strategy.${kind}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="live-form-row">
        {strategy !== 'suggested' ? (
          <SelectField label={t('live.groups.count')} value={String(count)} onChange={(event) => setCount(Number(event.target.value))}>
            {Array.from({ length: 9 }, (_, i) => i + 2).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField label={t('live.groups.minutes')} name="minutes" type="number" inputMode="numeric" min={1} max={240} defaultValue={readiness?.durationSeconds ? Math.round(readiness.durationSeconds / 60) : 10} />
      </div>
      {strategy !== 'suggested' ? null : (
        <ul className="group-preview">
          {suggested.map((g) => (
            <li key={g.name}>
              <strong>{g.name}</strong> {t('live.groups.memberCount', { count: g.userIds.length })}
            </li>
          ))}
        </ul>
      )}
      {strategy === 'manual' ? (
        students.length === 0 ? (
          <p className="muted">{t('live.groups.nobody')}</p>
        ) : (
          <div className="manual-groups">
            {students.map((s, index) => (
              <SelectField
                key={s.userId}
                label={s.name}
                value={String(groupOf(s.userId, index))}
                onChange={(event) => setAssignment((all) => ({ ...all, [s.userId]: Number(event.target.value) }))}
              >
                {Array.from({ length: count }, (_, i) => (
                  <option key={i} value={i}>
                    {t('live.groups.defaultName', { number: i + 1 })}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
        )
      ) : null}
      <TextAreaField label={t('live.groups.task')} name="task" rows={3} maxLength={2000} defaultValue={readiness?.task ?? ''} hint={t('live.groups.taskHint')} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          <LiveIcon name="users" size={18} />
          {t('live.groups.start')}
        </Button>
      </div>
    </form>
  );
}

function RunningGroups() {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const groups = view.groups;
  const [text, setText] = useState('');
  const inputId = useId();
  if (!groups) return null;

  async function broadcast(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    if (await act({ type: 'groups.broadcast', text })) setText('');
  }

  return (
    <div className="running-groups">
      {groups.endsAt ? <Countdown endsAt={groups.endsAt} label={t('live.groups.timeLeft')} /> : null}
      {groups.task ? <p className="group-task">{groups.task}</p> : null}
      <ul className="group-grid">
        {groups.groups.map((g) => (
          <li key={g.id} className="group-box">
            <h3 className="group-name">{groupName(t, g.name)}</h3>
            <p className="muted">{g.members.map((m) => m.name).join(', ') || t('live.groups.empty')}</p>
            {g.task && g.task !== groups.task ? <p className="group-task">{g.task}</p> : null}
            <p className="group-links">
              <a href={g.videoUrl} target="_blank" rel="noopener noreferrer">
                {t('live.groups.video', { name: groupName(t, g.name) })}
                <span className="visually-hidden"> {t('live.place.newTab')}</span>
              </a>
              <span className="muted"> · {t('live.groups.messages', { count: g.chat.length })}</span>
            </p>
          </li>
        ))}
      </ul>
      <form className="inline-ask" onSubmit={(event) => void broadcast(event)}>
        <label htmlFor={inputId} className="field-label">
          {t('live.groups.broadcastLabel')}
        </label>
        <div className="inline-ask-row">
          <input id={inputId} className="input" value={text} maxLength={1000} onChange={(event) => setText(event.target.value)} autoComplete="off" />
          <Button type="submit" disabled={!text.trim()}>
            {t('live.groups.broadcast')}
          </Button>
        </div>
      </form>
      {groups.broadcasts.length > 0 ? (
        <ul className="broadcast-list">
          {groups.broadcasts.map((b) => (
            <li key={b.at}>{b.text}</li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <Button variant="danger" onClick={() => void act({ type: 'groups.end' })}>
          {t('live.groups.end')}
        </Button>
      </div>
    </div>
  );
}
