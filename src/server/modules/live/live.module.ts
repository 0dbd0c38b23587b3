import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { App } from '../../http/types.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import { createLiveRoomService } from '../../realtime/live-room.service.ts';
import { createRoomRepository, FINISH_JOB } from '../../realtime/room-repository.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { registerCalendarRoutes } from '../calendar/calendar.routes.ts';
import { createCalendarService } from '../calendar/calendar.service.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { createJobsRepository } from '../jobs/jobs.repository.ts';
import type { LessonsRepository } from '../lessons/lessons.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { UsersRepository } from '../users/users.repository.ts';
import { createLiveFinishRepository } from './live-finish.repository.ts';
import { createLiveFinisher } from './live-finish.ts';
import { createLiveReminders, REMINDER_JOB } from './live-reminders.ts';
import { createLiveRemindersRepository } from './live-reminders.repository.ts';
import { createLiveRepository } from './live.repository.ts';
import { registerLiveRoutes } from './live.routes.ts';
import { createLiveSessionsService } from './live.service.ts';
import { frameOrigins } from '../../http/content-security.ts';
import { z } from 'zod';

/**
 * Live sessions, composed: scheduling, calendar feeds, reminders and the jobs that run them,
 * and the live room service the realtime gateway drives. services.ts spreads the result.
 */
export function createLive(deps: { db: Kysely<DB>; config: Config; users: UsersRepository; policy: CoursePolicy; lessons: LessonsRepository; mailer: Mailer | undefined }) {
  const { db, config } = deps;
  const repos = {
    live: createLiveRepository(db),
    calendar: createCalendarRepository(db),
    jobs: createJobsRepository(db),
    rooms: createRoomRepository(db),
    liveFinish: createLiveFinishRepository(db),
    liveReminders: createLiveRemindersRepository(db),
  };
  const reminders = createLiveReminders({ reminders: repos.liveReminders, jobs: repos.jobs, live: repos.live, mailer: deps.mailer, offsetsMinutes: config.liveReminderMinutes, publicUrl: config.publicUrl });
  const liveSessions = createLiveSessionsService({
    live: repos.live,
    users: deps.users,
    policy: deps.policy,
    roomOpensMinutes: config.liveRoomOpensMinutes,
    createLesson: async (courseId, title) => {
      const now = nowIso();
      return (await deps.lessons.insertLast({ id: newId(), course_id: courseId, title, created_at: now, updated_at: now })).id;
    },
    onScheduled: (session) => reminders.plan(session),
    // Embedded only where the Content-Security-Policy lets the page frame it; elsewhere a link.
    frameable: (url) => frameOrigins(config.jitsiBaseUrl).includes(new URL(url).origin),
  });
  const liveRooms = createLiveRoomService({ rooms: repos.rooms, live: repos.live, roomOpensMinutes: config.liveRoomOpensMinutes, jitsiBaseUrl: config.jitsiBaseUrl });
  const finishSession = createLiveFinisher({ finish: repos.liveFinish, loadRoom: (lessonId) => repos.rooms.load(lessonId) });
  const jobRunner = createJobRunner({
    jobs: repos.jobs,
    handlers: {
      [REMINDER_JOB]: (payload) => reminders.send(payload),
      [FINISH_JOB]: async (payload) => finishSession(z.object({ lessonId: z.string() }).parse(payload).lessonId),
    },
    log: (message, error) => console.error(message, error),
  });
  const services = {
    liveSessions,
    calendar: createCalendarService({ calendar: repos.calendar, sessionSecret: config.sessionSecret, publicUrl: config.publicUrl }),
    liveRooms,
    liveReminders: reminders,
    jobRunner,
  };
  return { repos, services };
}
export type Live = ReturnType<typeof createLive>;

export function registerLiveModuleRoutes(app: App, services: Live['services'] & { config: { publicUrl: string | undefined } }): void {
  registerLiveRoutes(app, services);
  registerCalendarRoutes(app, { calendar: services.calendar, publicUrl: services.config.publicUrl });
}
