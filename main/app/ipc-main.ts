// Electron transport: binds the dispatcher to ipcMain. The only place that calls ipcMain.handle.

import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../shared/ipc/window-api';
import type { JenjangHost } from '../host';
import { isTrustedSender } from './app-origin';

export function bindIpcMain(host: JenjangHost, windows: () => BrowserWindow[]): () => void {
  ipcMain.handle(ELECTRON_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Permintaan ditolak: pengirim bukan jendela Jenjang.' } };
    }
    // Each window is one client of the readers' fair queue.
    return host.dispatch(typeof channel === 'string' ? channel : '', payload, { client: `window-${event.sender.id}` });
  });
  const unsubscribe = host.onEvent((event) => {
    for (const window of windows()) if (!window.isDestroyed()) window.webContents.send(ELECTRON_EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ELECTRON_INVOKE_CHANNEL);
  };
}
