import type { Migration } from 'kysely';
import * as foundation from './20261125_0001_foundation.ts';
import * as accountSecurity from './20261125_0004_account_security.ts';
import * as asyncLearning from './20261125_0002_async_learning.ts';
import * as liveSessions from './20261125_0003_live_sessions.ts';
import * as readiness from './20261125_0005_readiness.ts';
import * as privacy from './20261125_0006_privacy.ts';
import * as workIndex from './20261125_0007_work_index.ts';

/**
 * Every migration, in order. Kysely applies the ones a database has not seen yet.
 * Add new files with a later timestamp prefix and list them here.
 */
export const migrations: Record<string, Migration> = {
  '20261125_0001_foundation': foundation,
  '20261125_0004_account_security': accountSecurity,
  '20261125_0002_async_learning': asyncLearning,
  '20261125_0003_live_sessions': liveSessions,
  '20261125_0005_readiness': readiness,
  '20261125_0006_privacy': privacy,
  '20261125_0007_work_index': workIndex,
};
