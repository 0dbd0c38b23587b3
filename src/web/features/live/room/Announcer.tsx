import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;
const AnnounceContext = createContext<Announce>(() => {});

const CLEAR_AFTER_MS = 8000;

/**
 * One polite live region for the room. Messages that come together are read as one sentence,
 * and the region empties after a while so the same news can be announced again later.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const queue = useRef<string[]>([]);
  const flush = useRef<number | undefined>(undefined);
  const clear = useRef<number | undefined>(undefined);

  const announce = useCallback<Announce>((text) => {
    if (!text) return;
    queue.current.push(text);
    window.clearTimeout(flush.current);
    // Gather what arrives within a moment (one command often brings several changes).
    flush.current = window.setTimeout(() => {
      const next = [...new Set(queue.current)].join(' ');
      queue.current = [];
      setMessage(next);
      window.clearTimeout(clear.current);
      clear.current = window.setTimeout(() => setMessage(''), CLEAR_AFTER_MS);
    }, 400);
  }, []);

  useEffect(
    () => () => {
      window.clearTimeout(flush.current);
      window.clearTimeout(clear.current);
    },
    [],
  );

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
