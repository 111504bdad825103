// The system's open-file dialog for `files:pick` (Electron only). A thin adapter: the handler and the
// FileStore behind it are transport-independent and tested without Electron.

import { BrowserWindow, dialog } from 'electron';
import type { FileDialog } from '../ipc/handler-types';

export function electronFileDialog(): FileDialog {
  return {
    async openFile({ title, filters }) {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
  };
}
