import type { Role, ServerEvent } from '../../../shared/realtime/protocol.ts';
import type { Effect, Outgoing } from './state.ts';

/** Collects what a command produces: events by audience, and effects to persist. */
export class Out {
  readonly events: Outgoing[] = [];
  readonly effects: Effect[] = [];

  all(event: ServerEvent): void {
    this.events.push({ audience: { to: 'all' }, event });
  }
  teachers(event: ServerEvent): void {
    this.events.push({ audience: { to: 'teachers' }, event });
  }
  students(event: ServerEvent): void {
    this.events.push({ audience: { to: 'students' }, event });
  }
  users(userIds: string[], event: ServerEvent): void {
    if (userIds.length > 0) this.events.push({ audience: { to: 'users', userIds }, event });
  }
  /** One event per role, each with what that role may see. */
  byRole(make: (role: Role) => ServerEvent): void {
    this.teachers(make('teacher'));
    this.students(make('student'));
  }
  effect(effect: Effect): void {
    this.effects.push(effect);
  }
}
