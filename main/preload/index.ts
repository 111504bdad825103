// The preload: builds window.api over one IPC channel. Nothing else of Electron or Node reaches the page.
// Built as CommonJS because a sandboxed preload cannot be an ES module.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent } from '../../shared/ipc/events';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL, type WindowApi } from '../../shared/ipc/window-api';

const api = {
  transport: 'electron',
  invoke: (channel, request) => ipcRenderer.invoke(ELECTRON_INVOKE_CHANNEL, channel, request),
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(ELECTRON_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(ELECTRON_EVENT_CHANNEL, wrapped);
    };
  },
} satisfies WindowApi;

contextBridge.exposeInMainWorld('api', Object.freeze(api));
