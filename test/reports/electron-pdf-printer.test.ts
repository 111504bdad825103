// The Electron printer with Electron mocked at its edge (it cannot run on these machines): a hidden window with
// the main window's security settings, the print route from app://, the ready signal, printToPDF with A4 and
// the page's own margins, and the window destroyed whatever happens.

import { SYSTEM_ACTOR } from '../../shared/auth/acting';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WAIT_FOR_REPORT_STATE_SCRIPT } from '../../shared/reports/print-route';

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, unknown>; url?: string; destroyed: boolean; events: Map<string, unknown>; scripts: string[]; printed: unknown[] }>,
    /** What the page answers to the ready script. */
    pageState: (): Promise<unknown> => Promise.resolve({ state: 'ready', message: null }),
    printToPdf: (): Promise<Buffer> => Promise.resolve(Buffer.from('%PDF-1.4\n1 0 obj <</Type /Pages /Count 2>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type /Page >>\n%%EOF')),
  };
  class BrowserWindow {
    private readonly record: (typeof state.windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false, events: new Map(), scripts: [], printed: [] };
      state.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        on: (name: string, fn: unknown) => record.events.set(name, fn),
        setWindowOpenHandler: (fn: unknown) => record.events.set('window-open', fn),
        executeJavaScript: (code: string) => {
          record.scripts.push(code);
          return state.pageState();
        },
        printToPDF: (options: unknown) => {
          record.printed.push(options);
          return state.printToPdf();
        },
      };
    }
    async loadURL(url: string) {
      this.record.url = url;
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const module = { BrowserWindow, shell: { openExternal: () => undefined }, session: { defaultSession: {} } };
  return { state, module };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const { createElectronPdfPrinter } = await import('../../main/app/pdf-printer');
const { secureWebPreferences } = await import('../../main/app/window');

describe('Electron PDF printer (hidden window + printToPDF)', () => {
  beforeEach(() => {
    electron.state.windows.length = 0;
    electron.state.pageState = () => Promise.resolve({ state: 'ready', message: null });
  });

  it('prints the report route of app:// in a hidden, hardened window and destroys it', async () => {
    const phases: string[] = [];
    const printed = await createElectronPdfPrinter('/app/preload/index.cjs').print({
      actingAs: SYSTEM_ACTOR,
      reportId: 'proyeksi-pensiun', params: { unit: '12', fromYear: '2027' }, onPhase: (p) => phases.push(p),
    });
    const [window] = electron.state.windows;
    expect(window.options).toMatchObject({ show: false, width: 794 });
    expect(window.options.webPreferences).toEqual({ ...secureWebPreferences('/app/preload/index.cjs'), backgroundThrottling: false });
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window.url).toBe('app://jenjang/index.html#/cetak/proyeksi-pensiun?fromYear=2027&unit=12');
    expect(window.events.has('will-navigate')).toBe(true);
    expect((window.events.get('window-open') as (d: { url: string }) => unknown)({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(window.scripts).toEqual([WAIT_FOR_REPORT_STATE_SCRIPT]);
    expect(window.printed).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } }]);
    expect(printed.pages).toBe(2);
    expect(phases).toEqual(['Menyusun laporan', 'Mencetak PDF']);
    expect(window.destroyed).toBe(true);
  });

  it('reports the page\'s error and still destroys the window, without printing', async () => {
    electron.state.pageState = () => Promise.resolve({ state: 'error', message: 'Pegawai dengan NIP 19900101 201503 1 999 tidak ditemukan.' });
    await expect(createElectronPdfPrinter('/p').print({ actingAs: SYSTEM_ACTOR, reportId: 'profil-pegawai', params: { nip: '199001012015031999' } }))
      .rejects.toThrow('Pegawai dengan NIP 19900101 201503 1 999 tidak ditemukan.');
    expect(electron.state.windows[0].printed).toEqual([]);
    expect(electron.state.windows[0].destroyed).toBe(true);
  });

  it('destroys the window when printToPDF fails', async () => {
    const original = electron.state.printToPdf;
    electron.state.printToPdf = () => Promise.reject(new Error('printing failed'));
    try {
      await expect(createElectronPdfPrinter('/p').print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {} })).rejects.toThrow('printing failed');
      expect(electron.state.windows[0].destroyed).toBe(true);
    } finally {
      electron.state.printToPdf = original;
    }
  });

  it('gives up when the page never says it is ready, and destroys the window', async () => {
    electron.state.pageState = () => new Promise(() => undefined);
    await expect(createElectronPdfPrinter('/p', 50).print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {} })).rejects.toThrow(/tidak selesai disusun/);
    expect(electron.state.windows[0].destroyed).toBe(true);
  });

  it('stops between steps when the job is cancelled', async () => {
    const cancel = () => {
      throw Object.assign(new Error('Dibatalkan oleh pengguna.'), { code: 'cancelled' });
    };
    await expect(createElectronPdfPrinter('/p').print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {}, throwIfCancelled: cancel })).rejects.toThrow('Dibatalkan');
    expect(electron.state.windows[0].printed).toEqual([]);
    expect(electron.state.windows[0].destroyed).toBe(true);
  });
});
