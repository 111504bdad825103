// Electron transport: binds the dispatcher to ipcMain. The only place that calls ipcMain.handle.

import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../shared/ipc/window-api';
import type { JenjangHost } from '../host';
import { isTrustedSender } from './app-origin';
import type { PrintWindowSessions } from './print-sessions';

export function bindIpcMain(host: JenjangHost, windows: () => BrowserWindow[], printSessions?: PrintWindowSessions): () => void {
  ipcMain.handle(ELECTRON_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown, token: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Permintaan ditolak: pengirim bukan jendela Jenjang.' } };
    }
    // Each window is one client of the readers' fair queue. The session is the one the preload keeps for its
    // window, or for a hidden print window the one its print acts as.
    const session = printSessions?.tokenOf(event.sender.id) ?? (typeof token === 'string' ? token : undefined);
    return host.dispatch(typeof channel === 'string' ? channel : '', payload, { client: `window-${event.sender.id}`, transport: 'electron', session });
  });
  const unsubscribe = host.onEvent((event) => {
    for (const window of windows()) if (!window.isDestroyed()) window.webContents.send(ELECTRON_EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ELECTRON_INVOKE_CHANNEL);
  };
}
