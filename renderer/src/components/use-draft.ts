import { useEffect, useRef, useState } from 'react';
import { useLeaveGuard } from '../app/router';

export interface Draft<T> {
  /** The working copy; null until the stored value has loaded. */
  draft: T | null;
  setDraft(next: T): void;
  /** The working copy differs from what was last loaded or saved. */
  dirty: boolean;
  /** After a successful save: the working copy (or what main answered) is the stored value now. */
  markSaved(value?: T): void;
  /** Back to the stored value. */
  discard(): void;
  /** Drops the working copy for the stored value, following it as it arrives ("Muat ulang" after another desk saved). */
  reset(): void;
}

/**
 * The working copy of a settings form. It follows the stored value as main announces changes, unless the
 * officer has edited it (their edits are kept), and while it holds unsaved edits, leaving the screen asks first.
 */
export function useDraft<T>(stored: T | undefined, leaveMessage?: string): Draft<T> {
  const [draft, setDraftState] = useState<T | null>(stored ?? null);
  const [saved, setSavedState] = useState<string | null>(stored === undefined ? null : JSON.stringify(stored));
  // What was last loaded or saved, as of the latest call rather than the latest render: the effect below may run
  // before a queued keystroke has rendered.
  const savedNow = useRef(saved);
  const setSaved = (json: string | null) => {
    savedNow.current = json;
    setSavedState(json);
  };
  const draftNow = useRef(draft);
  draftNow.current = draft;

  // Follows the stored value by its content, not its identity: forms build it inline on every render, and an
  // effect keyed on identity re-ran after every render, set the draft, rendered again, and so on — a render loop
  // that raced the officer's typing and could put a just-typed value back.
  const storedJson = stored === undefined ? undefined : JSON.stringify(stored);
  const latestStored = useRef(stored);
  latestStored.current = stored;
  useEffect(() => {
    const value = latestStored.current;
    if (value === undefined || storedJson === undefined) return;
    const before = savedNow.current;
    // "Untouched" is decided in the updater, on the working copy React holds now: React runs this effect before
    // it renders a keystroke typed just as the stored value arrived (a save's own re-read, another desk), and a
    // check against the last render's copy replaced that keystroke with the stored value.
    setDraftState((working) => (working === null || before === null || JSON.stringify(working) === before ? value : working));
    setSaved(storedJson);
  }, [storedJson]);

  const dirty = draft !== null && saved !== null && JSON.stringify(draft) !== saved;
  useLeaveGuard(dirty, leaveMessage);
  return {
    draft,
    setDraft: setDraftState,
    dirty,
    markSaved: (value) => {
      const next = value ?? draftNow.current;
      if (value !== undefined) setDraftState(value);
      setSaved(JSON.stringify(next));
    },
    discard: () => {
      const before = savedNow.current;
      if (before !== null) setDraftState(JSON.parse(before) as T);
    },
    reset: () => {
      // The latest stored value now (a reload that brings a newer one is then followed, the copy being untouched).
      const value = latestStored.current;
      setDraftState(value ?? null);
      setSaved(value === undefined ? null : JSON.stringify(value));
    },
  };
}
