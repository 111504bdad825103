import { useEffect, useRef } from 'react';

/** What counts as someone at the computer: any key, pointer or touch input, and scrolling. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` once after `minutes` without any input while `active`. One timer only: input merely notes the
 * time, and the timer, when it fires early, waits out the rest (a mouse move does not reschedule anything).
 */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;

  useEffect(() => {
    if (!active) return;
    const idleMs = minutes * 60_000;
    let lastInput = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const quiet = Date.now() - lastInput;
      if (quiet >= idleMs) callback.current();
      else timer = setTimeout(check, idleMs - quiet);
    };
    const noteInput = () => {
      lastInput = Date.now();
    };
    timer = setTimeout(check, idleMs);
    for (const type of INPUT_EVENTS) window.addEventListener(type, noteInput, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, noteInput, { capture: true });
    };
  }, [minutes, active]);
}
