// Bulk rows into a PostgreSQL table with COPY … FROM STDIN (pg-copy-streams) on the connection of the caller's
// transaction: an import's new employees, their first history rows, its change log and issues. Text format; a
// value is written as PostgreSQL reads it back (null as \N, booleans as t/f, tabs, newlines and backslashes escaped).

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Copies `rows` (values in the order of `columns`) into `table`; returns how many. */
export async function copyRows(client: PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let batch = '';
    for (const row of rows) {
      batch += `${row.map(copyField).join('\t')}\n`;
      count++;
      if (batch.length >= 64 * 1024) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`)));
  return count;
}
