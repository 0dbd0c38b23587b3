import type { User } from '../../../shared/schemas/auth.ts';
import type { UserRow } from './users.repository.ts';

export function presentUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, timeZone: row.time_zone };
}
