// The CLI never prints a NIP in a message that is not about that row. Every command runs over the demo district
// (text and --json, successes and refusals), and every line it prints to stdout or stderr is checked:
//
//   - A NIP is 18 digits, written plain (198709022016062001) or grouped (19870902 201606 2 001).
//   - A row-level issue line is one line of an import's issue list: in text "  baris N[, kolom]: KESALAHAN|peringatan: …",
//     in --json one entry of `issues` (its `row` and `message`). It may name only the NIPs of row N of the file
//     that was imported (the NIP the row is about).
//   - A NIP the command was given on its own command line (report profil-pegawai --param nip=…) may be repeated in
//     the message about it (the caller already holds it; "Pegawai dengan NIP … tidak ditemukan").
//   - Every other line (summaries, counts, phases, notes, errors, the rest of a JSON answer) names no NIP at all.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, skpRows, writeDelimited } from '../../main/demo/import-files';
import { formatNip } from '../../shared/domain/nip';
import { DEMO_ACCOUNTS } from '../../main/services/accounts/demo-accounts';
import { runCli } from '../helpers/run-cli';
import { tempDir, TEST_TODAY } from '../helpers/temp-db';

const NIP_PATTERN = /(?<!\d)(\d{18}|\d{8} \d{6} \d \d{3})(?!\d)/g;
const ISSUE_LINE = /^ {2}baris (\d+)(, [^:]+)?: (KESALAHAN|peringatan): /;

const nipsIn = (text: string): string[] => [...text.matchAll(NIP_PATTERN)].map((m) => m[0].replace(/ /g, ''));

interface Run {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The row number of each data row of a written file (the header is row 1) → the NIPs that row holds. */
type RowNips = Map<number, string[]>;

const rowNipsOf = (rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): RowNips =>
  new Map(rows.map((row, i) => [i + 2, columns.map((c) => String(row[c] ?? '')).filter((v) => /^\d{18}$/.test(v))]));

/** Every NIP a run prints where it may not, as "line → NIP" for a readable failure. */
function leaks(run: Run, rowNips: RowNips | null): string[] {
  const given = new Set(run.args.flatMap(nipsIn));
  const found: string[] = [];
  const check = (where: string, text: string, allowed: ReadonlySet<string>) => {
    for (const nip of nipsIn(text)) if (!allowed.has(nip)) found.push(`${run.args[0]}: ${where} → ${nip}`);
  };
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    if (!line.trim()) continue;
    const issue = ISSUE_LINE.exec(line);
    if (issue && rowNips) {
      check(line, line, new Set([...(rowNips.get(Number(issue[1])) ?? []), ...given]));
      continue;
    }
    if (line.startsWith('{')) {
      const parsed = JSON.parse(line) as { issues?: Array<{ row: number; message: string }> };
      for (const entry of parsed.issues ?? []) check(`issue of row ${entry.row}: ${entry.message}`, JSON.stringify(entry), new Set([...(rowNips?.get(entry.row) ?? []), ...given]));
      check(line.slice(0, 200), JSON.stringify({ ...parsed, issues: undefined }), given);
      continue;
    }
    check(line, line, given);
  }
  return found;
}

