// The main window, with the security baseline of STYLE.md §12.

import { BrowserWindow, session, shell, type WebPreferences } from 'electron';
import path from 'node:path';
import { APP_ORIGIN, isSafeExternalUrl } from './app-origin';

/** The security baseline of every Jenjang window (the main window and the hidden report window alike). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: 'Jenjang',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  hardenContents(window);
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export function hardenContents(window: BrowserWindow): void {
  const contents = window.webContents;
  // The app never navigates away from itself; links to the web open in the system browser.
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications, geolocation…: Jenjang needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function preloadPathFor(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
