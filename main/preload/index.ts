// The preload: builds window.api over one IPC channel. Nothing else of Electron or Node reaches the page.
// Built as CommonJS because a sandboxed preload cannot be an ES module.
//
// The session token of this window lives here, in the preload's closure: kept from a successful auth:login or
// auth:setupAdministrator, sent with every invoke (main/app/ipc-main.ts hands it to the dispatcher), forgotten on
// auth:logout and when main answers that the session is gone.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL, type WindowApi } from '../../shared/ipc/window-api';

let sessionToken: string | undefined;

async function invoke(channel: string, request: unknown): Promise<Result<unknown>> {
  const result = (await ipcRenderer.invoke(ELECTRON_INVOKE_CHANNEL, channel, request, sessionToken)) as Result<unknown>;
  if (result.ok && (channel === 'auth:login' || channel === 'auth:setupAdministrator')) {
    const token = (result.data as { token?: unknown }).token;
    if (typeof token === 'string') sessionToken = token;
  } else if ((result.ok && channel === 'auth:logout') || (!result.ok && result.error.code === 'unauthenticated')) {
    sessionToken = undefined;
  }
  return result;
}

const api = {
  transport: 'electron',
  invoke: invoke as WindowApi['invoke'],
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(ELECTRON_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(ELECTRON_EVENT_CHANNEL, wrapped);
    };
  },
} satisfies WindowApi;

contextBridge.exposeInMainWorld('api', Object.freeze(api));
