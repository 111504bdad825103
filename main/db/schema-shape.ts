// The shape of a Jenjang schema, read back from the database itself, in one form for SQLite and PostgreSQL: per
// table its columns (name, a normalised type, nullability), primary key, foreign keys, unique constraints,
// indexes by columns and the name search. The schema test compares the two databases through it, and migrate-db
// copies tables column by column with it.

import type { SqliteDatabase } from './sqlite-connection';

/** The families both databases agree on: integer (SQLite integer; PostgreSQL bigint/integer), real (SQLite real;
 *  double precision), text, boolean, blob. Anything else keeps its own lower-case name. */
export type NormalisedType = 'integer' | 'real' | 'text' | 'boolean' | 'blob' | string;

export interface ColumnShape {
  name: string;
  type: NormalisedType;
  notNull: boolean;
}

export interface ForeignKeyShape {
  columns: string[];
  table: string;
  referencedColumns: string[];
  onDelete: string;
}

/** How an index key that is an expression, not a column, is named in a shape. */
const EXPRESSION_KEY = '(expression)';

export interface IndexShape {
  /** Columns in index order, with a non-default collation as `name COLLATE nocase`. */
  columns: string[];
  unique: boolean;
  partial: boolean;
}

export interface TableShape {
  name: string;
  /** In the table's own order. */
  columns: ColumnShape[];
  primaryKey: string[];
  foreignKeys: ForeignKeyShape[];
  uniques: string[][];
  indexes: IndexShape[];
  /** Columns with a "part of a name" search index (FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL). */
  search: string[];
}

export type SchemaShape = Map<string, TableShape>;

/** TypeORM's own bookkeeping: each database keeps its own list of applied migrations. */
export const BOOKKEEPING_TABLES = new Set(['migrations']);

/** Indexes a server has and a file does not, by design (each migration that makes one says why): not part of the
 *  comparison of the two schemas, which is about what both must hold. */
export const SERVER_ONLY_INDEXES: ReadonlySet<string> = new Set(['idx_employee_active', 'idx_employee_golongan_nulls_first']);

export function normaliseType(declared: string): NormalisedType {
  const type = declared.toLowerCase().trim();
  if (type.includes('int')) return 'integer';
  if (type === 'real' || type.startsWith('double') || type.startsWith('float') || type.startsWith('numeric') || type.startsWith('decimal')) return 'real';
  if (type.startsWith('bool')) return 'boolean';
  if (type === 'text' || type.includes('char') || type.includes('clob')) return 'text';
  if (type === 'blob' || type === 'bytea') return 'blob';
  return type;
}

const ON_DELETE_POSTGRES: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

export function sqliteSchemaShape(db: SqliteDatabase): SchemaShape {
  const shape: SchemaShape = new Map();
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string; sql: string }>;
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql));
  // An FTS5 index keeps its text in shadow tables named after it (<name>_data, _idx, _content, _docsize, _config).
  const shadow = new Set(virtual.flatMap((v) => ['data', 'idx', 'content', 'docsize', 'config'].map((s) => `${v.name}_${s}`)));
  for (const { name } of tables) {
    if (BOOKKEEPING_TABLES.has(name) || shadow.has(name) || virtual.some((v) => v.name === name)) continue;
    const info = db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string; type: string; notnull: number; pk: number }>;
    const foreign = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{ id: number; seq: number; table: string; from: string; to: string; on_delete: string }>;
    const byId = new Map<number, ForeignKeyShape>();
    for (const f of foreign.sort((a, b) => a.id - b.id || a.seq - b.seq)) {
      const key = byId.get(f.id) ?? { columns: [], table: f.table, referencedColumns: [], onDelete: f.on_delete.toUpperCase() };
      key.columns.push(f.from);
      key.referencedColumns.push(f.to);
      byId.set(f.id, key);
    }
    const uniques: string[][] = [];
    const indexes: IndexShape[] = [];
    for (const index of db.prepare(`PRAGMA index_list("${name}")`).all() as Array<{ name: string; unique: number; origin: string; partial: number }>) {
      if (index.origin === 'pk') continue;
      const columns = (db.prepare(`PRAGMA index_xinfo("${index.name}")`).all() as Array<{ cid: number; name: string | null; coll: string; key: number }>)
        .filter((c) => c.key === 1)
        // An expression key (cid -2) has no name: both databases call it "(expression)".
        .map((c) => (c.cid === -2 ? EXPRESSION_KEY : c.coll && c.coll.toUpperCase() !== 'BINARY' ? `${c.name} COLLATE ${c.coll.toLowerCase()}` : String(c.name)));
      if (index.origin === 'u') uniques.push(columns);
      else indexes.push({ columns, unique: index.unique === 1, partial: index.partial === 1 });
    }
    const search = virtual
      .filter((v) => new RegExp(`content\\s*=\\s*'${name}'`, 'i').test(v.sql))
      .flatMap((v) => v.sql.replace(/^[^(]*\(/, '').split(',').map((part) => part.trim()).filter((part) => /^[a-z_]+$/i.test(part)));
    shape.set(name, {
      name,
      columns: info.map((c) => ({ name: c.name, type: normaliseType(c.type), notNull: c.notnull === 1 || c.pk > 0 })),
      primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      foreignKeys: [...byId.values()],
      uniques,
      indexes,
      search,
    });
  }
  return shape;
}

