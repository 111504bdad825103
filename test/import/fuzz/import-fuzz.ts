// The import fuzzer: valid files written by the demo generator (a SIASN snapshot as "|", ";" and "," CSV and as
// XLSX with shared strings, an SKP CSV, a wide kompetensi XLSX), mutated by fast-check at the byte level (flips,
// insertions of quotes, separators and line breaks, deletions, repeats, truncation, very long runs) and, for
// XLSX, inside the workbook's XML (closing tags removed, cell and row references replaced, parts truncated) and
// in the ZIP container. Every case is imported in a child process (ImportSandbox) with a deadline, through the
// real dispatcher on a real database, and must end with a structured answer; a refused file must leave the
// database as it was. A commit of some accepted cases (then undone) exercises the write path on odd data too.
//
// Used by test/import/import-files.fuzz.ts (a few hundred cases in `npm test`, many thousands in `npm run fuzz`).

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoDistrict } from '../../../main/demo/generate';
import { kompetensiRows, SIASN_HEADER, siasnRows, skpRows, writeDelimited, type Row } from '../../../main/demo/import-files';
import { startHost } from '../../../main/host';
import { ZipArchive } from '../../../main/import/readers/zip';
import { fixedClock } from '../../../main/services/clock';
import { TEST_TODAY } from '../../today';
import type { ImportSandbox, SandboxAnswer } from '../../helpers/import-sandbox';
import { zipBuffer, type ZipInput } from '../../helpers/zip-writer';

export const FUZZ_EMPLOYEES = 80;
const SEED = 17;

// ---------------------------------------------------------------------------------------------------------
// Base files

export interface BaseFile {
  name: string;
  bytes: Buffer;
  /** XLSX: the parts, to mutate inside. */
  parts?: ZipInput[];
}

async function xlsxParts(file: string): Promise<ZipInput[]> {
  const archive = await ZipArchive.open(file, 1000);
  try {
    const parts: ZipInput[] = [];
    for (const entry of archive.entries.values()) {
      const pieces: Buffer[] = [];
      for await (const piece of archive.read(entry, 1e9)) pieces.push(piece);
      parts.push({ name: entry.name, data: Buffer.concat(pieces) });
    }
    return parts;
  } finally {
    archive.close();
  }
}

