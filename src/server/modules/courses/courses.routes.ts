import { Ok } from '../../../shared/schemas/common.ts';
import {
  AddTeacherBody,
  CourseDetailEnvelope,
  CourseEnvelope,
  CourseList,
  CourseParams,
  CreateCourseBody,
  JoinCourseBody,
  MemberParams,
  Roster,
  UpdateCourseBody,
} from '../../../shared/schemas/courses.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { CoursesService } from './courses.service.ts';

export function registerCourseRoutes(app: App, deps: { courses: CoursesService }): void {
  const { courses } = deps;
  const tags = ['courses'];

  app.get('/api/courses', { schema: { tags, response: { 200: CourseList, ...errors(401) } } }, async (request) => {
    return { courses: await courses.list(requireUser(request).id) };
  });

  app.post(
    '/api/courses',
    { schema: { tags, body: CreateCourseBody, response: { 201: CourseEnvelope, ...errors(400, 401) } } },
    async (request, reply) => {
      const course = await courses.create(requireUser(request).id, request.body);
      return reply.status(201).send({ course });
    },
  );

  app.post(
    '/api/courses/join',
    {
      schema: { tags, body: JoinCourseBody, response: { 200: CourseEnvelope, ...errors(400, 401, 404, 409, 429) } },
      // Codes are 8 characters over 31 symbols (~39 bits); 20 tries a minute per account keeps
      // guessing hopeless, while a whole class behind one school address can still join at once.
      config: { rateLimit: { max: 20, timeWindow: 60_000, keyGenerator: (request) => request.user?.id ?? request.ip } },
    },
    async (request) => {
      return { course: await courses.join(requireUser(request).id, request.body.code) };
    },
  );

  app.get(
    '/api/courses/:courseId',
    { schema: { tags, params: CourseParams, response: { 200: CourseDetailEnvelope, ...errors(401, 404) } } },
    async (request) => {
      return { course: await courses.detail(request.params.courseId, requireUser(request).id) };
    },
  );

  app.patch(
    '/api/courses/:courseId',
    { schema: { tags, params: CourseParams, body: UpdateCourseBody, response: { 200: CourseEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      return { course: await courses.update(request.params.courseId, requireUser(request).id, request.body) };
    },
  );

  app.post(
    '/api/courses/:courseId/join-code',
    { schema: { tags, params: CourseParams, response: { 200: CourseEnvelope, ...errors(401, 403, 404) } } },
    async (request) => {
      return { course: await courses.regenerateJoinCode(request.params.courseId, requireUser(request).id) };
    },
  );

  app.get(
    '/api/courses/:courseId/roster',
    { schema: { tags, params: CourseParams, response: { 200: Roster, ...errors(401, 403, 404) } } },
    async (request) => {
      return { members: await courses.roster(request.params.courseId, requireUser(request).id) };
    },
  );

  app.post(
    '/api/courses/:courseId/teachers',
    { schema: { tags, params: CourseParams, body: AddTeacherBody, response: { 200: Roster, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      return { members: await courses.addTeacher(request.params.courseId, requireUser(request).id, request.body.email) };
    },
  );

  app.delete(
    '/api/courses/:courseId/members/:userId',
    { schema: { tags, params: MemberParams, response: { 200: Ok, ...errors(401, 403, 404, 409) } } },
    async (request) => {
      await courses.removeMember(request.params.courseId, requireUser(request).id, request.params.userId);
      return { ok: true as const };
    },
  );
}
