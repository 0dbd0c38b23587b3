import type { Locale } from '../../../shared/schemas/common.ts';
import { notFound } from '../../lib/errors.ts';
import type { UserRow, UsersRepository } from './users.repository.ts';

export function createUsersService(deps: { users: UsersRepository }) {
  const { users } = deps;
  return {
    async updateProfile(userId: string, changes: { name?: string | undefined; locale?: Locale | undefined; timeZone?: string | undefined }): Promise<UserRow> {
      await users.update(userId, {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
        ...(changes.timeZone !== undefined ? { time_zone: changes.timeZone } : {}),
      });
      const row = await users.findById(userId);
      if (!row) throw notFound('Account not found');
      return row;
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
