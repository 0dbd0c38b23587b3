import type { z } from 'zod';
import type { AttendanceRow } from '../../../shared/schemas/live.ts';

type Member = { id: string; name: string; role: 'teacher' | 'student' };
type Visit = { user_id: string; joined_at: string; left_at: string | null };

/** Attendance per member from their visits; a visit still open counts until `until`. */
export function attendanceRows(roster: Member[], visits: Visit[], until: string): z.infer<typeof AttendanceRow>[] {
  return roster.map((member) => {
    const mine = visits.filter((v) => v.user_id === member.id).sort((a, b) => (a.joined_at < b.joined_at ? -1 : 1));
    const ms = mine.reduce((sum, v) => sum + Math.max(0, Date.parse(v.left_at ?? until) - Date.parse(v.joined_at)), 0);
    return {
      userId: member.id,
      name: member.name,
      role: member.role,
      present: mine.length > 0,
      firstJoinedAt: mine[0]?.joined_at ?? null,
      lastLeftAt: mine.length > 0 ? mine.map((v) => v.left_at ?? until).sort().at(-1)! : null,
      minutes: Math.round((ms / 60_000) * 10) / 10,
    };
  });
}
