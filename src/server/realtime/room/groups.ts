import { BROADCAST_HISTORY, type ClientCommand } from '../../../shared/realtime/protocol.ts';
import type { Out } from './out.ts';
import { groupsView } from './views.ts';
import { RoomError, type RoomContext, type RoomGroup, type RoomState } from './state.ts';

type Assign = Extract<ClientCommand, { type: 'groups.assign' }>;

/** mulberry32: a tiny seeded generator, so random groups are reproducible in tests. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  const next = random(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function presentStudents(state: RoomState): string[] {
  return Object.entries(state.present)
    .filter(([, p]) => p.role === 'student')
    .map(([id]) => id)
    .sort();
}

function memberLists(state: RoomState, command: Assign, seed: number): { name: string | undefined; task: string | undefined; userIds: string[] }[] {
  const strategy = command.strategy;
  if (strategy.kind === 'random') {
    const students = shuffle(presentStudents(state), seed);
    if (students.length === 0) throw new RoomError('invalid_groups', 'No student is in the room to put in groups');
    const count = Math.min(strategy.count, students.length);
    const lists = Array.from({ length: count }, () => [] as string[]);
    students.forEach((id, index) => lists[index % count]!.push(id));
    return lists.map((userIds) => ({ name: undefined, task: undefined, userIds }));
  }
  // By hand or suggested: students the room knows; a student may be in one group only.
  const seen = new Set<string>();
  const lists = strategy.groups.map((g) => {
    const userIds = g.userIds.filter((id) => state.known[id]?.role === 'student' && !seen.has(id));
    userIds.forEach((id) => seen.add(id));
    return { name: g.name || undefined, task: g.task || undefined, userIds };
  });
  const unknown = strategy.groups.flatMap((g) => g.userIds).filter((id) => state.known[id]?.role !== 'student');
  if (strategy.kind === 'manual' && unknown.length > 0) throw new RoomError('invalid_groups', 'Some people in these groups are not students who joined this session');
  const filled = lists.filter((l) => l.userIds.length > 0);
  if (filled.length === 0) throw new RoomError('invalid_groups', 'These groups have nobody in them');
  return filled;
}

export function assignGroups(state: RoomState, command: Assign, ctx: RoomContext, out: Out): void {
  const lists = memberLists(state, command, ctx.seed);
  const groups: RoomGroup[] = lists.map((list, index) => ({
    id: `${ctx.newId}-${index + 1}`,
    name: list.name ?? `Group ${index + 1}`,
    task: list.task ?? command.task,
    userIds: list.userIds,
    videoUrl: `${state.videoBase}-group-${index + 1}`,
    chat: [],
  }));
  const endsAt = command.durationSeconds ? new Date(Date.parse(ctx.now) + command.durationSeconds * 1000).toISOString() : null;
  state.groups = { task: command.task, assignedAt: ctx.now, endsAt, groups, broadcasts: [] };
  const assigned = state.groups;
  out.teachers({ type: 'groups.assigned', groups: groupsView(state, assigned, { userId: '', role: 'teacher' }) });
  for (const group of groups) {
    out.users(group.userIds, { type: 'groups.assigned', groups: groupsView(state, assigned, { userId: group.userIds[0]!, role: 'student' }) });
  }
  const grouped = new Set(groups.flatMap((g) => g.userIds));
  const left = presentStudents(state).filter((id) => !grouped.has(id));
  out.users(left, { type: 'groups.assigned', groups: { ...groupsView(state, assigned, { userId: '', role: 'student' }), groups: [] } });
}

export function broadcastToGroups(state: RoomState, text: string, ctx: RoomContext, out: Out): void {
  if (!state.groups) throw new RoomError('no_groups', 'There are no breakout groups right now');
  state.groups.broadcasts = [...state.groups.broadcasts, { text, at: ctx.now }].slice(-BROADCAST_HISTORY);
  out.all({ type: 'groups.broadcast', text, at: ctx.now });
}

export function endGroups(state: RoomState, out: Out): void {
  if (!state.groups) throw new RoomError('no_groups', 'There are no breakout groups right now');
  state.groups = null;
  out.all({ type: 'groups.ended' });
}
