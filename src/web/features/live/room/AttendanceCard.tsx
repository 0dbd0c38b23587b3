import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card.tsx';
import { useLiveAttendance } from '../live-api.ts';
import { useRoom } from './room-context.tsx';

/**
 * Teachers: who is here now (from the room), who came and left, who has not come (from the
 * attendance record, refreshed whenever someone arrives or leaves).
 */
export function AttendanceCard() {
  const { t } = useTranslation();
  const { view, lessonId } = useRoom();
  const attendance = useLiveAttendance(lessonId);
  const presentKey = view.present.map((m) => m.userId).join(',');
  const { refetch } = attendance;
  useEffect(() => {
    void refetch();
  }, [presentKey, refetch]);

  const presentIds = new Set(view.present.map((m) => m.userId));
  const students = (attendance.data ?? []).filter((row) => row.role === 'student');
  const here = view.present.filter((m) => m.role === 'student');
  const left = students.filter((row) => !presentIds.has(row.userId) && row.firstJoinedAt !== null);
  const absent = students.filter((row) => !presentIds.has(row.userId) && row.firstJoinedAt === null);

  return (
    <Card className="room-card attendance-card" title={t('live.attendance.title')} description={t('live.attendance.summary', { count: here.length, total: students.length || here.length })}>
      <ul className="attendance-list" aria-label={t('live.attendance.present')}>
        {here.map((m) => (
          <li key={m.userId} className="attendance-row" data-state="present">
            <span className="presence-dot presence-here" aria-hidden="true" />
            <span className="attendance-name">{m.name}</span>
            <span className="badge badge-success">{t('live.attendance.presentBadge')}</span>
          </li>
        ))}
        {left.map((row) => (
          <li key={row.userId} className="attendance-row" data-state="left">
            <span className="presence-dot presence-left" aria-hidden="true" />
            <span className="attendance-name">{row.name}</span>
            <span className="badge">{t('live.attendance.leftBadge')}</span>
          </li>
        ))}
      </ul>
      {absent.length > 0 ? (
        <details className="attendance-absent">
          <summary>{t('live.attendance.notYet', { count: absent.length })}</summary>
          <ul className="attendance-list">
            {absent.map((row) => (
              <li key={row.userId} className="attendance-row" data-state="absent">
                <span className="attendance-name">{row.name}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
