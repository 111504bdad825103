import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGO_SVG } from '../../main/demo/agency-logo';
import { demoAgencyIdentity, demoSignatory } from '../../main/demo/agency.demo';
import { generateDemoDistrict } from '../../main/demo/generate';
import type { JenjangHost } from '../../main/host';
import { inspectLogo } from '../../shared/domain/logo';
import { ROOT } from '../helpers/paths';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

const SVG_LOGO = path.join(ROOT, 'assets/demo/logo-kabupaten-sindangraja.svg');
const PNG_LOGO = path.join(ROOT, 'assets/icon.png');
const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64');

/** A real, minimal PNG of the given size (one IDAT of zero rows), built byte by byte. */
function png(width: number, height: number, { truncate = false } = {}): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
  return truncate ? file.subarray(0, file.length - 20) : file;
}

describe('logo inspection (by content, never by name)', () => {
  it('accepts the demo SVG and a PNG, with their sizes', () => {
    expect(inspectLogo(fs.readFileSync(SVG_LOGO))).toEqual({ mimeType: 'image/svg+xml', width: 200, height: 240 });
    expect(inspectLogo(png(300, 320))).toEqual({ mimeType: 'image/png', width: 300, height: 320 });
    expect(inspectLogo(fs.readFileSync(PNG_LOGO)).mimeType).toBe('image/png');
    expect(inspectLogo(Buffer.from('<?xml version="1.0"?>\n<!-- logo -->\n<svg viewBox="0 0 10 20"><rect width="10" height="20"/></svg>\n'))).toMatchObject({ width: 10, height: 20 });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /kosong/],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /PNG atau SVG; berkas ini JPEG/],
    ['a PDF', Buffer.from('%PDF-1.7\n'), /berkas ini PDF/],
    ['plain text', Buffer.from('bukan gambar'), /tidak dikenali sebagai gambar SVG/],
    ['binary garbage', Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), /tidak dikenali/],
    ['an SVG with a script', Buffer.from('<svg viewBox="0 0 1 1"><script>alert(1)</script></svg>'), /skrip/],
    ['an SVG with an event handler', Buffer.from('<svg viewBox="0 0 1 1" onload="x()"></svg>'), /atribut peristiwa/],
    ['an SVG with an outside image', Buffer.from('<svg viewBox="0 0 1 1"><image href="https://example.com/a.png"/></svg>'), /dari luar/],
    ['an SVG with HTML inside', Buffer.from('<svg viewBox="0 0 1 1"><foreignObject></foreignObject></svg>'), /foreignObject/],
    ['an SVG without a size', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'), /viewBox/],
    ['a truncated PNG', png(100, 100, { truncate: true }), /terpotong/],
    ['a PNG that is too small to print', png(8, 8), /terlalu kecil/],
    ['a file over 1 MB', Buffer.concat([png(100, 100).subarray(0, 8), Buffer.alloc(1024 * 1024 + 1)]), /paling besar 1\.024 KB/],
  ])('refuses %s with a clear Indonesian message', (_what, bytes, message) => {
    expect(() => inspectLogo(bytes)).toThrow(message);
  });
});

describe('agency identity through the dispatcher', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => {
    host = await openTestHost(dir);
  });
  afterAll(() => host.close());

  it('starts empty and lists what a complete letterhead lacks', async () => {
    const settings = expectOk(await host.call('agency:get', {}));
    expect(settings.logo).toBeNull();
    expect(settings.identity.officeName).toBeNull();
    expect(settings.missing).toEqual(expect.arrayContaining(['Nama instansi', 'NIP penanda tangan', 'Logo']));
  });

  it('saves the identity, normalises the NIP, and audits each changed field', async () => {
    const saved = expectOk(await host.call('agency:update', {
      identity: {
        governmentName: '  Pemerintah Kota Contoh ', officeName: 'BKPSDM Kota Contoh', address: 'Jalan Merdeka 1', contact: '',
        datePlace: 'Contoh', signatoryPosition: 'Kepala BKPSDM', signatoryName: 'Budi Santoso, S.H.', signatoryRank: 'Pembina (IV/a)',
        signatoryNip: '19700312 199503 1 002',
      },
      version: expectOk(await host.call('agency:get', {})).version,
    }));
    expect(saved.identity).toMatchObject({ governmentName: 'Pemerintah Kota Contoh', contact: null, signatoryNip: '197003121995031002' });
    expect(saved.missing).toEqual(['Logo']);
    const audit = expectOk(await host.call('audit:list', { entity: 'settings' }));
    expect(audit.rows[0].summary).toMatch(/identitas instansi/);
    expect(audit.rows[0].changes.map((c) => c.field)).toEqual(expect.arrayContaining(['officeName', 'signatoryNip']));
  });

  it('refuses a malformed NIP and keeps the stored identity', async () => {
    const before = expectOk(await host.call('agency:get', {}));
    const result = await host.call('agency:update', { identity: { ...before.identity, signatoryNip: '1234' }, version: before.version });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.issues?.[0]).toMatchObject({ path: 'identity.signatoryNip', message: 'NIP penanda tangan harus 18 angka.' });
    expect(expectOk(await host.call('agency:get', {})).identity).toEqual(before.identity);
  });

  it('stores a valid logo as a data URL, refuses a bad one without touching the stored one, and removes it', async () => {
    const svg = fs.readFileSync(SVG_LOGO);
    const version = async () => expectOk(await host.call('agency:get', {})).version;
    const set = expectOk(await host.call('agency:setLogo', { fileName: 'C:\\Logo\\lambang.svg', base64: b64(svg), version: await version() }));
    expect(set.logo).toMatchObject({ fileName: 'lambang.svg', mimeType: 'image/svg+xml', bytes: svg.length, width: 200, height: 240 });
    expect(set.logo!.dataUrl).toBe(`data:image/svg+xml;base64,${b64(svg)}`);
    expect(set.missing).toEqual([]);

    const refused = await host.call('agency:setLogo', { fileName: 'foto.png', base64: b64(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), version: set.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(expectOk(await host.call('agency:get', {})).logo?.fileName).toBe('lambang.svg');

    expect(await version()).toBe(set.version);
    const replaced = expectOk(await host.call('agency:setLogo', { fileName: 'logo.png', base64: b64(png(400, 400)), version: set.version }));
    expect(replaced.logo).toMatchObject({ mimeType: 'image/png', width: 400 });
    const removed = expectOk(await host.call('agency:removeLogo', { version: replaced.version }));
    expect(removed.logo).toBeNull();
    const audit = expectOk(await host.call('audit:list', { entity: 'settings' }));
    expect(audit.rows.slice(0, 3).map((r) => r.summary)).toEqual([
      'Menghapus logo kop surat (logo.png)', expect.stringMatching(/^Mengganti logo kop surat: logo\.png/), expect.stringMatching(/^Memasang logo kop surat: lambang\.svg/),
    ]);
  });
});

