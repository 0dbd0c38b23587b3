import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/schemas/courses.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Icon } from '../../components/Icon.tsx';
import { timeZoneLabel, timeZoneOffset } from '../../lib/format.ts';
import { useFormat } from '../account/use-format.ts';

type MemberListProps = { members: Member[]; currentUserId: string; label: string; onRemove?: (member: Member) => void };

/** People in a course, each with the time it is for them now: classes span time zones. */
export function MemberList({ members, currentUserId, label, onRemove }: MemberListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="member-list" aria-label={label}>
      {members.map((member) => (
        <li key={member.userId} className="member">
          <Avatar name={member.name} size="lg" />
          <div className="member-who">
            <p className="member-name">
              {member.name}
              {member.userId === currentUserId ? <Badge>{t('roster.you')}</Badge> : null}
            </p>
            <p className="member-email">{member.email}</p>
            <p className="member-joined muted">{t('roster.joined', { date: format.date(member.joinedAt) })}</p>
          </div>
          <div className="member-when">
            <p className="member-zone">
              <Icon name="globe" size={16} />
              <span>
                {timeZoneLabel(member.timeZone)} <span className="muted nowrap">({timeZoneOffset(member.timeZone)})</span>
              </span>
            </p>
            <p className="member-local muted">{t('roster.localTime', { time: format.timeIn(member.timeZone) })}</p>
          </div>
          {onRemove && member.userId !== currentUserId ? (
            <div className="member-actions">
              <Button variant="ghost" icon="trash" onClick={() => onRemove(member)} aria-label={t('roster.removeNamed', { name: member.name })}>
                {t('roster.remove')}
              </Button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
