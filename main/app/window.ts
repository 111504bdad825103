// The main window, with Electron's security baseline (isolation, sandbox, no Node in the page).

import { app, BrowserWindow, session, shell, type WebContents, type WebPreferences } from 'electron';
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

/**
 * The app-wide guard: every webContents Jenjang creates (the main window, the report printer's hidden window,
 * any window added later) gets the navigation rules the moment it exists, so no window can miss them. Must
 * run before the first window is created.
 */
export function hardenEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

const hardened = new WeakSet<WebContents>();

export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  // The app never navigates away from itself; links to the web open in the system browser.
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  // <webview> is off in every window's preferences; refuse one anyway should a page try to attach it.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The same hardening for one window (already applied by the app-wide guard; harmless to repeat). */
export function hardenContents(window: BrowserWindow): void {
  hardenWebContents(window.webContents);
}

/** No camera, microphone, notifications, geolocation…: Jenjang needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function preloadPathFor(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
