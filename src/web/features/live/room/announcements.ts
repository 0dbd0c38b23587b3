import type { RoomView } from '../../../../shared/realtime/protocol.ts';

/** A sentence to announce: an i18n key under `live.announce` and its values. */
export type Announcement = { key: AnnouncementKey; values?: Record<string, string | number> };
export type AnnouncementKey =
  | 'step'
  | 'pollOpened'
  | 'pollRevealed'
  | 'pollClosed'
  | 'handTaken'
  | 'groupAssigned'
  | 'groupsEnded'
  | 'broadcast'
  | 'timerStarted'
  | 'timerEnded'
  | 'ownPace'
  | 'teacherPace'
  | 'ended'
  | 'handsWaiting'
  | 'chatMuted'
  | 'chatUnmuted';

/**
 * What changed between two views that a screen-reader user must hear, kept to the few changes
 * that matter (new step, poll, your hand, your group, the end…), so the live region informs
 * without flooding. Chat messages, votes and people coming and going are not announced.
 */
export function announcementsFor(prev: RoomView | null, next: RoomView): Announcement[] {
  if (!prev) return [];
  const out: Announcement[] = [];
  const teacher = next.me.role === 'teacher';

  if (prev.status !== 'ended' && next.status === 'ended') return [{ key: 'ended' }];

  if (!teacher && prev.pace !== next.pace) out.push({ key: next.pace === 'student' ? 'ownPace' : 'teacherPace' });
  if (prev.me.step !== next.me.step) {
    const step = next.steps[next.me.step];
    if (step) out.push({ key: 'step', values: { title: step.title, number: next.me.step + 1, total: next.steps.length } });
  }

  if (next.poll && next.poll.status === 'open' && prev.poll?.id !== next.poll.id) out.push({ key: 'pollOpened', values: { question: next.poll.question } });
  else if (next.poll && prev.poll?.id === next.poll.id) {
    if (!prev.poll.revealed && next.poll.revealed) out.push({ key: 'pollRevealed' });
    else if (prev.poll.status === 'open' && next.poll.status === 'closed') out.push({ key: 'pollClosed' });
  }

  if (!teacher) {
    const prevHand = prev.me.hand ? prev.hands.find((h) => h.id === prev.me.hand?.id) : undefined;
    const nextHand = next.me.hand ? next.hands.find((h) => h.id === next.me.hand?.id) : undefined;
    if (nextHand?.helping && !prevHand?.helping) out.push({ key: 'handTaken' });

    if (next.me.groupId && next.me.groupId !== prev.me.groupId) {
      const group = next.groups?.groups.find((g) => g.id === next.me.groupId);
      out.push({ key: 'groupAssigned', values: { name: group?.name ?? '' } });
    } else if (prev.me.groupId && !next.me.groupId) out.push({ key: 'groupsEnded' });

    const lastBroadcast = next.groups?.broadcasts.at(-1);
    if (lastBroadcast && next.groups && prev.groups && lastBroadcast.at !== prev.groups.broadcasts.at(-1)?.at) {
      out.push({ key: 'broadcast', values: { text: lastBroadcast.text } });
    }
    if (prev.chatMuted !== next.chatMuted || prev.me.muted !== next.me.muted) {
      out.push({ key: next.chatMuted || next.me.muted ? 'chatMuted' : 'chatUnmuted' });
    }
  } else {
    const waiting = (view: RoomView) => view.hands.filter((h) => !h.helping).length;
    if (waiting(next) > waiting(prev)) out.push({ key: 'handsWaiting', values: { count: waiting(next) } });
  }

  if (next.timer && next.timer.startedAt !== prev.timer?.startedAt) out.push({ key: 'timerStarted', values: { minutes: Math.max(1, Math.round(next.timer.seconds / 60)) } });
  return out;
}
