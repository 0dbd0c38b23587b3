import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createSessionsRepository } from './modules/auth/sessions.repository.ts';
import { createCoursePolicy } from './modules/courses/courses.policy.ts';
import { createCoursesRepository } from './modules/courses/courses.repository.ts';
import { createCoursesService } from './modules/courses/courses.service.ts';
import { createUsersRepository } from './modules/users/users.repository.ts';
import { createUsersService } from './modules/users/users.service.ts';

/** The composition root: repositories over one database, services over repositories. */
export function createServices(database: Database, config: Config) {
  const { db } = database;
  const repos = {
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    courses: createCoursesRepository(db),
  };
  const coursePolicy = createCoursePolicy(repos.courses);
  const services = {
    auth: createAuthService({ users: repos.users, sessions: repos.sessions }),
    users: createUsersService({ users: repos.users }),
    courses: createCoursesService({ courses: repos.courses, users: repos.users, policy: coursePolicy }),
  };
  return { config, database, repos, coursePolicy, ...services };
}
export type Services = ReturnType<typeof createServices>;
