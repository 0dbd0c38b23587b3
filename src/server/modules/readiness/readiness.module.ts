import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { App } from '../../http/types.ts';
import { createActivityAccess } from '../activities/activity-access.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import { registerGuidanceRoutes } from '../guidance/guidance.routes.ts';
import { createGuidanceService } from '../guidance/guidance.service.ts';
import type { Learning } from '../learning.ts';
import { createLessonReportRepository } from '../lesson-report/lesson-report.repository.ts';
import { registerLessonReportRoutes } from '../lesson-report/lesson-report.routes.ts';
import { createLessonReportService } from '../lesson-report/lesson-report.service.ts';
import { registerLessonTemplateRoutes } from '../lesson-templates/lesson-templates.routes.ts';
import { createLessonTemplatesService } from '../lesson-templates/lesson-templates.service.ts';
import type { QuizGradedHook } from '../responses/responses.service.ts';
import { createTargetsRepository } from '../targets/targets.repository.ts';
import { registerTargetRoutes } from '../targets/targets.routes.ts';
import { createTargetsService } from '../targets/targets.service.ts';
import { quizItemResultRows } from './quiz-item-results.ts';
import { createQuizItemResultsRepository, type QuizItemResultsRepository } from './quiz-item-results.repository.ts';
import { createReadinessRepository } from './readiness.repository.ts';
import { registerReadinessRoutes } from './readiness.routes.ts';
import { createReadinessService } from './readiness.service.ts';

/** The hook the quiz submit path calls: keeps per-item results of the latest submission. */
export function recordQuizItemResults(repo: QuizItemResultsRepository): QuizGradedHook {
  return (event) =>
    repo.replaceForResponse(
      event.responseId,
      quizItemResultRows({ responseId: event.responseId, activity: event.activity, userId: event.userId, items: event.items, answers: event.answers, results: event.results, submittedAt: event.submittedAt }),
    );
}

/**
 * Readiness and design guidance, composed: readiness (stuck flags, nudges, planned groups,
 * accepted suggestions), design guidance and its fixes, lesson templates, post-work targeting
 * and the per-lesson report. Built on the learning module's repositories and services.
 */
export function createReadinessModule(deps: { db: Kysely<DB>; config: Config; policy: CoursePolicy; learning: Learning; quizItemResults?: QuizItemResultsRepository }) {
  const { db, config, policy, learning } = deps;
  const repos = {
    quizItemResults: deps.quizItemResults ?? createQuizItemResultsRepository(db),
    readiness: createReadinessRepository(db),
    targets: createTargetsRepository(db),
    lessonReport: createLessonReportRepository(db),
  };
  const shared = { lessons: learning.repos.lessons, policy, activities: learning.repos.activities, activityService: learning.services.activities };
  const services = {
    readiness: createReadinessService({
      ...shared,
      readiness: repos.readiness,
      notifications: learning.repos.notifications,
      mailer: learning.services.mailer,
      publicUrl: config.publicUrl,
    }),
    guidance: createGuidanceService({ ...shared, readiness: repos.readiness }),
    lessonTemplates: createLessonTemplatesService({ lessons: learning.services.lessons, activityService: learning.services.activities, policy }),
    targets: createTargetsService({ targets: repos.targets, readiness: repos.readiness, access: createActivityAccess({ activities: learning.repos.activities, policy }) }),
    lessonReport: createLessonReportService({ report: repos.lessonReport, readiness: repos.readiness, targets: repos.targets, lessons: learning.repos.lessons, policy }),
  };
  return { repos, services };
}
export type ReadinessModule = ReturnType<typeof createReadinessModule>;

export function registerReadinessModuleRoutes(app: App, services: ReadinessModule['services']): void {
  registerReadinessRoutes(app, services);
  registerGuidanceRoutes(app, services);
  registerLessonTemplateRoutes(app, services);
  registerTargetRoutes(app, services);
  registerLessonReportRoutes(app, services);
}
