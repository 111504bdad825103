// The honest raw baselines of `npm run bench`: the best a hand-written program does with the same rows and the
// same file on the machine the bench runs on, measured in the same run, so that Jenjang's figures read as a share
// of the limit rather than of a straw man.
//
// - rawLoad: a loader of rows into the app's schema: plain better-sqlite3, prepared statements, one transaction,
//   table by table; optionally with the secondary (non-unique) indexes and the name-search trigger set aside and
//   rebuilt in one statement each after the rows are in. The bench times both ways and takes the faster.
// - openBaselineDatabase: the same kind of file as the app's (its key and cipher scheme, WAL, the app's pragmas).
// - demoTables / importTables: the rows of the demo insert and of an import's write phase, as loader tables.
// - plainSplit / plainXlsxScan: reading a file with no checks at all (split on lines and the delimiter; for an
//   XLSX the worksheet inflated in one call and its cells' values cut out).
//
// Everything here is bench code: the app never runs it.

import fs from 'node:fs';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { IsoDate } from '../../shared/domain/dates';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import { DEMO_INSERTS } from '../demo/demo-writer';
import type { DemoDistrict } from '../demo/generate';
import { REFRESH_ALL_RETIREMENT_DATES } from '../db/sql/retirement.sql';
import { openPlainSqlite, openSqlite, type CipherScheme, type SqliteDatabase } from '../db/sqlite-connection';
import { EMPLOYEE_IMPORT_FIELDS, historyStart, type EmployeePlan } from '../import/kinds/pegawai';

/** One table of a load: its INSERT and its rows, handed to `insert` one parameter list at a time. */
export interface LoadTable {
  table: string;
  /** Rows of the history kind (narrow rows), counted apart from the wide employee rows. */
  narrow?: boolean;
  sql: string;
  rows(insert: (params: unknown[]) => void): void;
}

export type IndexStrategy = 'kept' | 'rebuilt';

export interface RawLoadResult {
  strategy: IndexStrategy;
  /** The whole load: rows, indexes, search index, `finish`, COMMIT, ANALYZE. */
  ms: number;
  rows: number;
  tables: Record<string, { rows: number; ms: number; narrow: boolean }>;
  /** Rebuilding the set-aside indexes and filling the name search index (0 when kept). */
  indexMs: number;
  finishMs: number;
  analyzeMs: number;
}

const NAME_SEARCH_TRIGGER = 'employee_fts_insert';

/**
 * Loads `tables` into `db` in one transaction; `finish` runs inside it after the rows (and indexes) are in.
 * 'rebuilt' sets aside the non-unique secondary indexes of the loaded tables and the name-search trigger, and
 * builds them back from the schema's own definitions before COMMIT. Does not close `db`.
 */
