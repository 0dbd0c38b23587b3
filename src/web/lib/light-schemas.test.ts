import { describe, expect, it } from 'vitest';
import { UserEnvelope } from '../../shared/schemas/auth.ts';
import { CourseList } from '../../shared/schemas/courses.ts';
import { NotificationList } from '../../shared/schemas/notifications.ts';
import { MyWork } from '../../shared/schemas/work.ts';
import { CourseListLight, MyWorkLight, NotificationListLight, UserEnvelopeLight } from './light-schemas.ts';

const at = '2026-11-25T18:00:00.000Z';
const item = {
  activity: { id: 'a1', title: 'Read', type: 'page', required: true },
  course: { id: 'c1', title: 'Biology' },
  lesson: { id: 'l1', title: 'Cells', position: 0 },
  phase: 'pre',
  opensAt: null,
  dueAt: at,
  status: 'in_progress',
  estimatedMinutes: 10,
  late: false,
  submittedAt: null,
};
const work = {
  now: at,
  overdue: [],
  dueSoon: [item],
  later: [{ ...item, activity: { ...item.activity, id: 'a2', type: 'quiz' }, dueAt: null, estimatedMinutes: null }],
  done: [],
  courses: [{ courseId: 'c1', title: 'Biology', progress: { done: 1, total: 2, percent: 50 } }],
  lessons: [{ lessonId: 'l1', courseId: 'c1', title: 'Cells', progress: { done: 1, total: 2, percent: 50 } }],
  remainingMinutes: 10,
  extra: 'dropped, as zod drops it',
};

// The light parsers must accept exactly what the shared zod schemas accept, and give the same value.
describe('zod-free parsers', () => {
  it('read My work as the shared schema does', () => {
    expect(MyWorkLight.parse(work)).toEqual(MyWork.parse(work));
  });

  it('read the user, course list and notifications as the shared schemas do', () => {
    const user = { user: { id: 'u1', email: 'a@b.test', name: 'Ada', locale: 'fr', timeZone: 'Europe/Paris' } };
    expect(UserEnvelopeLight.parse(user)).toEqual(UserEnvelope.parse(user));
    const courses = {
      courses: [{ id: 'c1', title: 'Bio', description: '', role: 'student', archived: false, joinCode: null, createdAt: at, teacherNames: ['Ada'], studentCount: 3, preworkBudgetMinutes: 60, readinessThresholdPercent: 70 }],
    };
    expect(CourseListLight.parse(courses)).toEqual(CourseList.parse(courses));
    const notifications = { notifications: [{ id: 'n1', kind: 'feedback', title: 'T', text: 'x', link: '/activities/a1', data: { activityId: 'a1' }, read: false, createdAt: at }], unreadCount: 1 };
    expect(NotificationListLight.parse(notifications)).toEqual(NotificationList.parse(notifications));
  });

  it('refuse what the shared schemas refuse', () => {
    const broken = [
      { ...work, dueSoon: [{ ...item, status: 'finished' }] },
      { ...work, dueSoon: [{ ...item, phase: 'live' }] },
      { ...work, remainingMinutes: 1.5 },
      { ...work, lessons: [{ lessonId: 'l1' }] },
      { ...work, dueSoon: [{ ...item, activity: { ...item.activity, type: 'essay' } }] },
    ];
    for (const value of broken) {
      expect(MyWork.safeParse(value).success).toBe(false);
      expect(() => MyWorkLight.parse(value)).toThrow();
    }
    expect(() => UserEnvelopeLight.parse({ user: { id: 'u1', email: 'a@b.test', name: 'A', locale: 'de', timeZone: 'UTC' } })).toThrow();
  });
});
