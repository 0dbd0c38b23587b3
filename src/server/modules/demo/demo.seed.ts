import type { Services } from '../../services.ts';
import { seedDemoLessons, seedDemoProgress } from './demo.lessons.ts';

export const DEMO_PASSWORD = 'tandem-demo-2026';
export const DEMO_ACCOUNTS = {
  teacher: { email: 'teacher@demo.tandem.school', name: 'Amélie Laurent' },
  students: [
    { email: 'student1@demo.tandem.school', name: 'Jonas Okafor' },
    { email: 'student2@demo.tandem.school', name: 'Maya Tremblay' },
  ],
} as const;

export const DEMO_COURSE = {
  title: 'Designing asynchronous and synchronous learning',
  description:
    'A short course for teachers who want their class time to count. Students explore on their own ' +
    'before class (readings, a video, a quick check), meet for a live session that is spent on ' +
    'discussion, small groups and feedback rather than lecturing, and consolidate afterwards. ' +
    'Each lesson shows the loop in action: pre-work, live session, post-work.',
};

export type DemoResult = { courseId: string; joinCode: string; accounts: { email: string; role: string }[]; password: string };

/** Seeds the demo course with a teacher and two students. Used on the first start and by `tandem seed-demo`. */
export async function seedDemo(services: Services): Promise<DemoResult> {
  const teacher =
    (await services.repos.users.findByEmail(DEMO_ACCOUNTS.teacher.email)) ??
    (await services.auth.createAccount({ ...DEMO_ACCOUNTS.teacher, password: DEMO_PASSWORD, locale: 'fr', timeZone: 'Europe/Paris' }));
  const course = await services.courses.create(teacher.id, DEMO_COURSE);
  const { activityIds } = await seedDemoLessons(services, course.id, teacher.id, teacher.time_zone);
  const zones = ['America/Montreal', 'Africa/Lagos'];
  for (const [index, student] of DEMO_ACCOUNTS.students.entries()) {
    const row =
      (await services.repos.users.findByEmail(student.email)) ??
      (await services.auth.createAccount({ ...student, password: DEMO_PASSWORD, locale: index === 0 ? 'en' : 'fr', timeZone: zones[index] }));
    await services.courses.join(row.id, course.joinCode!);
    if (index === 0) await seedDemoProgress(services, activityIds[0] ?? [], row.id);
  }
  return {
    courseId: course.id,
    joinCode: course.joinCode!,
    password: DEMO_PASSWORD,
    accounts: [
      { email: DEMO_ACCOUNTS.teacher.email, role: 'teacher' },
      ...DEMO_ACCOUNTS.students.map((s) => ({ email: s.email, role: 'student' })),
    ],
  };
}

export function describeDemo(result: DemoResult, url: string): string {
  const lines = [
    '',
    `  Tandem demo ready at ${url}`,
    `  Course: "${DEMO_COURSE.title}" (join code ${result.joinCode})`,
    ...result.accounts.map((a) => `  ${a.role.padEnd(8)} ${a.email}`),
    `  Password for all three: ${result.password}`,
    '  (Start with --no-demo or TANDEM_DEMO=0 to skip the demo.)',
    '',
  ];
  return lines.join('\n');
}
