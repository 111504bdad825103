// window.api for a plain browser (the web host): the same WindowApi the Electron preload provides, over
// fetch to /api/<channel> and server-sent events from /api/events. The token arrives once in the launch URL
// (?token=…), is kept in sessionStorage, removed from the address bar, and from then on travels only in the
// Authorization header. The event stream (an EventSource cannot send headers) opens with a one-use ticket
// the page buys with the token and its session just before connecting, and buys a new one whenever it has to
// reconnect. A page that has not logged in gets no ticket; it connects once a login succeeds and lets the
// stream go at log-out.
// The launch token proves the page came from this web host; the session token (from auth:login or
// auth:setupAdministrator) says who is acting. The bridge keeps the session token in sessionStorage (this tab
// only), sends it as X-Jenjang-Session, and forgets it on auth:logout or when the host answers
// `unauthenticated`. The page's own code never sees it: the bridge takes it out of the login answer.

import type { AppEvent } from '../../../shared/ipc/events';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { WindowApi } from '../../../shared/ipc/window-api';

const TOKEN_KEY = 'jenjang.token';
/** Where the tab keeps its session token (agreed with the test fixtures, which log in through the API). */
export const SESSION_KEY = 'jenjang.session';
/** Channels whose successful answer carries a new session token. */
const SESSION_OPENERS = new Set(['auth:login', 'auth:setupAdministrator']);
/** Waits before reconnecting the event stream: 1 s, doubling up to 15 s. */
const RECONNECT_MS = { first: 1_000, max: 15_000 };

export function installWebBridge(): void {
  if ((window as { api?: WindowApi }).api) return;
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  // This tab's name for the web host, which shares the database readers fairly between tabs.
  const client = crypto.randomUUID();
  const launchHeaders = { Authorization: `Bearer ${token}`, 'X-Jenjang-Client': client };
  const headersNow = (): Record<string, string> => {
    const session = sessionStorage.getItem(SESSION_KEY);
    return session ? { ...launchHeaders, 'X-Jenjang-Session': session } : launchHeaders;
  };
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  let connecting = false;
  let retryMs = RECONNECT_MS.first;
  let connectedBefore = false;

  const deliver = (event: AppEvent) => {
    for (const listener of listeners) listener(event);
  };

  const connectEvents = async () => {
    if (source || connecting) return;
    connecting = true;
    try {
      const response = await fetch('/api/events/ticket', { method: 'POST', headers: { ...headersNow(), 'Content-Type': 'application/json' }, body: '{}' });
      const body = (await response.json()) as { ok: boolean; data?: { ticket: string } };
      // No ticket for a token that opens no event stream (the print page's) nor for a page not logged in; a login
      // connects again.
      if (!body.ok || !body.data) return;
      const opened = new EventSource(`/api/events?ticket=${encodeURIComponent(body.data.ticket)}`);
      source = opened;
      opened.onopen = () => {
        retryMs = RECONNECT_MS.first;
        // Changes announced while the stream was down were missed: every open page reloads once.
        if (connectedBefore) deliver({ type: 'data:changed', scope: 'all' });
        connectedBefore = true;
      };
      opened.onmessage = (message) => deliver(JSON.parse(message.data) as AppEvent);
      opened.onerror = () => {
        // The browser would retry with the same, already spent ticket; reconnect with a new one instead.
        opened.close();
        if (source === opened) source = null;
        scheduleReconnect();
      };
    } catch {
      scheduleReconnect();
    } finally {
      connecting = false;
    }
  };

  const disconnectEvents = () => {
    source?.close();
    source = null;
  };

  const scheduleReconnect = () => {
    if (listeners.size === 0) return;
    setTimeout(() => void connectEvents(), retryMs);
    retryMs = Math.min(retryMs * 2, RECONNECT_MS.max);
  };

  const forgetSession = () => {
    sessionStorage.removeItem(SESSION_KEY);
    disconnectEvents();
  };

  const api: WindowApi = {
    transport: 'web',
    async invoke(channel, request) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { ...headersNow(), 'Content-Type': 'application/json' },
          body: JSON.stringify(request ?? {}),
        });
        const result = (await response.json()) as Result<ResponseOf<typeof channel>>;
        if (channel === 'auth:logout') forgetSession();
        if (result.ok && SESSION_OPENERS.has(channel)) {
          const { token: session, ...rest } = result.data as { token: string; session: unknown };
          sessionStorage.setItem(SESSION_KEY, session);
          disconnectEvents();
          if (listeners.size > 0) void connectEvents();
          return { ok: true, data: rest } as typeof result;
        }
        if (!result.ok && result.error.code === 'unauthenticated') forgetSession();
        return result;
      } catch {
        if (channel === 'auth:logout') forgetSession();
        return { ok: false, error: { code: 'offline', message: 'Tidak dapat menghubungi server Jenjang; pastikan `npm run start:web` masih berjalan.' } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      void connectEvents();
      return () => listeners.delete(listener);
    },
    uploadFile(file, name, onProgress) {
      // XMLHttpRequest rather than fetch: it reports upload progress. The body is the file itself, streamed.
      return new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/upload?name=${encodeURIComponent(name)}`);
        for (const [name, value] of Object.entries(headersNow())) xhr.setRequestHeader(name, value);
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.total);
        xhr.onload = () => {
          try {
            resolve(JSON.parse(xhr.responseText));
          } catch {
            resolve({ ok: false, error: { code: 'io', message: `Unggahan gagal (HTTP ${xhr.status}).` } });
          }
        };
        xhr.onerror = () => resolve({ ok: false, error: { code: 'offline', message: 'Unggahan terputus; pastikan `npm run start:web` masih berjalan.' } });
        xhr.send(file);
      });
    },
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
}