/** The valid files every case starts from, and a database of the same district to import them into. */
export async function prepareFuzz(dir: string): Promise<{ bases: BaseFile[]; templateDb: string }> {
  const district = generateDemoDistrict({ employees: FUZZ_EMPLOYEES, seed: SEED, asOf: TEST_TODAY });
  const rows = siasnRows(district) as Row[];
  // Next month's snapshot: a few promotions, one person gone, one newcomer.
  const snapshot = rows.filter((_, i) => i !== 3).map((r, i) => (i % 9 === 2 ? { ...r, gol_akhir_id: '33', gol_akhir_nama: 'III/c', tmt_golongan: '01-10-2026' } : r));
  snapshot.push({ ...rows[10], pns_id: 'FUZZ-1', nip_baru: '199805052026101001', nama: 'RAHMAT HIDAYAT', tanggal_lahir: '05-05-1998', jenis_kelamin: 'M', status_cpns_pns: 'C', tmt_cpns: '01-10-2026', tmt_pns: '' });
  const file = (name: string) => path.join(dir, name);
  writeDelimited(file('pipe.csv'), SIASN_HEADER, snapshot, { delimiter: '|' });
  writeDelimited(file('semi.csv'), SIASN_HEADER, snapshot, { delimiter: ';', encoding: 'utf-8-bom', titleLines: ['DATA UTAMA PNS'] });
  writeDelimited(file('comma.csv'), SIASN_HEADER, snapshot.map((r, i) => (i === 1 ? { ...r, nama: 'RENÉ "ACE" SIMANJUNTAK', alamat: 'Jl. Merdeka, No. 5\nRT 1' } : r)), { delimiter: ',', encoding: 'windows-1252' });
  writeDelimited(file('skp.csv'), ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja', 'predikat'], skpRows(district, 2025, 3), { delimiter: ';' });

  // XLSX through the in-memory writer: shared strings, as Excel itself writes them.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data Utama');
  sheet.addRow(['DATA UTAMA PNS']);
  sheet.addRow([...SIASN_HEADER]);
  for (const r of snapshot) sheet.addRow(SIASN_HEADER.map((c) => r[c] ?? ''));
  await workbook.xlsx.writeFile(file('siasn.xlsx'));
  const competency = new ExcelJS.Workbook();
  const wide = competency.addWorksheet('Kompetensi');
  const kRows = kompetensiRows(district, '2026-05-15', 2, 0.5);
  const kColumns = Object.keys(kRows[0]);
  wide.addRow(kColumns);
  for (const r of kRows) wide.addRow(kColumns.map((c) => r[c]));
  await competency.xlsx.writeFile(file('kompetensi.xlsx'));

  const bases: BaseFile[] = [];
  for (const name of ['pipe.csv', 'semi.csv', 'comma.csv', 'skp.csv']) bases.push({ name, bytes: fs.readFileSync(file(name)) });
  for (const name of ['siasn.xlsx', 'kompetensi.xlsx']) bases.push({ name, bytes: fs.readFileSync(file(name)), parts: await xlsxParts(file(name)) });

  const templateDb = file('fuzz-template.sqlite');
  const host = await startHost({ dbPath: templateDb, transport: 'test', clock: fixedClock(TEST_TODAY), log: () => undefined });
  // The agency identity holds the district's instansi, as after its first snapshot: the files match it.
  await host.services.demo.load({ employees: FUZZ_EMPLOYEES, seed: SEED, actor: 'fuzz', extensions: ['agency'] });
  await host.close();
  return { bases, templateDb };
}

// ---------------------------------------------------------------------------------------------------------
// Mutations

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const TOKENS = ['"', '""', '|', ';', ',', '\t', '\r', '\n', '\r\n', '\0', '\uFEFF', 'é', '€', '\uFFFD', "'", '=HYPERLINK("x")', '-', '@', '199999999999999999', '1e+17', '31-02-2020', 'III/f', '&amp;', '&#xFFFFFF;', '<', '>', '</', '_x000D_'];

export type ByteMutation =
  | { op: 'flip'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'token'; at: number; token: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'truncate'; at: number }
  | { op: 'longRun'; at: number; char: string; length: number }
  | { op: 'repeatLine'; at: number; times: number };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('token' as const), at: position, token: fc.constantFrom(...TOKENS) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 3000 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('repeat' as const), at: position, length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('longRun' as const), at: position, char: fc.constantFrom('x', '"', '|', ';', ','), length: fc.oneof(fc.integer({ min: 1_000, max: 40_000 }), fc.integer({ min: 1_900_000, max: 2_200_000 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeatLine' as const), at: position, times: fc.integer({ min: 2, max: 3_000 }) }) },
);

export type XmlMutation =
  | { op: 'dropTag'; part: number; tag: string; nth: number }
  | { op: 'attr'; part: number; attr: string; value: string; nth: number }
  | { op: 'bytes'; part: number; mutation: ByteMutation };

const XML_TAGS = ['</t>', '</c>', '</v>', '</row>', '</si>', '</rPh>', '</is>', '</sheetData>', '<sheetData>', '>', '"', '</sheet>', '</Relationship>', 'r:id'];
const ATTR_VALUES = ['ZZZZZZZ2', 'XFE1', 'XFD1', 'A0', 'abc', '-1', '0', '1048577', '99999999', '', 's', 'str', 'inlineStr', 'e', 'b', 'n', 'd', '1e400', '9999999999'];

const xmlMutation: fc.Arbitrary<XmlMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('dropTag' as const), part: fc.nat(), tag: fc.constantFrom(...XML_TAGS), nth: fc.nat({ max: 400 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('attr' as const), part: fc.nat(), attr: fc.constantFrom(' r="', ' t="', ' s="'), value: fc.constantFrom(...ATTR_VALUES), nth: fc.nat({ max: 400 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('bytes' as const), part: fc.nat(), mutation: byteMutation }) },
);

export type ZipMutation = { op: 'store' } | { op: 'lieSize'; part: number; size: number } | { op: 'zipBytes'; mutation: ByteMutation };

const zipMutation: fc.Arbitrary<ZipMutation> = fc.oneof(
  fc.record({ op: fc.constant('store' as const) }),
  fc.record({ op: fc.constant('lieSize' as const), part: fc.nat(), size: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 }), fc.constant(4_000_000_000)) }),
  fc.record({ op: fc.constant('zipBytes' as const), mutation: byteMutation }),
);