type Query = (sql: string, parameters?: unknown[]) => Promise<any[]>;

export async function postgresSchemaShape(query: Query): Promise<SchemaShape> {
  const shape: SchemaShape = new Map();
  const columns: Array<{ table_name: string; column_name: string; data_type: string; is_nullable: string }> = await query(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`);
  const constraints: Array<{ table_name: string; kind: string; columns: string[]; referenced_table: string | null; referenced_columns: string[] | null; on_delete: string }> = await query(
    `SELECT c.conrelid::regclass::text AS table_name, c.contype AS kind,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
            c.confrelid::regclass::text AS referenced_table,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS referenced_columns,
            c.confdeltype::text AS on_delete
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = current_schema() AND c.contype IN ('p', 'f') ORDER BY c.conname`);
  // Every index, those behind a primary key or unique constraint too (their collation is the column's), with per
  // key column its name, a collation other than the database default, and its operator class.
  const indexes: Array<{ index_name: string; table_name: string; constraint_kind: string | null; unique: boolean; partial: boolean; method: string; columns: string[]; opclasses: string[] }> = await query(
    `SELECT ix.relname AS index_name, t.relname AS table_name, (SELECT c.contype::text FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid LIMIT 1) AS constraint_kind,
            i.indisunique AS unique, i.indpred IS NOT NULL AS partial, am.amname AS method,
            ARRAY(SELECT COALESCE(a.attname::text, '${EXPRESSION_KEY}') || COALESCE(' COLLATE ' || NULLIF(co.collname::text, 'default'), '')
                  FROM generate_series(0, i.indnkeyatts - 1) k
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k]
                  LEFT JOIN pg_collation co ON co.oid = i.indcollation[k] AND co.collname NOT IN ('C', 'POSIX')
                  ORDER BY k) AS columns,
            ARRAY(SELECT op.opcname::text FROM generate_series(0, i.indnkeyatts - 1) k JOIN pg_opclass op ON op.oid = i.indclass[k] ORDER BY k) AS opclasses
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ix ON ix.oid = i.indexrelid
     JOIN pg_am am ON am.oid = ix.relam JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema()
     ORDER BY ix.relname`);
  const unquote = (name: string) => name.replace(/"/g, '');
  for (const column of columns) {
    if (BOOKKEEPING_TABLES.has(column.table_name)) continue;
    let table = shape.get(column.table_name);
    if (!table) {
      table = { name: column.table_name, columns: [], primaryKey: [], foreignKeys: [], uniques: [], indexes: [], search: [] };
      shape.set(column.table_name, table);
    }
    table.columns.push({ name: column.column_name, type: normaliseType(column.data_type), notNull: column.is_nullable === 'NO' });
  }
  for (const constraint of constraints) {
    const table = shape.get(unquote(constraint.table_name));
    if (!table) continue;
    if (constraint.kind === 'p') table.primaryKey = constraint.columns;
    else if (constraint.kind === 'f') {
      table.foreignKeys.push({
        columns: constraint.columns, table: unquote(constraint.referenced_table ?? ''), referencedColumns: constraint.referenced_columns ?? [],
        onDelete: ON_DELETE_POSTGRES[constraint.on_delete] ?? constraint.on_delete,
      });
    }
  }
  for (const index of indexes) {
    const table = shape.get(index.table_name);
    if (!table || index.constraint_kind === 'p' || SERVER_ONLY_INDEXES.has(index.index_name)) continue;
    if (index.constraint_kind === 'u') table.uniques.push(index.columns);
    else if (index.method === 'gin' && index.opclasses.every((o) => o === 'gin_trgm_ops')) table.search.push(...index.columns);
    else table.indexes.push({ columns: index.columns, unique: index.unique, partial: index.partial });
  }
  return shape;
}

/** One line per fact of a shape, sorted, for a readable comparison ("employee: column nip text NOT NULL"). */
export function describeShape(shape: SchemaShape): string[] {
  const lines: string[] = [];
  for (const table of shape.values()) {
    const t = table.name;
    lines.push(`${t}: table`);
    for (const c of table.columns) lines.push(`${t}: column ${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}`);
    lines.push(`${t}: primary key (${table.primaryKey.join(', ')})`);
    for (const f of table.foreignKeys) lines.push(`${t}: foreign key (${f.columns.join(', ')}) → ${f.table} (${f.referencedColumns.join(', ')}) ON DELETE ${f.onDelete}`);
    for (const u of table.uniques) lines.push(`${t}: unique (${u.join(', ')})`);
    for (const i of table.indexes) lines.push(`${t}: ${i.unique ? 'unique ' : ''}${i.partial ? 'partial ' : ''}index (${i.columns.join(', ')})`);
    for (const s of table.search) lines.push(`${t}: name search on ${s}`);
  }
  return lines.sort();
}
