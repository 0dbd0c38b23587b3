import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { App } from '../http/types.ts';
import { createActivitiesRepository } from './activities/activities.repository.ts';
import { registerActivityRoutes } from './activities/activities.routes.ts';
import { createActivitiesService } from './activities/activities.service.ts';
import { createActivityAccess } from './activities/activity-access.ts';
import type { CoursePolicy } from './courses/courses.policy.ts';
import type { CoursesRepository } from './courses/courses.repository.ts';
import { createDiscussionsRepository } from './discussions/discussions.repository.ts';
import { registerDiscussionRoutes } from './discussions/discussions.routes.ts';
import { createDiscussionsService } from './discussions/discussions.service.ts';
import { registerImportRoutes } from './import/import.routes.ts';
import { createImportService } from './import/import.service.ts';
import { createLessonsRepository } from './lessons/lessons.repository.ts';
import { registerLessonRoutes } from './lessons/lessons.routes.ts';
import { createLessonsService } from './lessons/lessons.service.ts';
import type { LiveSessionsHook } from './lessons/live-hook.ts';
import { createMailer } from './mail/mailer.ts';
import { createOutboxRepository } from './mail/outbox.repository.ts';
import { createRenderContextLoader } from './markdown/render-context.ts';
import { createNotificationsRepository } from './notifications/notifications.repository.ts';
import { registerNotificationRoutes } from './notifications/notifications.routes.ts';
import { createNotificationsService } from './notifications/notifications.service.ts';
import { registerProgressRoutes } from './progress/progress.routes.ts';
import { createProgressService } from './progress/progress.service.ts';
import { createQuestionsRepository } from './questions/questions.repository.ts';
import { registerQuestionRoutes } from './questions/questions.routes.ts';
import { createQuestionsService } from './questions/questions.service.ts';
import { createResponsesRepository } from './responses/responses.repository.ts';
import { registerResponseRoutes } from './responses/responses.routes.ts';
import { createResponsesService, type QuizGradedHook } from './responses/responses.service.ts';
import { createTeacherResponsesService } from './responses/teacher-responses.service.ts';
import { createLocalDiskStorage, type Storage } from './uploads/storage.ts';
import { createUploadsRepository } from './uploads/uploads.repository.ts';
import { registerUploadRoutes } from './uploads/uploads.routes.ts';
import { createUploadsService } from './uploads/uploads.service.ts';
import type { UsersRepository } from './users/users.repository.ts';
import { createWorkRepository } from './work/work.repository.ts';
import { registerWorkRoutes } from './work/work.routes.ts';
import { createWorkService } from './work/work.service.ts';
import { createTargetsRepository } from './targets/targets.repository.ts';
import type { AuditRecorder } from './audit/audit.service.ts';

/**
 * Asynchronous learning, composed: lessons, activities, responses, questions, discussions,
 * uploads, My work, notifications and mail, progress and import. services.ts spreads the
 * result into the app's services and repos.
 */
export function createLearning(deps: {
  db: Kysely<DB>;
  config: Config;
  courses: CoursesRepository;
  users: UsersRepository;
  policy: CoursePolicy;
  storage?: Storage;
  liveSessions?: LiveSessionsHook;
  /** Readiness: records per-item results of each graded quiz submission. */
  quizGraded?: QuizGradedHook;
  /** Records feedback and score changes in the audit log. */
  audit?: AuditRecorder;
}) {
  const { db, config, courses, users, policy } = deps;
  const repos = {
    lessons: createLessonsRepository(db),
    activities: createActivitiesRepository(db),
    responses: createResponsesRepository(db),
    questions: createQuestionsRepository(db),
    posts: createDiscussionsRepository(db),
    uploads: createUploadsRepository(db),
    work: createWorkRepository(db),
    notifications: createNotificationsRepository(db),
    outbox: createOutboxRepository(db),
  };
  const storage = deps.storage ?? createLocalDiskStorage(config.uploadsDir);
  const mailer = createMailer({ config, outbox: repos.outbox, log: (message, error) => console.error(message, error) });
  const loadRenderContext = createRenderContextLoader({ lessons: repos.lessons, uploads: repos.uploads });
  // Students reach an activity targeted to others (or another's catch-up copy) as if it did not exist.
  const access = createActivityAccess({ activities: repos.activities, policy, visibility: createTargetsRepository(db) });

  const activities = createActivitiesService({ activities: repos.activities, lessons: repos.lessons, responses: repos.responses, policy, access, loadRenderContext });
  // Targeted post-work and catch-up copies are visible to their students only (lesson view, progress).
  const targeting = createTargetsRepository(db);
  const lessons = createLessonsService({ lessons: repos.lessons, activities: repos.activities, activityService: activities, policy, liveSessions: deps.liveSessions, visibility: targeting });
  const responses = createResponsesService({ responses: repos.responses, access, quizGraded: deps.quizGraded });
  const notifications = createNotificationsService({ notifications: repos.notifications, mailer, publicUrl: config.publicUrl });
  const services = {
    lessons,
    activities,
    responses,
    teacherResponses: createTeacherResponsesService({ responses: repos.responses, activities: repos.activities, courses, users, policy, access, notifications, audit: deps.audit }),
    questions: createQuestionsService({ questions: repos.questions, access, policy, responses }),
    discussions: createDiscussionsService({ posts: repos.posts, access, policy, responses, loadRenderContext }),
    uploads: createUploadsService({ uploads: repos.uploads, storage, policy }),
    work: createWorkService({ work: repos.work }),
    notifications,
    progress: createProgressService({ activities: repos.activities, lessons: repos.lessons, responses: repos.responses, courses, policy, assignments: targeting }),
    import: createImportService({ lessons: repos.lessons, activities: repos.activities, courses, lessonsService: lessons, policy, loadRenderContext }),
    mailer,
    storage,
  };
  return { repos, services };
}
export type Learning = ReturnType<typeof createLearning>;

export function registerLearningRoutes(app: App, services: Learning['services']): void {
  registerLessonRoutes(app, services);
  registerActivityRoutes(app, services);
  registerResponseRoutes(app, services);
  registerQuestionRoutes(app, services);
  registerDiscussionRoutes(app, services);
  registerUploadRoutes(app, services);
  registerWorkRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerProgressRoutes(app, services);
  registerImportRoutes(app, services);
  app.addHook('onClose', async () => {
    await services.mailer.idle();
    services.mailer.close();
  });
}
