import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { visibleToStudent } from '../targets/visibility.ts';

/** One pre/post activity of the student's courses, with their response (status null: none). */
export type WorkRow = {
  id: string;
  title: string;
  type: string;
  phase: string;
  required: number;
  closed: number;
  opens_at: string | null;
  due_at: string | null;
  estimated_minutes: number | null;
  position: number;
  lesson_id: string;
  lesson_title: string;
  lesson_position: number;
  course_id: string;
  course_title: string;
  status: 'not_started' | 'in_progress' | 'done' | null;
  late: number | null;
  submitted_at: string | null;
};
type ActivityRow = Omit<WorkRow, 'lesson_title' | 'lesson_position' | 'course_title'>;
type LessonRow = { id: string; title: string; position: number; course_title: string };

// The columns of an ActivityRow, in this order, in each element of the JSON array (PostgreSQL).
const COLUMNS = ['a.id', 'a.title', 'a.type', 'a.phase', 'a.required', 'a.closed', 'a.opens_at', 'a.due_at', 'a.estimated_minutes', 'a.position', 'a.lesson_id', 'a.course_id', 'r.status', 'r.late', 'r.submitted_at'] as const;
type Tuple = [string, string, string, string, number, number, string | null, string | null, number | null, number, string, string, WorkRow['status'], number | null, string | null];

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A total order: ties in the service's sorts keep the lesson's own order, the same on SQLite and
 * PostgreSQL and after a move (never the rows' physical order). Course title, course, lesson
 * position, activity position, activity, by code unit (SQLite's BINARY, PostgreSQL's C
 * collation). Sorted here rather than in SQL: 300 rows sorted by five keys were a third of
 * PostgreSQL's time for this query (docs/benchmarks.md), and the database is the part of the
 * system that does not scale out.
 */
function inOrder(rows: WorkRow[]): WorkRow[] {
  return rows.sort(
    (x, y) =>
      compareText(x.course_title, y.course_title) ||
      compareText(x.course_id, y.course_id) ||
      x.lesson_position - y.lesson_position ||
      x.position - y.position ||
      compareText(x.id, y.id),
  );
}

/**
 * Every pre/post activity of the courses where the user is a student (not archived), with the
 * user's response status — in TWO queries, whatever the number of courses and activities: the
 * activities with the response, and the lessons of those courses with their course's title
 * (joined here: 30 lessons rather than the same titles read again for each of 300 rows).
 *
 * On PostgreSQL the activities come back as one JSON array of arrays (json_agg): one value for
 * the driver to read instead of 300 rows × 15 columns, each parsed from text into a property of
 * a new object. On SQLite the same JSON functions cost as much as they save, so it reads rows.
 * docs/benchmarks.md has the measurements.
 */
export function createWorkRepository(db: Kysely<DB>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
  const myCourses = (userId: string) =>
    db
      .selectFrom('course_members as m')
      .innerJoin('courses as c', 'c.id', 'm.course_id')
      .select('m.course_id')
      .where('m.user_id', '=', userId)
      .where('m.role', '=', 'student')
      .where('c.archived', '=', 0);
  const activities = (userId: string) =>
    db
      .selectFrom('activities as a')
      .leftJoin('responses as r', (join) => join.onRef('r.activity_id', '=', 'a.id').on('r.user_id', '=', userId))
      .where('a.course_id', 'in', myCourses(userId))
      .where('a.phase', 'in', ['pre', 'post'])
      // Targeted post-work and catch-up copies: only for the students they are given to.
      .where(visibleToStudent({ id: 'a.id', catchUp: 'a.catch_up_for_lesson_id' }, userId));

  async function activityRows(userId: string): Promise<ActivityRow[]> {
    if (!postgres) {
      return activities(userId)
        .select(['a.id', 'a.title', 'a.type', 'a.phase', 'a.required', 'a.closed', 'a.opens_at', 'a.due_at', 'a.estimated_minutes', 'a.position', 'a.lesson_id', 'a.course_id', 'r.status', 'r.late', 'r.submitted_at'])
        .execute() as Promise<ActivityRow[]>;
    }
    const found = await activities(userId)
      .select(sql<Tuple[]>`coalesce(json_agg(json_build_array(${columns})), '[]'::json)`.as('rows'))
      .executeTakeFirstOrThrow();
    return found.rows.map((t) => ({
      id: t[0],
      title: t[1],
      type: t[2],
      phase: t[3],
      required: t[4],
      closed: t[5],
      opens_at: t[6],
      due_at: t[7],
      estimated_minutes: t[8],
      position: t[9],
      lesson_id: t[10],
      course_id: t[11],
      status: t[12],
      late: t[13],
      submitted_at: t[14],
    }));
  }

  function lessonRows(userId: string): Promise<LessonRow[]> {
    return db
      .selectFrom('lessons as l')
      .innerJoin('courses as c', 'c.id', 'l.course_id')
      .select(['l.id', 'l.title', 'l.position', 'c.title as course_title'])
      .where('l.course_id', 'in', myCourses(userId))
      .execute();
  }

  return {
    async asyncActivitiesForStudent(userId: string): Promise<WorkRow[]> {
      const [rows, lessonList] = await Promise.all([activityRows(userId), lessonRows(userId)]);
      const lessons = new Map(lessonList.map((l) => [l.id, l]));
      const out: WorkRow[] = [];
      for (const row of rows as WorkRow[]) {
        const lesson = lessons.get(row.lesson_id);
        // A lesson deleted between the two reads: its activities went with it.
        if (!lesson) continue;
        row.lesson_title = lesson.title;
        row.lesson_position = Number(lesson.position);
        row.course_title = lesson.course_title;
        out.push(row);
      }
      return inOrder(out);
    },
  };
}
export type WorkRepository = ReturnType<typeof createWorkRepository>;
