import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createSessionsRepository } from './modules/auth/sessions.repository.ts';
import { createCoursePolicy } from './modules/courses/courses.policy.ts';
import { createCoursesRepository } from './modules/courses/courses.repository.ts';
import { createCoursesService } from './modules/courses/courses.service.ts';
import { createUsersRepository } from './modules/users/users.repository.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { createLearning } from './modules/learning.ts';
import { createLive } from './modules/live/live.module.ts';
import { createQuizItemResultsRepository } from './modules/readiness/quiz-item-results.repository.ts';
import { createReadinessModule, recordQuizItemResults } from './modules/readiness/readiness.module.ts';

/** The composition root: repositories over one database, services over repositories. */
export function createServices(database: Database, config: Config) {
  const { db } = database;
  const repos = {
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    courses: createCoursesRepository(db),
  };
  const coursePolicy = createCoursePolicy(repos.courses);
  // Asynchronous learning: lessons, activities, responses, questions, discussions, uploads, work, mail…
  // Readiness keeps per-item quiz results from every graded submission (quiz_item_results).
  const quizItemResults = createQuizItemResultsRepository(db);
  const learning = createLearning({ db, config, courses: repos.courses, users: repos.users, policy: coursePolicy, quizGraded: recordQuizItemResults(quizItemResults) });
  // Live sessions: scheduling, calendar feeds, reminders (jobs) and the live room.
  const live = createLive({ db, config, users: repos.users, policy: coursePolicy, lessons: learning.repos.lessons, mailer: learning.services.mailer });
  learning.services.lessons.attachLiveSessions(live.services.liveSessions.hook());
  // Readiness and design guidance: readiness, guidance, lesson templates, post-work targeting, lesson report.
  const readiness = createReadinessModule({ db, config, policy: coursePolicy, learning, quizItemResults });
  const services = {
    auth: createAuthService({ users: repos.users, sessions: repos.sessions }),
    users: createUsersService({ users: repos.users }),
    courses: createCoursesService({ courses: repos.courses, users: repos.users, policy: coursePolicy, lessonSummaries: learning.services.lessons }),
    ...learning.services,
    ...live.services,
    ...readiness.services,
  };
  return { config, database, repos: { ...repos, ...learning.repos, ...live.repos, ...readiness.repos }, coursePolicy, ...services };
}
export type Services = ReturnType<typeof createServices>;
