// Getting a file to main without one giant JSON body: the web host's streaming upload route (token, Host and
// Origin checks, 200 MB limit), the chunked IPC upload (Electron drag and drop), and files:pick with the
// system dialog (Electron's dialog mocked at its thin edge).

import fs from 'node:fs';
import { request } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { FileStore, UPLOAD_IDLE_MS } from '../../main/import/file-store';
import { startWebHost, type RunningWebHost } from '../../main/web/web-host';
import { startHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { adminSession } from '../helpers/auth';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

/** The session of the describe block that runs (each starts its own host and logs in). */
let session = '';

const electron = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  focused: null as unknown,
}));
vi.mock('electron', () => {
  const module = {
    dialog: { showOpenDialog: electron.showOpenDialog },
    BrowserWindow: { getFocusedWindow: () => electron.focused, getAllWindows: () => [] },
  };
  return { ...module, default: module };
});

const CSV = 'nip;tahun;periode;hasil_kerja;perilaku_kerja\n198503122010012004;2025;Tahunan;Sesuai Ekspektasi;Sesuai Ekspektasi\n';

describe('upload route of the web host', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let web: RunningWebHost;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'static'));
    host = await openTestHost(dir);
    web = await startWebHost({ host, staticDir: path.join(dir, 'static'), token: 'token-for-upload-tests-0123456' });
    session = await adminSession(host);
  });
  afterAll(async () => {
    await web.close();
    await host.close();
  });

  const upload = (body: string, headers: Record<string, string> = {}, name = 'skp.csv') =>
    fetch(`${web.url}api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session, ...headers }, body });

  it('streams the body to the file store and answers with a file id the preview accepts', async () => {
    const response = await upload(CSV);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, data: { name: 'skp.csv', size: Buffer.byteLength(CSV), format: 'text' } });
    const preview = await host.call('import:preview', { fileId: body.data.fileId });
    expect(expectOk(preview)).toMatchObject({ kind: 'skp', counts: { rows: 1 } });
  });

  it('needs the token and a same-origin caller, like every /api call', async () => {
    const noToken = await fetch(`${web.url}api/upload?name=x.csv`, { method: 'POST', body: CSV });
    expect(noToken.status).toBe(401);
    const foreign = await upload(CSV, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: web.port, path: '/api/upload?name=x.csv', method: 'POST', headers: { Host: 'evil.example', Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session } }, (res) => resolve(res.statusCode ?? 0));
      req.end(CSV);
    });
    expect(status).toBe(421);
  });

  it('refuses 200 MB before reading the body, and needs a file name', async () => {
    const status = await new Promise<{ code: number; body: string }>((resolve) => {
      const req = request({ host: '127.0.0.1', port: web.port, path: '/api/upload?name=besar.csv', method: 'POST',
        headers: { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session, 'Content-Length': String(200_000_000) } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
      });
      req.on('error', () => undefined);
      req.write('nip;nama\n');
    });
    expect(status.code).toBe(413);
    expect(JSON.parse(status.body).error.message).toMatch(/terlalu besar/);
    const unnamed = await fetch(`${web.url}api/upload`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session }, body: CSV });
    expect(unnamed.status).toBe(400);
  });
});

/** A POST whose body is written piece by piece as the server accepts it; resolves with the answer (or the
 *  connection error), whatever the server does while the body is still being sent. */
function postStream(port: number, pathAndQuery: string, headers: Record<string, string>, pieces: number, piece: Buffer): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: pathAndQuery, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    let sent = 0;
    const pump = () => {
      while (sent < pieces) {
        sent++;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('hostile requests to the web host', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let web: RunningWebHost;
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'static'));
    fs.writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html><title>Jenjang</title>');
    host = await openTestHost(dir);
    web = await startWebHost({ host, staticDir: path.join(dir, 'static'), token: 'token-for-hostile-tests-012345', maxBodyBytes: 1024 * 1024 });
    session = await adminSession(host);
  });
  afterAll(async () => {
    await web.close();
    await host.close();
  });
  const leftovers = () => {
    const folder = host.services.files.temporaryFolder;
    return folder && fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  };

  it('a chunked upload that turns malformed mid-stream: the host survives and keeps no temporary file', async () => {
    // An unhandled stream error would kill a web host process; here it would reach the test process.
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    onTestFinished(() => void process.off('uncaughtException', onUncaught));
    for (let attempt = 0; attempt < 3; attempt++) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(web.port, '127.0.0.1', () => {
          socket.write(`POST /api/upload?name=rusak.csv HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nAuthorization: Bearer ${web.token}\r\nX-Jenjang-Session: ${session}\r\nTransfer-Encoding: chunked\r\n\r\n`);
          // Enough to fill the disk writer's buffer, so pieces are still waiting when the body breaks.
          const piece = Buffer.alloc(4 * 1024 * 1024, 'a');
          for (let i = 0; i < 8; i++) socket.write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]));
          socket.end('zz-bukan-ukuran\r\nsampah\r\n');
        });
        socket.on('data', () => undefined);
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const status = await fetch(`${web.url}api/app:status`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session }, body: '{}' });
    expect(status.status).toBe(200);
    expect(uncaught).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('malformed percent-encoding is a 400, not a 500', async () => {
    expect((await fetch(`${web.url}%`)).status).toBe(400);
    const api = await fetch(`${web.url}api/%E0%A4%A`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session }, body: '{}' });
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/tidak valid/) } });
  });

  it('a JSON body over the limit gets a structured 413, not a dropped connection', async () => {
    const answer = await postStream(web.port, '/api/app:status', { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, 24, Buffer.alloc(64 * 1024, ' '));
    expect(answer).toMatchObject({ status: 413 });
    expect(JSON.parse((answer as { body: string }).body)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/terlalu besar/) } });
  });

  it('a chunked upload of 200 MB or more gets a structured 413, and its temporary file is removed', async () => {
    const piece = Buffer.alloc(1024 * 1024, 'a');
    const answer = await postStream(web.port, '/api/upload?name=besar.csv', { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session, 'Transfer-Encoding': 'chunked' }, 192, piece);
    expect(answer).toMatchObject({ status: 413 });
    expect(JSON.parse((answer as { body: string }).body)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/terlalu besar/), details: { rejectedFile: true } } });
    expect(leftovers()).toEqual([]);
  });
});

describe('chunked upload over the dispatcher (Electron drag and drop)', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => {
    host = await openTestHost(dir);
  });
  afterAll(() => host.close());

  it('assembles the pieces in order and checks the announced size', async () => {
    const bytes = Buffer.from(CSV);
    const { uploadId } = expectOk(await host.call('files:beginUpload', { name: 'seret.csv', size: bytes.length }));
    expectOk(await host.call('files:appendUpload', { uploadId, offset: 0, base64: bytes.subarray(0, 20).toString('base64') }));
    const outOfOrder = await host.call('files:appendUpload', { uploadId, offset: 50, base64: bytes.subarray(50).toString('base64') });
    expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'validation' } });
    expectOk(await host.call('files:appendUpload', { uploadId, offset: 20, base64: bytes.subarray(20).toString('base64') }));
    const file = expectOk(await host.call('files:finishUpload', { uploadId }));
    expect(file).toMatchObject({ name: 'seret.csv', size: bytes.length, format: 'text' });
    expect(expectOk(await host.call('import:preview', { fileId: file.fileId })).kind).toBe('skp');
    expect(await host.call('files:beginUpload', { name: 'besar.csv', size: 250_000_000 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/terlalu besar/) } });
  });

  it('unfinished uploads are bounded: 300 begins without a finish keep a handful of handles and temporary files', async () => {
    const openHandles = () => fs.readdirSync('/proc/self/fd').length;
    const before = openHandles();
    for (let i = 0; i < 300; i++) expectOk(await host.call('files:beginUpload', { name: `tertinggal-${i}.csv`, size: 100 }));
    expect(host.services.files.pendingUploads).toBeLessThanOrEqual(4);
    expect(openHandles() - before).toBeLessThanOrEqual(4);
    const folder = host.services.files.temporaryFolder!;
    expect(fs.readdirSync(folder).filter((f) => f.includes('tertinggal')).length).toBeLessThanOrEqual(4);
  });

  it('an upload idle for more than ten minutes expires with its temporary file', async () => {
    let now = 1_000_000;
    const store = new FileStore({ now: () => now });
    try {
      const id = store.beginUpload('lambat.csv', 10);
      store.appendUpload(id, 0, Buffer.from('nip;'));
      now += UPLOAD_IDLE_MS + 1;
      expect(() => store.appendUpload(id, 4, Buffer.from('nama\n'))).toThrow(/kedaluwarsa/);
      expect(store.pendingUploads).toBe(0);
      expect(fs.readdirSync(store.temporaryFolder!)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('files:pick needs the desktop dialog', async () => {
    expect(await host.call('files:pick', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/hanya ada di aplikasi desktop/) } });
  });
});

describe('files:pick with the Electron dialog', () => {
  const dir = tempDir();

  it('opens the system dialog in main and registers the chosen file in place', async () => {
    const { electronFileDialog } = await import('../../main/app/file-dialog');
    const picked = path.join(dir, 'dipilih.csv');
    fs.writeFileSync(picked, CSV);
    const host = await startHost({ dbPath: path.join(dir, 'pick.sqlite'), transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, fileDialog: electronFileDialog() });
    try {
      electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [picked] });
      const file = expectOk(await host.call('files:pick', {}));
      expect(file).toMatchObject({ name: 'dipilih.csv', format: 'text' });
      expect(electron.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile'], filters: expect.arrayContaining([{ name: 'CSV atau Excel', extensions: ['csv', 'txt', 'xlsx'] }]) }));
      electron.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
      expect(expectOk(await host.call('files:pick', {}))).toBeNull();
    } finally {
      await host.close();
    }
  });
});
