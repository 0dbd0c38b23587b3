import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { Icon } from '../../../components/Icon.tsx';
import type { ActivityOf } from '../activity-types.ts';
import { SaveStatus } from '../autosave/SaveStatus.tsx';
import { useResponseDraft } from '../autosave/use-response-draft.ts';
import { embedWithTracking, readPlayerMessage, startListening } from './embed-player.ts';

type Watch = { positionSeconds: number; durationSeconds: number | null; done: boolean };

const decode = (body: Record<string, unknown>): Watch => ({
  positionSeconds: typeof body.positionSeconds === 'number' ? body.positionSeconds : 0,
  durationSeconds: typeof body.durationSeconds === 'number' && body.durationSeconds > 0 ? body.durationSeconds : null,
  done: body.done === true,
});
const encode = (value: Watch) => ({
  positionSeconds: Math.max(0, Math.round(value.positionSeconds * 10) / 10),
  ...(value.durationSeconds ? { durationSeconds: value.durationSeconds } : {}),
  ...(value.done ? { done: true } : {}),
});

/** Save the position every few seconds of watching, not on every frame. */
const SAVE_EVERY_SECONDS = 5;

export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * A video with its place kept: the position saves while watching and playback resumes there;
 * the server marks it done at 90% watched. Uploaded files play in <video>; YouTube and Vimeo
 * report their time through their postMessage APIs (no third-party script is loaded).
 */
export function VideoTask({ activity, userId, locked }: { activity: ActivityOf<'video'>; userId: string; locked: boolean }) {
  const { t } = useTranslation();
  const draft = useResponseDraft({ activity, userId, decode, encode, detectConflicts: false });
  const { provider, embedUrl } = activity.content;
  const [resumeAt] = useState(() => (draft.value.positionSeconds > 1 ? draft.value.positionSeconds : 0));
  const [resumed, setResumed] = useState(false);
  const [mediaDuration, setMediaDuration] = useState<number | null>(null);
  const lastSent = useRef(draft.value.positionSeconds);
  const videoRef = useRef<HTMLVideoElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const setValue = draft.setValue;

  const response = activity.myResponse;
  const knownDuration = activity.content.durationSeconds ?? draft.value.durationSeconds ?? mediaDuration;
  const furthest = Math.max(typeof response?.body.furthestSeconds === 'number' ? response.body.furthestSeconds : 0, draft.value.positionSeconds);
  const watchedPercent = knownDuration ? Math.min(100, Math.round((100 * furthest) / knownDuration)) : null;
  const done = response?.status === 'done';

  const report = (position: number, duration: number | null, force: boolean) => {
    if (locked || !Number.isFinite(position)) return;
    if (!force && Math.abs(position - lastSent.current) < SAVE_EVERY_SECONDS) return;
    lastSent.current = position;
    setValue((value) => ({ ...value, positionSeconds: position, durationSeconds: duration && Number.isFinite(duration) ? duration : value.durationSeconds }), { immediate: true });
  };
  const reportRef = useRef(report);
  reportRef.current = report;

  // YouTube / Vimeo: ask the player to talk, then follow its time updates.
  useEffect(() => {
    if (provider === 'file') return;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frameRef.current?.contentWindow) return;
      const update = readPlayerMessage(provider, event.data);
      if (update) reportRef.current(update.seconds, update.duration, update.final);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [provider]);

  if (!embedUrl) return <Alert tone="error">{t('activity.video.missing')}</Alert>;

  return (
    <div className="task">
      <div className="video-frame">
        {provider === 'file' ? (
          <video
            ref={videoRef}
            src={embedUrl}
            controls
            preload="metadata"
            playsInline
            data-testid="video-player"
            onLoadedMetadata={(event) => {
              const video = event.currentTarget;
              if (Number.isFinite(video.duration) && video.duration > 0) setMediaDuration(video.duration);
              if (resumeAt > 0 && resumeAt < video.duration - 1) {
                video.currentTime = resumeAt;
                setResumed(true);
              }
            }}
            onTimeUpdate={(event) => report(event.currentTarget.currentTime, event.currentTarget.duration, false)}
            onPause={(event) => report(event.currentTarget.currentTime, event.currentTarget.duration, true)}
            onSeeked={(event) => report(event.currentTarget.currentTime, event.currentTarget.duration, true)}
            onEnded={(event) => report(event.currentTarget.duration, event.currentTarget.duration, true)}
          />
        ) : (
          <iframe
            ref={frameRef}
            src={embedWithTracking(provider, embedUrl, resumeAt)}
            title={activity.title}
            allow="encrypted-media; picture-in-picture; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            onLoad={() => {
              if (frameRef.current) startListening(provider, frameRef.current);
              if (resumeAt > 0) setResumed(true);
            }}
          />
        )}
      </div>
      <div className="video-status">
        {resumed ? <p className="muted">{t('activity.video.resumed', { time: formatClock(resumeAt) })}</p> : null}
        {watchedPercent !== null ? (
          <div className="meter-row">
            <meter className="meter" min={0} max={100} value={watchedPercent} aria-label={t('activity.video.watchedLabel')} />
            <span>{t('activity.video.watched', { percent: watchedPercent })}</span>
          </div>
        ) : null}
        {done ? (
          <p className="done-note">
            <Icon name="check" size={18} />
            {t('activity.video.done')}
          </p>
        ) : knownDuration ? (
          <p className="muted">{t('activity.video.doneAt')}</p>
        ) : (
          // Without a known length the server cannot judge 90%: the student says so.
          <Button icon="check" disabled={locked} onClick={() => setValue((value) => ({ ...value, done: true }), { immediate: true })}>
            {t('activity.video.markWatched')}
          </Button>
        )}
        {draft.state === 'offline' || draft.state === 'error' ? <SaveStatus state={draft.state} error={draft.error} /> : null}
      </div>
    </div>
  );
}