export interface FuzzCase {
  base: number;
  bytes: ByteMutation[];
  xml: XmlMutation[];
  zip: ZipMutation[];
  commit: boolean;
}

export function fuzzCase(baseCount: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    base: fc.integer({ min: 0, max: baseCount - 1 }),
    bytes: fc.array(byteMutation, { minLength: 0, maxLength: 4 }),
    xml: fc.array(xmlMutation, { minLength: 0, maxLength: 4 }),
    zip: fc.array(zipMutation, { minLength: 0, maxLength: 1 }),
    // A commit (then undone) for one case in six: the write path is slower than a preview.
    commit: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  });
}

/** A mutated file stays under this size: the limits of the import are tested by long runs and repeated lines,
 *  not by files that take the fuzzer itself minutes to write. */
const MAX_CASE_BYTES = 24_000_000;

const times = (piece: Buffer, wanted: number, before: number) => Math.max(1, Math.min(wanted, Math.floor((MAX_CASE_BYTES - before) / Math.max(1, piece.length))));

function applyBytes(input: Buffer, m: ByteMutation): Buffer {
  const at = Math.floor(m.at * (input.length + 1));
  switch (m.op) {
    case 'flip': {
      if (input.length === 0) return input;
      const out = Buffer.from(input);
      out[Math.min(at, input.length - 1)] = m.byte;
      return out;
    }
    case 'insert': return Buffer.concat([input.subarray(0, at), Buffer.from(m.bytes), input.subarray(at)]);
    case 'token': return Buffer.concat([input.subarray(0, at), Buffer.from(m.token, 'utf8'), input.subarray(at)]);
    case 'delete': return Buffer.concat([input.subarray(0, at), input.subarray(at + m.length)]);
    case 'repeat': {
      const piece = input.subarray(at, at + m.length);
      return Buffer.concat([input.subarray(0, at), ...Array.from({ length: times(piece, m.times, input.length) }, () => piece), input.subarray(at)]);
    }
    case 'truncate': return input.subarray(0, at);
    case 'longRun': return Buffer.concat([input.subarray(0, at), Buffer.alloc(Math.min(m.length, Math.max(0, MAX_CASE_BYTES - input.length)), m.char), input.subarray(at)]);
    case 'repeatLine': {
      // The line around `at`, repeated: the same NIP on many rows.
      const start = input.lastIndexOf(10, Math.max(0, at - 1)) + 1;
      const end = input.indexOf(10, at);
      const line = input.subarray(start, end < 0 ? input.length : end + 1);
      return Buffer.concat([input.subarray(0, start), ...Array.from({ length: times(line, m.times, input.length) }, () => line), input.subarray(start)]);
    }
  }
}

function nthIndex(text: string, needle: string, nth: number): number {
  let at = -1;
  let found = -1;
  for (let i = 0; i <= nth; i++) {
    const next = text.indexOf(needle, at + 1);
    if (next < 0) break;
    found = next;
    at = next;
  }
  return found;
}

