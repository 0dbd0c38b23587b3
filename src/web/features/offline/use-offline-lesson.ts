import { useCallback, useEffect, useState } from 'react';
import { OverBudget, offlineSupported, removeLessonOffline, saveLessonForOffline, savedLesson, type SavedLesson } from './offline-cache.ts';
import { useSavedVersion } from './use-connectivity.ts';

export type OfflineLessonState =
  | { status: 'unsupported' }
  | { status: 'loading' }
  | { status: 'idle'; saved: SavedLesson | null; error?: 'failed' | { overBudget: { needed: number; available: number } } }
  | { status: 'saving'; saved: SavedLesson | null };

/** "Make available offline" for one lesson: whether it is saved, and saving, refreshing, removing it. */
export function useOfflineLesson(userId: string, lessonId: string) {
  const supported = offlineSupported();
  const version = useSavedVersion();
  const [state, setState] = useState<OfflineLessonState>(supported ? { status: 'loading' } : { status: 'unsupported' });

  useEffect(() => {
    if (!supported) return;
    let live = true;
    savedLesson(userId, lessonId).then(
      (saved) => live && setState((previous) => (previous.status === 'saving' ? previous : { status: 'idle', saved })),
      () => live && setState({ status: 'idle', saved: null }),
    );
    return () => {
      live = false;
    };
  }, [supported, userId, lessonId, version]);

  const current = state.status === 'idle' || state.status === 'saving' ? state.saved : null;

  const save = useCallback(
    async (options: { videos?: boolean } = {}) => {
      setState({ status: 'saving', saved: current });
      try {
        const saved = await saveLessonForOffline(userId, lessonId, { videos: options.videos === true });
        setState({ status: 'idle', saved });
        return true;
      } catch (error) {
        if (error instanceof OverBudget) setState({ status: 'idle', saved: current, error: { overBudget: { needed: error.needed, available: error.available } } });
        else setState({ status: 'idle', saved: current, error: 'failed' });
        return false;
      }
    },
    [current, lessonId, userId],
  );

  const remove = useCallback(async () => {
    await removeLessonOffline(userId, lessonId);
    setState({ status: 'idle', saved: null });
  }, [lessonId, userId]);

  return { state, save, remove };
}