export function rawLoad(db: SqliteDatabase, tables: readonly LoadTable[], strategy: IndexStrategy, finish?: (db: SqliteDatabase) => void): RawLoadResult {
  const result: RawLoadResult = { strategy, ms: 0, rows: 0, tables: {}, indexMs: 0, finishMs: 0, analyzeMs: 0 };
  const started = performance.now();
  db.transaction(() => {
    const names = tables.map((t) => t.table);
    const indexes = strategy === 'rebuilt'
      ? db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
          AND tbl_name IN (${names.map(() => '?').join(', ')})`).all(...names) as Array<{ name: string; sql: string }>
      : [];
    const trigger = strategy === 'rebuilt' && names.includes('employee')
      ? (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(NAME_SEARCH_TRIGGER) as { sql: string } | undefined)?.sql ?? null
      : null;
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    if (trigger) db.exec(`DROP TRIGGER "${NAME_SEARCH_TRIGGER}"`);
    const firstEmployee = trigger ? ((db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM employee').get() as { n: number }).n + 1) : 0;

    for (const table of tables) {
      const statement = db.prepare(table.sql);
      let count = 0;
      const tableStart = performance.now();
      table.rows((params) => {
        statement.run(params);
        count++;
      });
      const entry = result.tables[table.table] ?? { rows: 0, ms: 0, narrow: table.narrow ?? false };
      result.tables[table.table] = { ...entry, rows: entry.rows + count, ms: entry.ms + performance.now() - tableStart };
      result.rows += count;
    }

    const indexStart = performance.now();
    for (const index of indexes) db.exec(index.sql);
    if (trigger) {
      db.exec(trigger);
      db.prepare('INSERT INTO employee_fts (rowid, name) SELECT id, name FROM employee WHERE id >= ?').run(firstEmployee);
    }
    result.indexMs = performance.now() - indexStart;
    const finishStart = performance.now();
    finish?.(db);
    result.finishMs = performance.now() - finishStart;
  })();
  const analyzeStart = performance.now();
  db.exec('ANALYZE');
  result.analyzeMs = performance.now() - analyzeStart;
  result.ms = performance.now() - started;
  return result;
}

/** The faster way of a baseline (by median), its median run and its rates. */
export function fasterBaseline(runs: Record<IndexStrategy, RawLoadResult[]>): { strategy: IndexStrategy; ms: number; run: RawLoadResult } {
  const medianRun = (results: RawLoadResult[]) => [...results].sort((a, b) => a.ms - b.ms)[Math.ceil(results.length / 2) - 1];
  const kept = medianRun(runs.kept);
  const rebuilt = medianRun(runs.rebuilt);
  const run = rebuilt.ms <= kept.ms ? rebuilt : kept;
  return { strategy: run.strategy, ms: run.ms, run };
}

export const STRATEGY_LABELS: Record<IndexStrategy, string> = {
  kept: 'indexes and search trigger kept during the load',
  rebuilt: 'secondary indexes and name search built after the load',
};

/** Employee rows (wide) and history rows (narrow) per second of their own insert loops. */
export function loadRates(result: RawLoadResult): { employeeRowsPerSecond: number; historyRowsPerSecond: number } {
  const narrow = Object.values(result.tables).filter((t) => t.narrow);
  const employees = result.tables.employee ?? { rows: 0, ms: 0 };
  const perSecond = (rows: number, ms: number) => (ms > 0 ? rows / (ms / 1000) : 0);
  return {
    employeeRowsPerSecond: perSecond(employees.rows, employees.ms),
    historyRowsPerSecond: perSecond(narrow.reduce((n, t) => n + t.rows, 0), narrow.reduce((n, t) => n + t.ms, 0)),
  };
}

/**
 * `file` opened the way the app opens its database: with its key in the app's cipher scheme (or plain when
 * `encrypted` is false, for the cost of encryption), WAL, synchronous NORMAL, the app's page cache and temp store,
 * foreign keys on (TypeORM's driver turns them on).
 */
export function openBaselineDatabase(file: string, encrypted: boolean): { db: SqliteDatabase; scheme: CipherScheme | null } {
  let db: SqliteDatabase;
  let scheme: CipherScheme | null = null;
  if (encrypted) {
    const opened = openSqlite(file, { fileMustExist: true });
    if (!opened.scheme) {
      opened.db.close();
      throw new Error(`${file} is not encrypted: the encrypted baseline needs a copy of an encrypted database`);
    }
    db = opened.db;
    scheme = opened.scheme;
  } else {
    db = openPlainSqlite(file, { fileMustExist: true });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  return { db, scheme };
}

/** The demo district's base rows, with the same INSERTs the demo writer runs (ids given by the generator). */
export function demoTables(district: DemoDistrict, now: string): LoadTable[] {
  const each = <T>(items: readonly T[], params: (item: T) => unknown[]) => (insert: (p: unknown[]) => void) => {
    for (const item of items) insert(params(item));
  };
  return [
    { table: 'unit', sql: DEMO_INSERTS.unit.sql, rows: each(district.units, DEMO_INSERTS.unit.params) },
    { table: 'position', sql: DEMO_INSERTS.position.sql, rows: each(district.positions, DEMO_INSERTS.position.params) },
    { table: 'employee', sql: DEMO_INSERTS.employee.sql, rows: each(district.employees, (e) => DEMO_INSERTS.employee.params(e, now)) },
    { table: 'position_history', narrow: true, sql: DEMO_INSERTS.positionHistory.sql, rows: each(district.positionHistory, (h) => DEMO_INSERTS.positionHistory.params(h, now)) },
    { table: 'rank_history', narrow: true, sql: DEMO_INSERTS.rankHistory.sql, rows: each(district.rankHistory, (h) => DEMO_INSERTS.rankHistory.params(h, now)) },
  ];
}

/** The demo writer's derived column the baseline fills too (TMT pensiun), in one statement. */
export function demoFinish(db: SqliteDatabase): void {
  db.exec(REFRESH_ALL_RETIREMENT_DATES);
}

/**
 * The data rows an import of `plan` writes into the database it was planned on (new units, positions and
 * employees with their TMT pensiun, each new employee's first position and rank rows), with ids the loader
 * numbers itself from the tables' current maxima. Changed and absent employees are not part of it (the
 * baseline is for a first snapshot; the bench's re-import has no baseline).
 */
export function importTables(db: SqliteDatabase, plan: EmployeePlan, today: IsoDate, now: string): LoadTable[] {
  const next = (table: string) => (db.prepare(`SELECT COALESCE(MAX(id), 0) AS n FROM ${table}`).get() as { n: number }).n + 1;
  let unitId = next('unit');
  let positionId = next('position');
  let employeeId = next('employee');
  let sortOrder = (db.prepare('SELECT COALESCE(MAX(sort_order), 0) AS n FROM unit').get() as { n: number }).n;
  const storedUnit = db.prepare('SELECT path, root_id, depth FROM unit WHERE id = ?');
  const ids = new Map<number, number>();
  const real = (id: number | null) => (id === null ? null : id < 0 ? ids.get(id)! : id);
  const units = new Map<number, { path: string; rootId: number; depth: number }>();
  const unitOf = (id: number) => {
    const known = units.get(id);
    if (known) return known;
    const row = storedUnit.get(id) as { path: string; root_id: number | null; depth: number };
    return { path: row.path, rootId: row.root_id ?? id, depth: row.depth };
  };
  const columns = EMPLOYEE_IMPORT_FIELDS.map((f) => f.column);
  const employeeIds = plan.inserts.map(() => employeeId++);
  return [
    {
      table: 'unit', sql: DEMO_INSERTS.unit.sql,
      rows: (insert) => {
        for (const u of plan.newUnits) {
          const id = unitId++;
          ids.set(u.tempId, id);
          const parentId = real(u.parent);
          const parent = parentId === null ? null : unitOf(parentId);
          const placed = { path: `${parent ? parent.path : '/'}${id}/`, rootId: parent ? parent.rootId : id, depth: parent ? parent.depth + 1 : 0 };
          units.set(id, placed);
          insert([id, u.code, u.name, u.kind, parentId, placed.rootId, placed.path, placed.depth, ++sortOrder]);
        }
      },
    },
    {
      table: 'position', sql: DEMO_INSERTS.position.sql,
      rows: (insert) => {
        for (const p of plan.newPositions) {
          const id = positionId++;
          ids.set(p.tempId, id);
          insert([id, p.code, p.name, p.kind, p.level, p.eselon, real(p.unit), p.family, p.minGolongan, p.maxGolongan, p.bupOverride, p.isKey ? 1 : 0, p.quota]);
        }
      },
    },
    {
      table: 'employee',
      sql: `INSERT INTO employee (id, nip, siasn_id, ${columns.join(', ')}, position_id, unit_id, retirement_date, version, created_at, updated_at)
        VALUES (?, ?, ?, ${columns.map(() => '?').join(', ')}, ?, ?, ?, 1, ?, ?)`,
      rows: (insert) => {
        plan.inserts.forEach((e, i) => {
          const info = e.positionId !== null ? plan.positionInfo.get(e.positionId) : undefined;
          const birthDate = e.values.birthDate;
          const tmtPensiun = typeof birthDate === 'string' ? retirementDate(birthDate, bupFor(info?.level, info?.bupOverride)) : null;
          insert([employeeIds[i], e.nip, e.siasnId, ...EMPLOYEE_IMPORT_FIELDS.map((f) => e.values[f.key] ?? null), real(e.positionId), real(e.unitId), tmtPensiun, now, now]);
        });
      },
    },
    {
      table: 'position_history', narrow: true,
      sql: `INSERT INTO position_history (employee_id, position_id, position_name, position_level, unit_id, unit_name, tmt, end_date, sk_number, source, snapshot_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'import', NULL, ?)`,
      rows: (insert) => {
        plan.inserts.forEach((e, i) => {
          if (e.positionId === null) return;
          const v = e.values;
          const info = plan.positionInfo.get(e.positionId);
          insert([employeeIds[i], real(e.positionId), info?.name ?? '', info?.level ?? null, real(e.unitId), e.unitId !== null ? plan.unitNames.get(e.unitId) ?? null : null,
            historyStart(v.positionTmt ?? v.cpnsTmt, today), v.status !== 'active' ? v.statusDate ?? null : null, now]);
        });
      },
    },
    {
      table: 'rank_history', narrow: true,
      sql: `INSERT INTO rank_history (employee_id, golongan, tmt, kind, sk_number, mk_years, mk_months, source, snapshot_id, created_at)
        VALUES (?, ?, ?, NULL, NULL, ?, ?, 'import', NULL, ?)`,
      rows: (insert) => {
        plan.inserts.forEach((e, i) => {
          const v = e.values;
          if (v.golongan === null || v.golongan === undefined) return;
          insert([employeeIds[i], v.golongan, historyStart(v.golonganTmt ?? v.cpnsTmt, today),
            typeof v.mkGolonganYears === 'number' ? v.mkGolonganYears : null, typeof v.mkGolonganMonths === 'number' ? v.mkGolonganMonths : null, now]);
        });
      },
    },
  ];
}

export interface SplitResult {
  /** Non-empty records of the file, header and title rows included. */
  records: number;
  /** Fields (cells) cut out. */
  fields: number;
  /** Characters of the fields' text (what was cut out, so that nothing is skipped). */
  chars: number;
  ms: number;
}

/** A delimited file read whole, decoded, split on line breaks and the delimiter: no quotes, no checks. */
export function plainSplit(file: string, delimiter: string): SplitResult {
  const started = performance.now();
  let text = fs.readFileSync(file).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let records = 0;
  let fields = 0;
  let chars = 0;
  for (const line of text.split('\n')) {
    const record = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (record === '') continue;
    records++;
    for (const field of record.split(delimiter)) {
      fields++;
      chars += field.length;
    }
  }
  return { records, fields, chars, ms: performance.now() - started };
}

/** The stored bytes of one ZIP entry, inflated in one call (the local header read by hand). */
function inflateEntry(fd: number, entry: yauzl.Entry): Buffer {
  const header = Buffer.alloc(30);
  fs.readSync(fd, header, 0, 30, entry.relativeOffsetOfLocalHeader);
  const start = entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const stored = Buffer.alloc(entry.compressedSize);
  fs.readSync(fd, stored, 0, entry.compressedSize, start);
  return entry.compressionMethod === 8 ? zlib.inflateRawSync(stored) : stored;
}

async function zipEntries(file: string): Promise<yauzl.Entry[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, opened) => (error ? reject(error) : resolve(opened))));
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  zip.close();
  return entries;
}

/**
 * The cheapest read of an XLSX: the central directory, the shared strings and the first worksheet inflated in one
 * call each, then one scan that cuts out every row and every cell's value text (shared strings looked up, nothing
 * decoded, no limits, no checks).
 */
export async function plainXlsxScan(file: string): Promise<SplitResult> {
  const started = performance.now();
  const entries = await zipEntries(file);
  const sheet = entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName));
  if (!sheet) throw new Error(`${file} has no worksheet`);
  const sharedEntry = entries.find((e) => e.fileName === 'xl/sharedStrings.xml');
  const fd = fs.openSync(file, 'r');
  let xml: string;
  const shared: string[] = [];
  try {
    if (sharedEntry) {
      const text = inflateEntry(fd, sharedEntry).toString('utf8');
      for (let at = text.indexOf('<si>'); at >= 0; at = text.indexOf('<si>', at + 4)) {
        const open = text.indexOf('>', text.indexOf('<t', at)) + 1;
        shared.push(text.slice(open, text.indexOf('</t>', open)));
      }
    }
    xml = inflateEntry(fd, sheet).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
  let records = 0;
  let fields = 0;
  let chars = 0;
  let cellText = '';
  for (let row = xml.indexOf('<row', 0); row >= 0;) {
    const rowEnd = xml.indexOf('</row>', row);
    if (rowEnd < 0) break;
    let cells = 0;
    for (let c = xml.indexOf('<c', row); c >= 0 && c < rowEnd; c = xml.indexOf('<c', c + 2)) {
      const tagEnd = xml.indexOf('>', c);
      if (xml.charCodeAt(tagEnd - 1) === 47 /* "/" */) continue; // an empty cell <c …/>
      const close = xml.indexOf('</c>', tagEnd);
      const valueOpen = xml.indexOf('>', xml.indexOf(xml.startsWith('<is>', tagEnd + 1) ? '<t' : '<v', tagEnd)) + 1;
      cellText = xml.slice(valueOpen, xml.indexOf('<', valueOpen));
      // The cell's own tag only (a search past it would walk the whole sheet for every cell).
      if (xml.slice(c, tagEnd).includes('t="s"')) cellText = shared[Number(cellText)] ?? cellText;
      chars += cellText.length;
      cells++;
      c = close;
    }
    if (cells > 0) {
      records++;
      fields += cells;
    }
    row = xml.indexOf('<row', rowEnd);
  }
  return { records, fields, chars, ms: performance.now() - started };
}
