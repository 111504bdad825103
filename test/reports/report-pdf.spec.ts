// Every report of the issue, printed headlessly on a demo district the way a user or a scheduled task does it
// (`npm run cli -- report NAME …`: the same web host and print route as "Ekspor PDF", in Debian's Chromium),
// then read back with poppler: page count, A4, letterhead, title, a known employee's NIP, "Halaman X dari Y",
// vector charts; page 1 is rendered to artifacts/reports/ for people to look at.

import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatNip } from '../../shared/domain/nip';
import { REPORT_IDS, REPORTS } from '../../shared/reports/catalogue';
import { expect, ROOT, test } from '../helpers/e2e-fixtures';
import { nodeEntryArgs } from '../helpers/node-build';
import { hasNumericAxis, hasVerticalAxis, pdfInfo, pdfRasterImages, pdfText, pdfWords, savePageImage } from '../helpers/pdf-tools';
import { headerRightEdges, renderPage } from './page-pixels';

const AS_OF = '2026-11-24';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [...nodeEntryArgs('cli'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** pdftotext keeps words but may break lines anywhere; compare with all whitespace squeezed. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

test.describe.configure({ mode: 'serial' });

test.describe('PDF reports on the demo district', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-reports-'));
  const db = path.join(dir, 'demo.sqlite');
  let known: { signatoryNip: string; profileNip: string; profileName: string; retireeNip: string; retireeName: string; unitId: number; unitName: string };

  test.beforeAll(() => {
    const demo = cli(['demo', '--db', db, '--employees', '2000', '--seed', '2026']);
    expect(demo.code, demo.stderr).toBe(0);
    const sqlite = openDatabaseFile(db, { readonly: true });
    const identity = JSON.parse((sqlite.prepare(`SELECT value FROM app_setting WHERE key = 'agency.identity'`).get() as { value: string }).value);
    const profile = sqlite.prepare(`SELECT e.nip, e.name FROM employee e WHERE e.status = 'active' AND (SELECT COUNT(*) FROM rank_history r WHERE r.employee_id = e.id) >= 3 ORDER BY e.id LIMIT 1`).get() as { nip: string; name: string };
    const retiree = sqlite.prepare(`SELECT nip, name FROM employee WHERE status = 'active' AND retirement_date >= '2027-01-01' AND retirement_date < '2028-01-01' ORDER BY retirement_date, name LIMIT 1`).get() as { nip: string; name: string };
    const unit = sqlite.prepare(`SELECT id, name FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`).get() as { id: number; name: string };
    sqlite.close();
    known = { signatoryNip: identity.signatoryNip, profileNip: profile.nip, profileName: profile.name, retireeNip: retiree.nip, retireeName: retiree.name, unitId: unit.id, unitName: unit.name };
  });
  test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const paramsFor = (reportId: string): string[] => {
    if (reportId === 'profil-pegawai' || reportId === 'peta-karier') return ['--param', `nip=${known.profileNip}`];
    if (reportId === 'proyeksi-pensiun') return [];
    return ['--param', `unit=${known.unitId}`];
  };

  // The berita acara is printed per Komite Talenta session and signed by the committee: test/talent/berita-acara.spec.ts.
  for (const reportId of REPORT_IDS.filter((id) => id !== 'berita-acara-talenta')) {
    test(`${reportId}: A4 PDF with letterhead, title, NIP, page numbers and signature`, () => {
      const out = path.join(dir, `${reportId}.pdf`);
      const run = cli(['report', reportId, '--db', db, '--out', out, '--as-of', AS_OF, '--json', ...paramsFor(reportId)]);
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout);
      const info = pdfInfo(out);
      expect(info.pageSize).toMatch(/\(A4\)/);
      expect(summary.pages).toBe(info.pages);
      expect(info.title).toBe(summary.title);
      const text = squeeze(pdfText(out));
      savePageImage(out, reportId);

      // Letterhead, title, date line, signature, page numbers on every page.
      expect(text).toContain('PEMERINTAH KABUPATEN SINDANGRAJA');
      expect(text).toContain('BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA');
      expect(text).toContain('Jalan Raya Sindangraja Nomor 17');
      expect(text).toContain(summary.title.toUpperCase());
      expect(text).toContain('Sindangraja, 24 November 2026');
      expect(text).toContain(`NIP ${formatNip(known.signatoryNip)}`);
      for (let page = 1; page <= info.pages; page++) expect(text).toContain(`Halaman ${page} dari ${info.pages}`);
      expect(pdfRasterImages(out)).toEqual([]);
      // The footer carries the data-quality index of the report's population (its unit, else the whole district).
      const scope = paramsFor(reportId).some((p) => p.startsWith('unit=')) ? known.unitName : 'semua perangkat daerah';
      const footers = text.match(new RegExp(`Indeks kualitas data populasi laporan \\(${scope.replace(/[()]/g, '\\$&')}, [\\d.]+ pegawai aktif\\): \\d+,\\d`, 'g')) ?? [];
      expect(footers).toHaveLength(info.pages);

      const headings: Record<string, string[]> = {
        'peta-kompetensi': ['RINGKASAN', 'PETA PANAS: RATA-RATA KESENJANGAN', 'KESENJANGAN TERBESAR', 'M.01'],
        'rekap-kinerja': ['RINGKASAN', 'TREN', 'PER UNIT KERJA', 'Sangat Baik'],
        'manajemen-talenta': ['RINGKASAN', 'KOTAK 9: KINERJA × POTENSIAL', 'KELOMPOK RENCANA SUKSESI', 'Kotak 9'],
        'rencana-suksesi': ['RINGKASAN', 'KEKOSONGAN KARENA PENSIUN PER TAHUN', 'JABATAN KRITIKAL DAN KEKUATAN SUKSESI', 'KANDIDAT PENGGANTI PER JABATAN'],
      };
      if (headings[reportId]) {
        expect(summary.status).toBe('ready');
        expect(text).toContain(`Unit kerja : ${known.unitName}`);
        for (const heading of headings[reportId]) expect(text).toContain(heading);
      }
      if (REPORTS[reportId].pending) {
        expect(summary.status).toBe('unavailable');
        expect(info.pages).toBe(1);
        expect(text).toContain('Data belum tersedia');
        expect(text).toContain(squeeze(REPORTS[reportId].pending!));
        expect(text).toContain(`Unit kerja : ${known.unitName}`);
        expect(run.stderr).toMatch(/Catatan: data laporan ini belum tersedia/);
      }
      if (reportId === 'profil-pegawai') {
        expect(info.pages).toBeGreaterThanOrEqual(2);
        expect(text).toContain(formatNip(known.profileNip));
        expect(text).toContain(known.profileName);
        for (const heading of ['RIWAYAT PANGKAT', 'RIWAYAT JABATAN', 'RIWAYAT KINERJA (SKP)', 'PROFIL KOMPETENSI']) expect(text).toContain(heading);
        // The rank chart: golongan labels (III/a, IV/b…) as a vector axis.
        expect(hasVerticalAxis(pdfWords(out, 1), /^(I|II|III|IV)\/[a-e]$/, 3)).toBe(true);
        expect(text).toContain('PENGEMBANGAN KOMPETENSI DAN DIKLAT');
        expect(text).toMatch(/Tahunan/);
      }
      if (reportId === 'peta-karier') {
        expect(summary.status).toBe('ready');
        expect(text).toContain(formatNip(known.profileNip));
        expect(text).toContain('POSISI SEKARANG');
        expect(text).toMatch(/Terpenuhi|Belum terpenuhi/);
        expect(text).toContain('Jenjang tidak menyimpan formasi');
      }
      if (reportId === 'proyeksi-pensiun') {
        expect(summary.title).toBe('Proyeksi Pensiun Pegawai ASN 2027–2031');
        expect(info.pages).toBeGreaterThanOrEqual(5);
        expect(text).toContain(formatNip(known.retireeNip));
        expect(text).toContain('Tahun 2027:');
        // Repeated table headers: the retiree list's header appears on each page it runs over.
        expect((text.match(/Nama \/ NIP/g) ?? []).length).toBeGreaterThan(2);
        // The chart on page 1 is drawn as vectors: its y-axis tick labels are text, right-aligned in a column.
        expect(hasNumericAxis(pdfWords(out, 1))).toBe(true);
      }
    });
  }
});

