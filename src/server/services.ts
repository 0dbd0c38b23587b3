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
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createPasswordResetsRepository } from './modules/auth/password-reset.repository.ts';
import { createPasswordResetService } from './modules/auth/password-reset.service.ts';
import { createPrivacyRepository } from './modules/privacy/privacy.repository.ts';
import { createPrivacyService } from './modules/privacy/privacy.service.ts';

/** The composition root: repositories over one database, services over repositories. */
export function createServices(database: Database, config: Config) {
  const { db } = database;
  const repos = {
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    courses: createCoursesRepository(db),
  };
  const coursePolicy = createCoursePolicy(repos.courses);
  // Audit log of teacher and admin actions on grades and accounts; services record into it.
  const auditLog = createAuditRepository(db);
  const audit = createAuditService({ audit: auditLog, courses: repos.courses, policy: coursePolicy });
  // Asynchronous learning: lessons, activities, responses, questions, discussions, uploads, work, mail…
  // Readiness keeps per-item quiz results from every graded submission (quiz_item_results).
  const quizItemResults = createQuizItemResultsRepository(db);
  const learning = createLearning({ db, config, courses: repos.courses, users: repos.users, policy: coursePolicy, quizGraded: recordQuizItemResults(quizItemResults), audit });
  // Live sessions: scheduling, calendar feeds, reminders (jobs) and the live room.
  const live = createLive({ db, config, users: repos.users, policy: coursePolicy, lessons: learning.repos.lessons, mailer: learning.services.mailer });
  learning.services.lessons.attachLiveSessions(live.services.liveSessions.hook());
  // Readiness and design guidance: readiness, guidance, lesson templates, post-work targeting, lesson report.
  const readiness = createReadinessModule({ db, config, policy: coursePolicy, learning, quizItemResults });
  const services = {
    auth: createAuthService({ users: repos.users, sessions: repos.sessions }),
    users: createUsersService({ users: repos.users }),
    courses: createCoursesService({ courses: repos.courses, users: repos.users, policy: coursePolicy, lessonSummaries: learning.services.lessons, audit }),
    audit,
    // Accounts: reset by emailed link (links always point at PUBLIC_URL); data export and account deletion.
    passwordReset: createPasswordResetService({
      users: repos.users,
      sessions: repos.sessions,
      resets: createPasswordResetsRepository(db),
      mailer: learning.services.mailer,
      baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      log: (message, error) => console.error(message, error),
    }),
    privacy: createPrivacyService({ privacy: createPrivacyRepository(db), users: repos.users, audit, auditLog }),
    ...learning.services,
    ...live.services,
    ...readiness.services,
  };
  return { config, database, repos: { ...repos, ...learning.repos, ...live.repos, ...readiness.repos }, coursePolicy, ...services };
}
export type Services = ReturnType<typeof createServices>;