function applyXml(parts: ZipInput[], m: XmlMutation): ZipInput[] {
  const xmlParts = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.name.endsWith('.xml') || p.name.endsWith('.rels'));
  const target = xmlParts[m.part % xmlParts.length].i;
  const part = parts[target];
  let data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data);
  if (m.op === 'bytes') data = applyBytes(data, m.mutation);
  else {
    const text = data.toString('utf8');
    if (m.op === 'dropTag') {
      const at = nthIndex(text, m.tag, m.nth);
      if (at >= 0) data = Buffer.from(text.slice(0, at) + text.slice(at + m.tag.length), 'utf8');
    } else {
      const at = nthIndex(text, m.attr, m.nth);
      if (at >= 0) {
        const start = at + m.attr.length;
        const end = text.indexOf('"', start);
        if (end >= 0) data = Buffer.from(text.slice(0, start) + m.value + text.slice(end), 'utf8');
      }
    }
  }
  return parts.map((p, i) => (i === target ? { ...p, data } : p));
}

export function buildCase(bases: BaseFile[], c: FuzzCase): { name: string; bytes: Buffer } {
  const base = bases[c.base];
  if (!base.parts) return { name: base.name, bytes: c.bytes.reduce(applyBytes, base.bytes) };
  let parts = c.xml.reduce(applyXml, base.parts);
  for (const z of c.zip) {
    if (z.op === 'store') parts = parts.map((p) => ({ ...p, store: true }));
    if (z.op === 'lieSize') parts = parts.map((p, i) => (i === z.part % parts.length ? { ...p, declaredSize: z.size } : p));
  }
  let bytes = zipBuffer(parts);
  for (const z of c.zip) if (z.op === 'zipBytes') bytes = applyBytes(bytes, z.mutation);
  // Byte mutations of a whole XLSX nearly always break the container; they are applied only to cases without
  // XML mutations, so that most XLSX cases reach the cell scanner.
  return { name: base.name, bytes: c.xml.length === 0 ? c.bytes.reduce(applyBytes, bytes) : bytes };
}

// ---------------------------------------------------------------------------------------------------------
// The property

/** Text that means a raw error escaped instead of a message written for people. */
const LEAK = /\b(TypeError|RangeError|SyntaxError|ReferenceError|undefined|NaN|Cannot (read|set)|is not a function|ENOENT|EPIPE|SQLITE_)/;

/** Why an answer breaks the contract, or null when it keeps it. */
export function violation(answer: SandboxAnswer): string | null {
  if (answer.outcome === 'timeout') return `no answer within the deadline (${answer.ms} ms)`;
  if (answer.outcome === 'died') return `the process died: ${answer.error?.message.slice(0, 600)}`;
  if (answer.outcome === 'crashed') return `unexpected exception: ${answer.error?.message.slice(0, 600)}`;
  if (answer.outcome === 'refused') {
    const error = answer.error!;
    if (!['validation', 'conflict', 'not_found'].includes(error.code)) return `refused with code ${error.code}: ${error.message}`;
    if (!error.message || LEAK.test(error.message)) return `a message not written for people: ${error.message}`;
    if (!answer.unchanged) return `the database changed although the file was refused: ${error.message}`;
    return null;
  }
  if (answer.outcome === 'previewed' && !answer.unchanged) return 'a preview changed the database';
  if (answer.longestMessage === -1) return 'the issues of the preview could not be listed';
  if (answer.outcome === 'committed' && answer.error) return `the commit could not be undone: ${answer.error.message}`;
  return null;
}

let written = 0;

/** One case through the sandbox: the answer, and why it breaks the contract (null when it keeps it). */
export async function runCase(run: { bases: BaseFile[]; dir: string; sandbox: ImportSandbox; deadlineMs: number }, c: FuzzCase): Promise<{ answer: SandboxAnswer; problem: string | null; size: number }> {
  const built = buildCase(run.bases, c);
  const file = path.join(run.dir, `kasus-${++written % 4}-${built.name}`);
  fs.writeFileSync(file, built.bytes);
  const answer = await run.sandbox.run({ file, name: built.name, commit: c.commit }, run.deadlineMs);
  return { answer, problem: violation(answer), size: built.bytes.length };
}

/** The cases of a seed: the suite runs them all and reports every violation, not only the first. */
export function sampleCases(baseCount: number, count: number, seed: number): FuzzCase[] {
  return fc.sample(fuzzCase(baseCount), { numRuns: count, seed });
}
