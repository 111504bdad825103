// The Electron glue, with Electron itself mocked at its thin edge (it cannot run on these machines): the
// window's security settings, the single IPC channel, and the sender check in front of the dispatcher.

import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, isTrustedSender } from '../../main/app/app-origin';
import { tempDir } from '../helpers/temp-db';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const windows: Array<{ options: Record<string, unknown>; events: Map<string, unknown>; openHandler?: (d: { url: string }) => unknown; url?: string }> = [];
  let resolveWindow: () => void = () => undefined;
  const windowCreated = new Promise<void>((resolve) => (resolveWindow = resolve));
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record = { options, events: new Map<string, unknown>() } as (typeof windows)[number];
      windows.push(record);
      this.webContents = {
        on: (name: string, fn: unknown) => record.events.set(name, fn),
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (record.openHandler = fn),
        send: () => undefined,
      };
      // Like Electron: the app hears of every new webContents as it is created.
      for (const listener of appListeners.get('web-contents-created') ?? []) listener({}, this.webContents);
      this.loadURL = async (url: string) => {
        record.url = url;
        resolveWindow();
      };
    }
    loadURL: (url: string) => Promise<void>;
    once() {}
    show() {}
  }
  return {
    handlers, windows, windowCreated, BrowserWindow,
    module: {
      app: {
        requestSingleInstanceLock: () => true,
        on: (name: string, fn: (...args: unknown[]) => void) => appListeners.set(name, [...(appListeners.get(name) ?? []), fn]),
        commandLine: { appendSwitch: () => undefined }, quit: () => undefined, exit: () => undefined,
        whenReady: () => Promise.resolve(), getPath: () => '/nonexistent',
      },
      BrowserWindow,
      ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn), removeHandler: () => undefined },
      protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
      net: { fetch: async () => new Response('') },
      session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
      shell: { openExternal: vi.fn() },
      dialog: { showErrorBox: vi.fn() },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

describe('Electron main process glue', () => {
  const dir = tempDir();
  process.env.JENJANG_DB = path.join(dir, 'electron.sqlite');
  // The glue only: the reader threads behind the dispatcher are tested in readers.test.ts.
  process.env.JENJANG_READERS = '0';
  afterAll(() => {
    delete process.env.JENJANG_DB;
    delete process.env.JENJANG_READERS;
  });

  it('opens a window with isolation, sandbox and no Node integration, from app://', async () => {
    await import('../../main/index');
    await electron.windowCreated;
    const [window] = electron.windows;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(window.url).toBe('app://jenjang/index.html');
  });

  it('blocks navigation away from the app and denies new windows', () => {
    const [window] = electron.windows;
    const willNavigate = window.events.get('will-navigate') as (e: { preventDefault(): void }, url: string) => void;
    const event = { preventDefault: vi.fn() };
    willNavigate(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    willNavigate(inside, 'app://jenjang/index.html#/pegawai');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(window.openHandler!({ url: 'https://www.bkn.go.id/' })).toEqual({ action: 'deny' });
    expect(window.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('hardens a window created later by the app-wide guard, without the window asking for it', () => {
    const before = electron.windows.length;
    new electron.BrowserWindow({ show: false });
    const later = electron.windows[before];
    const willNavigate = later.events.get('will-navigate') as (e: { preventDefault(): void }, url: string) => void;
    const event = { preventDefault: vi.fn() };
    willNavigate(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
    const attach = { preventDefault: vi.fn() };
    (later.events.get('will-attach-webview') as (e: { preventDefault(): void }) => void)(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    expect(later.openHandler!({ url: 'https://www.bkn.go.id/' })).toEqual({ action: 'deny' });
  });

  it('answers trusted frames through the dispatcher and refuses others', async () => {
    const handler = electron.handlers.get('jenjang:invoke')!;
    const trusted = { senderFrame: { url: 'app://jenjang/index.html', parent: null }, sender: { id: 1 } };
    // Without the session the preload keeps, a trusted window is still unauthenticated.
    expect(await handler(trusted, 'app:status', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const login = (await handler(trusted, 'auth:setupAdministrator', { username: 'admin', fullName: 'Admin Uji', password: 'kata-sandi-admin-uji' })) as { ok: true; data: { token: string } };
    expect(login).toMatchObject({ ok: true, data: { session: { role: 'administrator' } } });
    const token = login.data.token;
    const status = (await handler(trusted, 'app:status', {}, token)) as { ok: boolean; data: { transport: string } };
    expect(status).toMatchObject({ ok: true, data: { transport: 'electron' } });
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { id: 2 } };
    expect(await handler(foreign, 'app:status', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const subframe = { senderFrame: { url: 'app://jenjang/index.html', parent: {} }, sender: { id: 1 } };
    expect(await handler(subframe, 'app:status', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler(trusted, 'employees:get', { id: -1 }, token)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('origin rules', () => {
  it.each([
    [{ url: 'app://jenjang/index.html', isMainFrame: true }, true],
    [{ url: 'app://jenjang/index.html', isMainFrame: false }, false],
    [{ url: 'app://other/index.html', isMainFrame: true }, false],
    [{ url: 'file:///index.html', isMainFrame: true }, false],
    [{ url: 'not a url', isMainFrame: true }, false],
    [null, false],
  ])('isTrustedSender(%o) = %s', (frame, expected) => {
    expect(isTrustedSender(frame)).toBe(expected);
  });

  it.each([['https://bkn.go.id', true], ['http://x.id', true], ['file:///etc/passwd', false], ['javascript:alert(1)', false], ['app://jenjang', false]])('isSafeExternalUrl(%s) = %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});
