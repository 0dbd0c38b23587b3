import { z } from 'zod';
import { Email } from './auth.ts';
import { Id, Instant } from './common.ts';

export const Role = z.enum(['teacher', 'student']);
export type Role = z.infer<typeof Role>;

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read aloud or off a board. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

/** Accepts what a person types: any case, spaces or dashes between groups. */
export const JoinCode = z
  .string()
  .max(32)
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH, { message: `A join code has ${JOIN_CODE_LENGTH} characters` })
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), { message: 'This is not a join code' }),
  );

export const CourseTitle = z.string().trim().min(1).max(160);
export const CourseDescription = z.string().trim().max(4000);

export const Course = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  role: Role,
  archived: z.boolean(),
  /** Only teachers see the code; students get null. */
  joinCode: z.string().nullable(),
  createdAt: Instant,
  teacherNames: z.array(z.string()),
  studentCount: z.number().int(),
  /** Minutes of required pre-work a lesson should ask for; the design guidance flags more. */
  preworkBudgetMinutes: z.number().int(),
  /** Percent of students ready below which readiness suggests starting with a re-teach. */
  readinessThresholdPercent: z.number().int(),
});
export type Course = z.infer<typeof Course>;

export const LessonSummary = z.object({
  id: Id,
  title: z.string(),
  position: z.number().int(),
  liveStartsAt: Instant.nullable(),
});
export type LessonSummary = z.infer<typeof LessonSummary>;

export const CourseDetail = Course.extend({ lessons: z.array(LessonSummary) });
export type CourseDetail = z.infer<typeof CourseDetail>;

export const CreateCourseBody = z.object({ title: CourseTitle, description: CourseDescription.optional() });
export type CreateCourseBody = z.input<typeof CreateCourseBody>;

export const UpdateCourseBody = z
  .object({
    title: CourseTitle,
    description: CourseDescription,
    archived: z.boolean(),
    preworkBudgetMinutes: z.int().min(0).max(6000),
    readinessThresholdPercent: z.int().min(0).max(100),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdateCourseBody = z.input<typeof UpdateCourseBody>;

export const JoinCourseBody = z.object({ code: JoinCode });
export type JoinCourseBody = z.input<typeof JoinCourseBody>;

export const AddTeacherBody = z.object({ email: Email });
export type AddTeacherBody = z.input<typeof AddTeacherBody>;

export const Member = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  timeZone: z.string(),
  joinedAt: Instant,
});
export type Member = z.infer<typeof Member>;

export const CourseParams = z.object({ courseId: Id });
export const MemberParams = z.object({ courseId: Id, userId: Id });

export const CourseEnvelope = z.object({ course: Course });
export const CourseDetailEnvelope = z.object({ course: CourseDetail });
export const CourseList = z.object({ courses: z.array(Course) });
export const Roster = z.object({ members: z.array(Member) });