test.describe('wide tables on paper', () => {
  test.use({ demoEmployees: 2000 });

  test('keep their right border inside the printable area (ten year columns, and full-width tables)', async ({ jenjang }) => {
    const dpi = 150;
    const clipX = Math.floor(((210 - 18) / 25.4) * dpi); // right edge of the content area: A4 minus the 18 mm right margin
    for (const [name, params] of [['proyeksi-pensiun', ['--param', 'years=10']], ['rencana-suksesi', []]] as const) {
      const out = path.join(path.dirname(jenjang.dbPath), `${name}-lebar.pdf`);
      const run = cli(['report', name, '--db', jenjang.dbPath, '--out', out, '--as-of', AS_OF, ...params]);
      expect(run.code, run.stderr).toBe(0);
      const pages = Math.min(3, pdfInfo(out).pages);
      let headerRows = 0;
      for (let page = 1; page <= pages; page++) {
        const edges = headerRightEdges(renderPage(out, page, dpi), clipX);
        headerRows += edges.length;
        expect(edges.filter((e) => !e.borderInside), `${name}, page ${page}: header rows whose right border is cut off`).toEqual([]);
      }
      expect(headerRows, `${name}: the pages checked show table headers`).toBeGreaterThan(0);
    }
  });
});

test.describe('a report without data', () => {
  test.use({ demoEmployees: 0 });

  test('says so on the page instead of printing zeros, and says the letterhead is not set', async ({ jenjang }) => {
    const out = path.join(path.dirname(jenjang.dbPath), 'kosong.pdf');
    const run = cli(['report', 'proyeksi-pensiun', '--db', jenjang.dbPath, '--out', out, '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Catatan: tidak ada data untuk parameter ini/);
    const text = squeeze(pdfText(out));
    savePageImage(out, 'proyeksi-pensiun-kosong');
    expect(pdfInfo(out).pages).toBe(1);
    expect(text).toContain('PROYEKSI PENSIUN PEGAWAI ASN 2027–2031');
    expect(text).toContain('Belum ada data pegawai aktif di database ini');
    expect(text).toContain('Identitas instansi belum diatur');
    expect(text).toContain('Halaman 1 dari 1');
    expect(text).not.toMatch(/Pensiun per tahun|RINGKASAN/);
  });
});
