import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Activity, ActivityResponse, SubmitResult } from '../../../../shared/schemas/activities.ts';
import { isApiError } from '../../../lib/api.ts';
import { StaleResponse, saveResponse, storeMyResponse, submitResponse } from '../activities-api.ts';
import { offlineQueue } from '../../offline/queue.ts';
import { draftStore, newSubmissionId } from './draft-store.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error' | 'conflict';

export type Conflict<T> = { mine: T; theirs: ActivityResponse; theirsValue: T };

type Options<T> = {
  activity: Pick<Activity, 'id' | 'myResponse'>;
  userId: string;
  /** Server body → what the form edits. */
  decode: (body: Record<string, unknown>) => T;
  /** What the form edits → the request body. */
  encode: (value: T) => Record<string, unknown>;
  debounceMs?: number;
  /** Send the revision the edit started from, so a newer copy elsewhere is never overwritten. */
  detectConflicts?: boolean;
};

const RETRY_MS = 20_000;

const isNetworkError = (error: unknown) => isApiError(error) && error.status === 0;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A student's response as they work on it: saved as they type (debounced PUT), kept on the
 * device while the network is away and sent when it returns, restored after a reload, and
 * never overwriting a newer copy from another device without asking (409 → `conflict`).
 * Submits carry a submissionId kept on the device, so a retried submit never counts twice.
 */