describe('the CLI prints a NIP only in the message about that row', () => {
  const dir = tempDir();
  const db = path.join(dir, 'demo.sqlite');
  const file = (name: string) => path.join(dir, name);
  const district = generateDemoDistrict({ employees: 120, seed: 8, asOf: TEST_TODAY });
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}, options: { account?: boolean } = {}): Run => ({ args, ...runCli(args, env, options) });

  // The commands share one demo database and run in order; each group checks what it printed.
  const check = (runs: Array<{ run: Run; rows: RowNips | null }>) => expect(runs.flatMap(({ run, rows }) => leaks(run, rows))).toEqual([]);
  const run = (args: string[], expectedCode: number, env: NodeJS.ProcessEnv = {}): Run => {
    const result = cli(args, env);
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(expectedCode);
    return result;
  };

  it('in demo and stats, and their refusals', () => {
    check([
      { run: run(['demo', '--db', db, '--employees', '120', '--seed', '8'], 0), rows: null },
      { run: run(['demo', '--db', file('demo-json.sqlite'), '--employees', '20', '--json'], 0), rows: null },
      { run: run(['demo', '--db', db, '--employees', '120'], 1), rows: null }, // refused: the database holds data
      { run: run(['stats', '--db', db], 0), rows: null },
      { run: run(['stats', '--db', db, '--json'], 0), rows: null },
      { run: run(['stats', '--db', file('tidak-ada.sqlite')], 1), rows: null },
      { run: run(['plan', '--db', db, '--year', '2027', '--budget', '20000000'], 0), rows: null },
      { run: run(['plan', '--db', db, '--year', '2027', '--budget', '20000000', '--json'], 0), rows: null },
    ]);
  }, 180_000);

  it('in import: the issue list names only the row\'s own NIP, summaries and refusals none', () => {
    // A snapshot whose rows carry problems that name a NIP: the same NIP twice, an unreadable birth date.
    const siasn = siasnRows(district).map((row) => ({ ...row }));
    siasn[4] = { ...siasn[4], nip_baru: siasn[3].nip_baru };
    siasn[6] = { ...siasn[6], tanggal_lahir: '32-13-1980' };
    writeDelimited(file('snapshot.csv'), SIASN_HEADER, siasn, { delimiter: '|' });
    const siasnNips = rowNipsOf(siasn, ['nip_baru', 'nip_lama']);
    const dry = run(['import', file('snapshot.csv'), '--db', db, '--dry-run'], 0);
    expect(dry.stdout.split('\n').filter((line) => ISSUE_LINE.test(line))).toHaveLength(2); // the check has row-level lines to tell apart
    expect(nipsIn(dry.stdout)).toContain(siasn[3].nip_baru);

    // SKP rows for a NIP the database does not know, and the same record twice.
    const skp = skpRows(district, 2025, 1).map((row) => ({ ...row }));
    skp[2] = { ...skp[2], nip: '199901012020121999' };
    skp[5] = { ...skp[4] };
    writeDelimited(file('skp.csv'), ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja'], skp, { delimiter: ';' });
    const skpNips = rowNipsOf(skp, ['nip']);
    const skpRun = run(['import', file('skp.csv'), '--db', db, '--kind', 'skp'], 0);
    expect(nipsIn(skpRun.stdout)).toContain('199901012020121999');
    // Every row refused.
    writeDelimited(file('skp-asing.csv'), ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja'],
      [{ nip: '199901012020121998', tahun: 2025, periode: 'Tahunan', hasil_kerja: 'Sesuai Ekspektasi', perilaku_kerja: 'Sesuai Ekspektasi' }], { delimiter: ';' });
    const pimpinan = DEMO_ACCOUNTS.find((a) => a.role === 'pimpinan')!;
    check([
      { run: dry, rows: siasnNips },
      { run: run(['import', file('snapshot.csv'), '--db', db, '--dry-run', '--json'], 0), rows: siasnNips },
      { run: skpRun, rows: skpNips },
      // Already imported: the whole file is refused, in one line.
      { run: run(['import', file('skp.csv'), '--db', db, '--kind', 'skp', '--json'], 2), rows: skpNips },
      { run: run(['import', file('skp-asing.csv'), '--db', db, '--kind', 'skp'], 2), rows: new Map([[2, ['199901012020121998']]]) },
      // An account whose role may not import.
      { run: run(['import', file('snapshot.csv'), '--db', db, '--user', pimpinan.username], 1, { JENJANG_PASSWORD: pimpinan.password }), rows: siasnNips },
    ]);
  }, 180_000);

  it('in report: a register, the profile of one person named on the command line, an unknown NIP', () => {
    const someone = district.employees.find((e) => e.status === 'active')!.nip;
    const unknown = run(['report', 'profil-pegawai', '--db', db, '--out', file('tidak-ada.xlsx'), '--param', 'nip=199901012020121997'], 1);
    expect(unknown.stderr).toContain(formatNip('199901012020121997')); // the one NIP the caller gave, in the message about it
    check([
      { run: run(['report', 'daftar-nominatif', '--db', db, '--out', file('nominatif.xlsx'), '--param', 'unit=1'], 0), rows: null },
      { run: run(['report', 'proyeksi-pensiun', '--db', db, '--out', file('pensiun.xlsx'), '--json'], 0), rows: null },
      // The PDF goes through the headless printer, whose phases are printed too.
      { run: run(['report', 'profil-pegawai', '--db', db, '--out', file('profil.pdf'), '--param', `nip=${someone}`], 0), rows: null },
      { run: run(['report', 'profil-pegawai', '--db', db, '--out', file('profil.xlsx'), '--param', `nip=${someone}`, '--json'], 0), rows: null },
      { run: unknown, rows: null },
      { run: run(['report', 'daftar-nominatif', '--db', db, '--out', file('nominatif-2.xlsx')], 1), rows: null },
    ]);
  }, 240_000);

  it('in backup, restore and recover-key', () => {
    const init = run(['init', '--db', file('baru.sqlite'), '--json'], 0);
    const recoveryKey = (JSON.parse(init.stdout) as { recoveryKey: string | null }).recoveryKey;
    check([
      { run: run(['backup', '--db', db, '--out', file('cadangan.sqlite')], 0), rows: null },
      { run: run(['restore', '--db', file('pulih.sqlite'), '--from', file('cadangan.sqlite'), '--check', '--json'], 0), rows: null },
      { run: run(['restore', '--db', db, '--from', file('cadangan.sqlite'), '--yes'], 0), rows: null },
      { run: init, rows: null },
      ...(recoveryKey ? [{ run: run(['recover-key', '--recovery-key', recoveryKey, '--db', file('baru.sqlite')], 0), rows: null }] : []),
    ]);
  }, 180_000);

  it('the check itself tells a row-level line from any other (it finds a NIP outside an issue line)', () => {
    const nip = district.employees[0].nip;
    const other = district.employees[1].nip;
    const rows: RowNips = new Map([[2, [nip]]]);
    const run = (stdout: string): Run => ({ args: ['import'], code: 0, stdout, stderr: '' });
    expect(leaks(run(`  baris 2, nip: KESALAHAN: NIP ${nip} tidak terdaftar.`), rows)).toEqual([]);
    expect(leaks(run(`  baris 2, nip: KESALAHAN: NIP ${other} sudah dipakai.`), rows)).toHaveLength(1);
    expect(leaks(run(`Masalah di NIP ${formatNip(nip)}.`), rows)).toHaveLength(1);
    expect(leaks(run(JSON.stringify({ rows: 1, issues: [{ row: 2, message: `NIP ${nip}` }] })), rows)).toEqual([]);
    expect(leaks(run(JSON.stringify({ rows: 1, issues: [{ row: 3, message: `NIP ${nip}` }] })), rows)).toHaveLength(1);
  });
});
