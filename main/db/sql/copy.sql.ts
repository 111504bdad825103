// Bulk rows into a PostgreSQL table with COPY … FROM STDIN (pg-copy-streams) on the connection of the caller's
// transaction: an import's new employees, their first history rows, its change log and issues, and every table of
// `migrate-db` and of a restore on a server. Text format
// (https://www.postgresql.org/docs/current/sql-copy.html); a value is written as PostgreSQL reads it back (null
// as \N, booleans as t/f, bytes as \x hex, tabs, newlines, carriage returns and backslashes escaped).

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One field in COPY's text format. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Copies `rows` (values in the order of `columns`) into `table`; returns how many. */
export async function copyRows(client: ClientBase, table: string, columns: readonly string[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>): Promise<number> {
  let count = 0;
  let batch = '';
  // Lines go out in batches of about 64 KB; rows already in memory are batched without an await per row.
  const add = (row: readonly unknown[]): string | null => {
    batch += `${row.map(copyField).join('\t')}\n`;
    count++;
    if (batch.length < 64 * 1024) return null;
    const full = batch;
    batch = '';
    return full;
  };
  async function* fromAsync(source: AsyncIterable<readonly unknown[]>): AsyncGenerator<string> {
    for await (const row of source) {
      const full = add(row);
      if (full) yield full;
    }
    if (batch) yield batch;
  }
  function* fromMemory(source: Iterable<readonly unknown[]>): Generator<string> {
    for (const row of source) {
      const full = add(row);
      if (full) yield full;
    }
    if (batch) yield batch;
  }
  const lines = Symbol.asyncIterator in rows ? fromAsync(rows as AsyncIterable<readonly unknown[]>) : fromMemory(rows as Iterable<readonly unknown[]>);
  await pipeline(Readable.from(lines), client.query(copyFrom(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`)));
  return count;
}