export function useResponseDraft<T>({ activity, userId, decode, encode, debounceMs = 800, detectConflicts = true }: Options<T>) {
  const queryClient = useQueryClient();
  const activityId = activity.id;
  const server = activity.myResponse;

  // Decided once: what was on this device beats the server copy it was based on.
  const [initial] = useState(() => {
    const stored = draftStore.load(userId, activityId);
    if (stored) return { value: decode(stored.body), base: stored.baseRevision, restored: true };
    return { value: decode(server?.body ?? {}), base: server?.revision ?? 0, restored: false };
  });
  const [value, setValueState] = useState<T>(initial.value);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [lastResult, setLastResult] = useState<SubmitResult | null>(null);

  const valueRef = useRef(value);
  const baseRef = useRef(initial.base);
  const dirtyRef = useRef(initial.restored);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const againRef = useRef(false);
  const timerRef = useRef<number | undefined>(undefined);
  const conflictRef = useRef(false);
  const mountedRef = useRef(true);
  const encodeRef = useRef(encode);
  encodeRef.current = encode;
  const decodeRef = useRef(decode);
  decodeRef.current = decode;

  const remember = useCallback(
    (response: ActivityResponse) => {
      baseRef.current = response.revision;
      storeMyResponse(queryClient, response);
    },
    [queryClient],
  );

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timerRef.current);
    if (!dirtyRef.current || conflictRef.current) return;
    if (inFlightRef.current) {
      againRef.current = true;
      return;
    }
    const sent = encodeRef.current(valueRef.current);
    let done = () => {};
    inFlightRef.current = new Promise<void>((resolve) => (done = resolve));
    if (mountedRef.current) setState('saving');
    try {
      const response = await saveResponse(activityId, sent, detectConflicts ? baseRef.current : undefined);
      remember(response);
      if (same(encodeRef.current(valueRef.current), sent)) {
        dirtyRef.current = false;
        draftStore.clear(userId, activityId);
      } else {
        // Typed on while this was in flight: the draft kept on the device moves to the new base.
        draftStore.save(userId, activityId, { body: encodeRef.current(valueRef.current), baseRevision: baseRef.current, at: new Date().toISOString() });
        againRef.current = true;
      }
      if (mountedRef.current) {
        setError(null);
        setState('saved');
      }
    } catch (caught) {
      if (!mountedRef.current) return;
      if (caught instanceof StaleResponse) {
        conflictRef.current = true;
        setConflict({ mine: valueRef.current, theirs: caught.current, theirsValue: decodeRef.current(caught.current.body) });
        setState('conflict');
      } else if (isNetworkError(caught)) {
        setState('offline');
      } else {
        setError(caught);
        setState('error');
      }
    } finally {
      inFlightRef.current = null;
      done();
      if (againRef.current && dirtyRef.current && !conflictRef.current) {
        againRef.current = false;
        void flush();
      }
    }
  }, [activityId, detectConflicts, remember, userId]);

  const setValue = useCallback(
    (next: T | ((previous: T) => T), options: { immediate?: boolean } = {}) => {
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(valueRef.current) : next;
      valueRef.current = resolved;
      dirtyRef.current = true;
      setValueState(resolved);
      // On the device first: whatever happens to the request, this survives.
      draftStore.save(userId, activityId, { body: encodeRef.current(resolved), baseRevision: baseRef.current, at: new Date().toISOString() });
      if (conflictRef.current) return;
      setState(navigator.onLine ? 'saving' : 'offline');
      window.clearTimeout(timerRef.current);
      if (options.immediate) void flush();
      else timerRef.current = window.setTimeout(() => void flush(), debounceMs);
    },
    [activityId, debounceMs, flush, userId],
  );

  /** Conflict: keep this device's version, replacing the newer copy on the server. */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    baseRef.current = conflict.theirs.revision;
    conflictRef.current = false;
    setConflict(null);
    dirtyRef.current = true;
    void flush();
  }, [conflict, flush]);

  /** Conflict: take the server's copy and drop this device's draft. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const theirs = conflict.theirsValue;
    valueRef.current = theirs;
    setValueState(theirs);
    remember(conflict.theirs);
    dirtyRef.current = false;
    conflictRef.current = false;
    draftStore.clear(userId, activityId);
    // The offline queue's record of this conflict (shown in the header) is settled too.
    void offlineQueue.settled(activityId);
    setConflict(null);
    setState('saved');
  }, [activityId, conflict, remember, userId]);

  const sendSubmit = useCallback(
    async (submissionId: string, body: Record<string, unknown>): Promise<SubmitResult | null> => {
      setSubmitting(true);
      setSubmitError(null);
      try {
        const result = await submitResponse(activityId, body, submissionId);
        draftStore.clearSubmit(userId, activityId);
        remember(result.response);
        if (same(encodeRef.current(valueRef.current), body)) {
          dirtyRef.current = false;
          draftStore.clear(userId, activityId);
        }
        if (mountedRef.current) {
          setLastResult(result);
          setState('saved');
        }
        return result;
      } catch (caught) {
        if (isNetworkError(caught)) {
          // Kept with its id: sent again when the connection returns, counted once.
          if (mountedRef.current) setState('offline');
        } else {
          draftStore.clearSubmit(userId, activityId);
          if (mountedRef.current) setSubmitError(caught);
        }
        return null;
      } finally {
        if (mountedRef.current) setSubmitting(false);
      }
    },
    [activityId, remember, userId],
  );

  const submit = useCallback(async (): Promise<SubmitResult | null> => {
    window.clearTimeout(timerRef.current);
    const pending = { submissionId: newSubmissionId(), body: encodeRef.current(valueRef.current) };
    draftStore.saveSubmit(userId, activityId, pending);
    return sendSubmit(pending.submissionId, pending.body);
  }, [activityId, sendSubmit, userId]);

  // Whatever the device still holds (a draft, an unsent submit) goes out now and whenever the
  // connection comes back; a slow retry covers networks that never announce they are back.
  useEffect(() => {
    mountedRef.current = true;
    const resend = () => {
      const pending = draftStore.loadSubmit(userId, activityId);
      if (pending) void sendSubmit(pending.submissionId, pending.body);
      else if (dirtyRef.current) void flush();
    };
    resend();
    window.addEventListener('online', resend);
    const retry = window.setInterval(() => {
      if (navigator.onLine && (dirtyRef.current || draftStore.loadSubmit(userId, activityId))) resend();
    }, RETRY_MS);
    // Leaving the page: send what is waiting instead of holding it for the debounce.
    const onHide = () => {
      if (document.visibilityState === 'hidden' && dirtyRef.current) void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      mountedRef.current = false;
      window.removeEventListener('online', resend);
      window.clearInterval(retry);
      document.removeEventListener('visibilitychange', onHide);
      window.clearTimeout(timerRef.current);
      // Unmounting (navigating within the app): send the last edit now, after any save in
      // flight (whose new revision it builds on). If that fails, the device keeps the draft.
      if (!dirtyRef.current || conflictRef.current) return;
      const body = encodeRef.current(valueRef.current);
      void (inFlightRef.current ?? Promise.resolve())
        .then(() => saveResponse(activityId, body, detectConflicts ? baseRef.current : undefined))
        .then((response) => {
          draftStore.clear(userId, activityId);
          storeMyResponse(queryClient, response);
        })
        .catch(() => undefined);
    };
  }, [activityId, detectConflicts, flush, queryClient, sendSubmit, userId]);

  return {
    value,
    setValue,
    state,
    error,
    // "Mine" is what the form holds now: typing on while the choice is open is kept too.
    conflict: conflict ? { ...conflict, mine: value } : null,
    keepMine,
    takeTheirs,
    submit,
    submitting,
    submitError,
    lastResult,
    restored: initial.restored,
  };
}
