import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { ApiError, call, onAppEvent, onSessionRestored } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a channel and keeps the answer; calls again when `request` changes (compared as JSON) or when main
 * announces a data change in one of `refreshOn`. Stale answers (from an older request) are dropped.
 */
export function useApi<C extends Channel>(channel: C, request: RequestOf<C> | null, refreshOn: string[] = []): ApiState<ResponseOf<C>> {
  const [data, setData] = useState<ResponseOf<C>>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(request !== null);
  const [tick, setTick] = useState(0);
  const key = request === null ? null : JSON.stringify(request);
  const sequence = useRef(0);

  useEffect(() => {
    if (key === null) return;
    const mine = ++sequence.current;
    setLoading(true);
    call(channel, JSON.parse(key) as RequestOf<C>)
      .then((result) => {
        if (mine !== sequence.current) return;
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => {
        if (mine !== sequence.current) return;
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
      })
      .finally(() => {
        if (mine === sequence.current) setLoading(false);
      });
  }, [channel, key, tick]);

  const scopes = refreshOn.join(',');
  useEffect(() => {
    if (!scopes) return;
    const wanted = scopes.split(',');
    return onAppEvent((event) => {
      if (event.type === 'data:changed' && (event.scope === 'all' || wanted.includes(event.scope))) setTick((t) => t + 1);
    });
  }, [scopes]);

  // An answer lost to an expired session (the idle lock, a session ended by the Administrator) is asked again
  // once the person has logged in again; answers that arrived keep their data, so forms built on them keep
  // their edits.
  const lostToSession = error?.code === 'unauthenticated' || error?.code === 'password_change_required';
  useEffect(() => {
    if (!lostToSession) return;
    return onSessionRestored(() => setTick((t) => t + 1));
  }, [lostToSession]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** A value that follows `value` after `delayMs` of quiet (search as you type). */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
