// The headless-Chromium printer against a real web host and a real Chromium, with a tiny stand-in for the
// renderer (so this runs without a renderer build): it checks the adapter's contract (ready signal, error and
// timeout, scoped token, cleanup), not the report layout, which test/reports/report-pdf.spec.ts covers.

import { SYSTEM_ACTOR } from '../../shared/auth/acting';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { findChromium } from '../../main/printing/chromium';
import { createChromiumPrinter } from '../../main/printing/chromium-printer';
import type { ReportPrinter } from '../../main/printing/printer';
import { startWebHost, type RunningWebHost } from '../../main/web/web-host';
import { AppError } from '../../shared/errors';
import { REPORT_MESSAGE_ATTRIBUTE, REPORT_PAGES_ATTRIBUTE, REPORT_STATE_ATTRIBUTE } from '../../shared/reports/print-route';
import { openTestHost, tempDir } from '../helpers/temp-db';

// The page follows the print route as the real print page does: on #/cetak it says "idle"; on a report route it
// calls reports:render with the token it was loaded with (and probes another channel), writes what it got with
// how many times the page was loaded, and signals through the same attributes.
const STAND_IN_PAGE = `
const token = new URLSearchParams(location.search).get('token');
const root = document.documentElement;
const loads = (window.loads = 1);
const call = (channel, body) => fetch('/api/' + channel, { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
async function follow() {
  const [route, query] = location.hash.slice(2).split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  const reportId = route.split('/')[1];
  if (!reportId) {
    document.body.textContent = '';
    root.setAttribute('${REPORT_STATE_ATTRIBUTE}', 'idle');
    return;
  }
  if (params.mode === 'never') return;
  if (params.mode === 'error') {
    root.setAttribute('${REPORT_MESSAGE_ATTRIBUTE}', 'Pegawai dengan NIP itu tidak ditemukan.');
    root.setAttribute('${REPORT_STATE_ATTRIBUTE}', 'error');
    return;
  }
  const render = await (await call('reports:render', { reportId, params: {} })).json();
  const probe = await call('app:status', {});
  document.body.textContent = 'Judul: ' + render.data.title + ' | status lain: ' + probe.status + ' | dimuat: ' + loads;
  root.setAttribute('${REPORT_PAGES_ATTRIBUTE}', '1');
  root.setAttribute('${REPORT_STATE_ATTRIBUTE}', 'ready');
}
window.addEventListener('hashchange', follow);
follow();
`;

describe('headless Chromium printer', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let web: RunningWebHost;
  let printer: ReportPrinter;
  const issued: string[] = [];

  beforeAll(async () => {
    // Like the end-to-end tests, these need a real Chromium; .ci/run installs Debian's.
    if (!findChromium()) throw new Error('No Chromium found: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.');
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html lang="id"><head><meta charset="utf-8"><script src="./print.js" defer></script></head><body></body></html>');
    fs.writeFileSync(path.join(staticDir, 'print.js'), STAND_IN_PAGE);
    host = await openTestHost(dir);
    web = await startWebHost({ host, staticDir });
    printer = createChromiumPrinter({
      baseUrl: web.url,
      issueToken: (ttlMs) => {
        const scoped = web.issueScopedToken(['reports:render'], ttlMs);
        issued.push(scoped.token);
        return scoped;
      },
      timeoutMs: 3_000,
    });
  });
  afterAll(async () => {
    await printer?.close();
    await web?.close();
    await host?.close();
  });

  const pdfText = (pdf: Buffer, name: string) => {
    const pdfPath = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(pdfPath, pdf);
    return execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  };
  const renderWith = (token: string) =>
    fetch(`${web.url}api/reports:render`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{"reportId":"rekap-kinerja"}' });

  it('prints the page once it says it is ready, with a token that opens reports:render only, and passes on the pages it fills', async () => {
    const phases: Array<[string, number | undefined]> = [];
    const printed = await printer.print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {}, onPhase: (p, pages) => phases.push([p, pages]) });
    expect(printed.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(printed.pages).toBe(1);
    expect(phases).toEqual([['Menyiapkan mesin cetak', undefined], ['Menyusun laporan', undefined], ['Mencetak PDF', 1]]);
    expect(pdfText(printed.pdf, 'stand-in')).toContain('Judul: Rekap Kinerja Pegawai ASN | status lain: 401');
  });

  it('keeps the loaded print page for the next print (no new page, no new token), and revokes its token when it closes', async () => {
    const tokensBefore = issued.length;
    const again = await printer.print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {} });
    expect(pdfText(again.pdf, 'again')).toContain('| dimuat: 1');
    expect(issued.length).toBe(tokensBefore);
    expect((await renderWith(issued.at(-1)!)).status).toBe(200);
    await printer.close();
    expect((await renderWith(issued.at(-1)!)).status).toBe(401);
  });

  it('prepares a print page ahead, which the next print uses', async () => {
    await printer.prepare!();
    const tokensBefore = issued.length;
    await printer.print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {} });
    expect(issued.length).toBe(tokensBefore);
  });

  it('passes the page\'s own error message on', async () => {
    await expect(printer.print({ actingAs: SYSTEM_ACTOR, reportId: 'profil-pegawai', params: { mode: 'error' } })).rejects.toThrow('Pegawai dengan NIP itu tidak ditemukan.');
  });

  it('gives up with a clear message when the page never becomes ready, and stays usable', async () => {
    const failure = await printer.print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: { mode: 'never' } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(/tidak selesai disusun dalam 3 detik/);
    expect((await printer.print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {} })).pages).toBe(1);
  });

  it('stops when the job is cancelled between steps', async () => {
    let checks = 0;
    const cancelled = printer.print({
      actingAs: SYSTEM_ACTOR,
      reportId: 'rekap-kinerja', params: {},
      throwIfCancelled: () => {
        if (++checks >= 1) throw new AppError('cancelled', 'Dibatalkan oleh pengguna.');
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('closes its browser and starts a new one on the next print', async () => {
    await printer.close();
    expect((await printer.print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {} })).pages).toBe(1);
  });

  it('says so in Indonesian when the browser cannot be started', async () => {
    const broken = createChromiumPrinter({ baseUrl: web.url, issueToken: () => web.issueScopedToken(['reports:render']), executablePath: path.join(dir, 'no-such-chromium') });
    await expect(broken.print({ actingAs: SYSTEM_ACTOR, reportId: 'rekap-kinerja', params: {} })).rejects.toThrow(/tidak dapat dijalankan untuk mencetak PDF/);
    await broken.close();
  });
});

