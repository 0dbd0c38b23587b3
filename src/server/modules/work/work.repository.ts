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

// The columns of a WorkRow, in this order, in each element of the JSON array (PostgreSQL).
const COLUMNS = [
  'a.id',
  'a.title',
  'a.type',
  'a.phase',
  'a.required',
  'a.closed',
  'a.opens_at',
  'a.due_at',
  'a.estimated_minutes',
  'a.position',
  'l.id',
  'l.title',
  'l.position',
  'c.id',
  'c.title',
  'r.status',
  'r.late',
  'r.submitted_at',
] as const;
type Tuple = [string, string, string, string, number, number, string | null, string | null, number | null, number, string, string, number, string, string, WorkRow['status'], number | null, string | null];

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A total order: ties in the service's sorts keep the lesson's own order, the same on SQLite and
 * PostgreSQL and after a move (never the rows' physical order). Course title, course, lesson
 * position, activity position, activity, by code unit (SQLite's BINARY, PostgreSQL's C
 * collation). Sorted here rather than in SQL: 300 rows sorted by five keys were a third of
 * PostgreSQL's time for this query (docs/benchmarks.md), the database being the part of the
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
 * user's response status, in ONE query, whatever the number of courses and activities.
 *
 * On PostgreSQL the rows come back as one JSON array of arrays (json_agg): one value for the
 * driver to read instead of 300 rows × 17 columns, each parsed from text into a property of a new
 * object — 30 % less of the server's CPU per request (docs/benchmarks.md). On SQLite the same
 * JSON functions cost as much as they save, so it reads rows.
 */
export function createWorkRepository(db: Kysely<DB>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
  const base = (userId: string) =>
    db
      .selectFrom('activities as a')
      .innerJoin('course_members as m', (join) => join.onRef('m.course_id', '=', 'a.course_id').on('m.user_id', '=', userId).on('m.role', '=', 'student'))
      .innerJoin('courses as c', 'c.id', 'a.course_id')
      .innerJoin('lessons as l', 'l.id', 'a.lesson_id')
      .leftJoin('responses as r', (join) => join.onRef('r.activity_id', '=', 'a.id').on('r.user_id', '=', userId))
      .where('c.archived', '=', 0)
      .where('a.phase', 'in', ['pre', 'post'])
      // Targeted post-work and catch-up copies: only for the students they are given to.
      .where(visibleToStudent({ id: 'a.id', catchUp: 'a.catch_up_for_lesson_id' }, userId));
  return {
    async asyncActivitiesForStudent(userId: string): Promise<WorkRow[]> {
      if (!postgres) {
        return inOrder((await base(userId)
          .select([
            'a.id',
            'a.title',
            'a.type',
            'a.phase',
            'a.required',
            'a.closed',
            'a.opens_at',
            'a.due_at',
            'a.estimated_minutes',
            'a.position',
            'l.id as lesson_id',
            'l.title as lesson_title',
            'l.position as lesson_position',
            'c.id as course_id',
            'c.title as course_title',
            'r.status',
            'r.late',
            'r.submitted_at',
          ])
          .execute()) as WorkRow[]);
      }
      const found = await base(userId)
        .select(sql<Tuple[]>`coalesce(json_agg(json_build_array(${columns})), '[]'::json)`.as('rows'))
        .executeTakeFirstOrThrow();
      return inOrder(found.rows.map((t) => ({
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
        lesson_title: t[11],
        lesson_position: t[12],
        course_id: t[13],
        course_title: t[14],
        status: t[15],
        late: t[16],
        submitted_at: t[17],
      })));
    },
  };
}
export type WorkRepository = ReturnType<typeof createWorkRepository>;
