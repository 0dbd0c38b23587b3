import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useLocation } from 'react-router';

/**
 * A button that opens a panel beside it (the user menu, notifications, the connection panel):
 * open state and the refs to put on the wrapper and the button. The panel closes on a press
 * outside, on Escape (focus back on the button), when focus tabs out of it (`onBlur` on the
 * wrapper), and when the page changes.
 */
export function usePopover(initiallyOpen = false) {
  const [open, setOpen] = useState(initiallyOpen);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const location = useLocation();
  const path = useRef(location.pathname);
  useEffect(() => {
    if (path.current !== location.pathname) setOpen(false);
    path.current = location.pathname;
  }, [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // Tabbing out closes it, as a press elsewhere does. (No relatedTarget means a click, which the
  // pointer handler judges: Safari does not focus clicked buttons.)
  const onBlur = (event: FocusEvent) => {
    if (event.relatedTarget instanceof Node && !rootRef.current?.contains(event.relatedTarget)) setOpen(false);
  };

  return { open, setOpen, rootRef, buttonRef, onBlur };
}
