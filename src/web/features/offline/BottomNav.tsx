import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Icon } from '../../components/Icon.tsx';
import { useFormat } from '../account/use-format.ts';
import { useLiveWindows, useMyWork } from '../work/work-api.ts';
import { nextLive } from './next-live.ts';
import { OfflineIcon } from './OfflineIcon.tsx';
import '../../styles/offline.css';

/** Lessons asked about their live session: the student's, at most this many. */
const MAX_LESSONS = 12;

/**
 * Phones (≤ 640 px): "My work", Courses and the live room within a thumb's reach at the bottom
 * of the screen. The live item goes to the room open now, else to the next session's.
 */
export function BottomNav() {
  const { t } = useTranslation();
  const format = useFormat();
  const work = useMyWork();
  const lessons = (work.data?.lessons ?? []).slice(0, MAX_LESSONS);
  const windows = useLiveWindows(lessons.map((lesson) => lesson.lessonId));
  const live = nextLive(lessons, windows);

  return (
    <nav className="bottom-nav" aria-label={t('offline.nav.label')}>
      <ul className="bottom-nav-list">
        <li>
          <NavLink to="/work" className="bottom-nav-link">
            <Icon name="check" size={22} />
            <span>{t('work.nav')}</span>
          </NavLink>
        </li>
        <li>
          <NavLink to="/courses" className="bottom-nav-link">
            <Icon name="book" size={22} />
            <span>{t('nav.courses')}</span>
          </NavLink>
        </li>
        <li>
          {live ? (
            <NavLink to={`/lessons/${encodeURIComponent(live.lessonId)}/live`} className={live.now ? 'bottom-nav-link bottom-nav-link-now' : 'bottom-nav-link'}>
              <OfflineIcon name="live" size={22} />
              <span>{live.now ? t('offline.nav.liveNow') : t('offline.nav.live')}</span>
              <span className="visually-hidden">{t('offline.nav.nextLive', { title: live.title, when: format.dateTime(live.startsAt) })}</span>
              {live.now ? <span className="bottom-nav-dot" aria-hidden="true" /> : null}
            </NavLink>
          ) : (
            <span className="bottom-nav-link bottom-nav-link-none">
              <OfflineIcon name="live" size={22} />
              <span aria-hidden="true">{t('offline.nav.live')}</span>
              <span className="visually-hidden">{t('offline.nav.noLive')}</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