describe('agency identity from two desks', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => { host = await openTestHost(dir); });
  afterAll(() => host.close());

  it('refuses a save made from an older form with who saved since and when, and writes nothing of it', async () => {
    const read = expectOk(await host.call('agency:get', {}));
    const first = expectOk(await host.call('agency:update', { identity: { ...read.identity, officeName: 'BKPSDM Meja Satu' }, version: read.version }));
    expect(first.version).toBe(read.version + 1);
    // The second desk read the same version before the first saved.
    const stale = await host.call('agency:update', { identity: { ...read.identity, officeName: 'BKPSDM Meja Dua' }, version: read.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: first.version } } });
    expect(!stale.ok && stale.error.message).toMatch(/^Identitas instansi ini sudah diubah oleh .+ pada \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\. Muat ulang, lalu ulangi perubahan Anda\.$/);
    // A logo change from the older form is refused the same way; the stored identity is the first desk's.
    const staleLogo = await host.call('agency:setLogo', { fileName: 'lambang.svg', base64: b64(fs.readFileSync(SVG_LOGO)), version: read.version });
    expect(staleLogo).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const now = expectOk(await host.call('agency:get', {}));
    expect(now).toMatchObject({ version: first.version, logo: null, identity: { officeName: 'BKPSDM Meja Satu' } });
  });
});

describe('demo agency identity', () => {
  const dir = tempDir();

  it('keeps the embedded demo logo identical to assets/demo', () => {
    expect(DEMO_LOGO_SVG).toBe(fs.readFileSync(SVG_LOGO, 'utf8'));
  });

  it('gives the demo district a complete letterhead signed by the head of its BKPSDM', async () => {
    const host = await openTestHost(dir, { demoEmployees: 600, seed: 7 });
    try {
      const settings = expectOk(await host.call('agency:get', {}));
      expect(settings.missing).toEqual([]);
      const district = generateDemoDistrict({ employees: 600, seed: 7, asOf: TEST_TODAY });
      expect(settings.identity).toEqual(demoAgencyIdentity(district));
      const [head] = await queryOn(host,
        `SELECT e.nip, e.status, p.name AS position FROM employee e JOIN position p ON p.id = e.position_id WHERE e.nip = ?`, [settings.identity.signatoryNip]);
      expect(head).toMatchObject({ status: 'active', position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' });
      expect(demoSignatory(district)?.position).toBe(head.position);
      expect(settings.logo).toMatchObject({ fileName: 'logo-kabupaten-sindangraja.svg', mimeType: 'image/svg+xml' });
    } finally {
      await host.close();
    }
  });

  // On a server too: the demo's settings are merged into app_setting there, never over a key already set.
  it('never overwrites an identity the office entered before loading the demo', async () => {
    const host = await openTestHost(dir);
    try {
      const mine = { governmentName: 'Pemerintah Kota Contoh', officeName: 'BKPSDM Kota Contoh', address: null, contact: null, datePlace: null, signatoryPosition: null, signatoryName: null, signatoryRank: null, signatoryNip: null };
      expectOk(await host.call('agency:update', { identity: mine, version: expectOk(await host.call('agency:get', {})).version }));
      await host.services.demo.load({ employees: 200, seed: 3, actor: 'tester' });
      const settings = expectOk(await host.call('agency:get', {}));
      expect(settings.identity).toEqual({ ...mine, instansiIndukId: null, instansiIndukName: null });
      expect(settings.logo?.fileName).toBe('logo-kabupaten-sindangraja.svg');
    } finally {
      await host.close();
    }
  });
});
