import type { Role, ServerEvent } from '../../../shared/realtime/protocol.ts';
import type { Audience, Effect, Outgoing } from './state.ts';

/**
 * Collects what a command produces: events by audience, and effects to persist. An event sent
 * with `latest` carries a whole value (like `poll.results`): a later one of the same key makes it
 * redundant, and it is built only when the events are read. When many commands run as one batch
 * (reduce.ts, applyBatch), a storm of 1,000 poll answers thus gives the teacher one
 * `poll.results` with the final counts, built once — not 1,000 of them.
 */
type Pending = { audience: Audience; event: ServerEvent | (() => ServerEvent); key?: string };

export class Out {
  readonly effects: Effect[] = [];
  private pending: Pending[] = [];

  /** The events, built now. */
  get events(): Outgoing[] {
    return this.pending.map(({ audience, event }) => ({ audience, event: typeof event === 'function' ? event() : event }));
  }

  all(event: ServerEvent): void {
    this.pending.push({ audience: { to: 'all' }, event });
  }
  teachers(event: ServerEvent): void {
    this.pending.push({ audience: { to: 'teachers' }, event });
  }
  students(event: ServerEvent): void {
    this.pending.push({ audience: { to: 'students' }, event });
  }
  users(userIds: string[], event: ServerEvent): void {
    if (userIds.length > 0) this.pending.push({ audience: { to: 'users', userIds }, event });
  }
  /** One event per role, each with what that role may see. */
  byRole(make: (role: Role) => ServerEvent): void {
    this.teachers(make('teacher'));
    this.students(make('student'));
  }
  /**
   * A whole-value event: it replaces an earlier one with the same key, and `make` runs when the
   * events are read (so it must read the objects it describes, not a copy taken now).
   */
  latest(audience: Audience, key: string, make: () => ServerEvent): void {
    this.forget(new Set([key]));
    this.pending.push({ audience, event: make, key });
  }
  /** Keys of the whole-value events held. */
  keys(): string[] {
    return this.pending.flatMap((p) => (p.key === undefined ? [] : [p.key]));
  }
  /** Drops the whole-value events a later command of the batch sent again. */
  forget(keys: Set<string>): void {
    if (keys.size > 0) this.pending = this.pending.filter((p) => p.key === undefined || !keys.has(p.key));
  }
  effect(effect: Effect): void {
    this.effects.push(effect);
  }
}
