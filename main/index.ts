// Electron entry: lifecycle only. Everything else lives in transport-independent modules (host.ts).

import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors';
import { electronFileDialog } from './app/file-dialog';
import { bindIpcMain } from './app/ipc-main';
import { PrintWindowSessions } from './app/print-sessions';
import { resolveDatabasePath } from './db/database-path';
import { registerAppScheme, serveRenderer } from './app/protocol';
import { createElectronPdfPrinter } from './app/pdf-printer';
import { createMainWindow, denyAllPermissions, hardenEveryWebContents, preloadPathFor } from './app/window';
import { readersFromEnvironment, startHost, type JenjangHost } from './host';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
let host: JenjangHost | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenEveryWebContents();
  // Date pickers and number inputs in Indonesian (dd/mm/yyyy) whatever the operating system's language.
  app.commandLine.appendSwitch('lang', 'id');
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.whenReady().then(start).catch((error) => fail(error));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void host?.close());
}

async function start(): Promise<void> {
  denyAllPermissions();
  const dbPath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'));
  // npm start builds a better-sqlite3 for Electron's ABI beside the Node one the tests use (see launch/).
  // Reads run on worker threads beside the writer (JENJANG_READERS, default 2). The build puts the reader's
  // script beside this file (electron.vite.config.ts); from source the pool finds its TypeScript itself.
  const bundled = !fileURLToPath(import.meta.url).endsWith('.ts');
  host = await startHost({
    dbPath, transport: 'electron', nativeBinding: process.env.JENJANG_SQLITE_BINDING || undefined, fileDialog: electronFileDialog(),
    readers: readersFromEnvironment(), readerEntry: bundled ? path.join(mainDir, 'read-worker.js') : undefined,
  });
  serveRenderer(path.join(mainDir, '../renderer'));
  const printSessions = new PrintWindowSessions(host.sessions);
  host.setPrinter(createElectronPdfPrinter(preloadPathFor(mainDir), undefined, printSessions));
  bindIpcMain(host, () => BrowserWindow.getAllWindows(), printSessions);
  createMainWindow(preloadPathFor(mainDir));
}

function fail(error: unknown): void {
  const message = error instanceof AppError ? error.message : `Jenjang tidak dapat dimulai: ${(error as Error)?.message ?? String(error)}`;
  dialog.showErrorBox('Jenjang', message);
  app.exit(1);
}
