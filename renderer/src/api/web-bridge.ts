// window.api for a plain browser (the web host): the same WindowApi the Electron preload provides, over
// fetch to /api/<channel> and server-sent events from /api/events. The token arrives once in the launch URL
// (?token=…), is kept in sessionStorage and removed from the address bar.

import type { AppEvent } from '../../../shared/ipc/events';
import type { WindowApi } from '../../../shared/ipc/window-api';

const TOKEN_KEY = 'jenjang.token';

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
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;

  const ensureEvents = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as AppEvent;
      for (const listener of listeners) listener(event);
    };
  };

  const api: WindowApi = {
    transport: 'web',
    async invoke(channel, request) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(request ?? {}),
        });
        return await response.json();
      } catch {
        return { ok: false, error: { code: 'offline', message: 'Tidak dapat menghubungi server Jenjang; pastikan `npm run start:web` masih berjalan.' } };
      }
    },
    onEvent(listener) {
      ensureEvents();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    uploadFile(file, name, onProgress) {
      // XMLHttpRequest rather than fetch: it reports upload progress. The body is the file itself, streamed.
      return new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/upload?name=${encodeURIComponent(name)}`);
        xhr.setRequestHeader('Authorization', `Bearer ${token}`);
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
