import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveIcon } from '../LiveIcon.tsx';

function mmss(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/**
 * A countdown to an instant (no server timer runs: only the end is stored). The digits are not
 * a live region, they would speak every second; `onEnd` lets the page announce the end once.
 */
export function Countdown({ endsAt, label, onEnd, large = false }: { endsAt: string; label: string; onEnd?: () => void; large?: boolean }) {
  const { t } = useTranslation();
  const end = Date.parse(endsAt);
  const [now, setNow] = useState(() => Date.now());
  const ended = useRef(Date.now() >= end);
  useEffect(() => {
    ended.current = Date.now() >= end;
    const timer = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (!ended.current && at >= end) {
        ended.current = true;
        onEnd?.();
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [end, onEnd]);
  const left = end - now;
  return (
    <p className={['countdown', large ? 'countdown-large' : '', left <= 0 ? 'countdown-done' : ''].filter(Boolean).join(' ')}>
      <LiveIcon name="timer" size={large ? 22 : 18} />
      <span className="countdown-label">{label}</span>
      <span className="countdown-digits" role="timer" aria-live="off">
        {left > 0 ? mmss(left) : t('live.timer.done')}
      </span>
    </p>
  );
}
