// The next KGB of each active PNS, kept on write (main/db/kgb-due.ts): one row per person with a basis (a rank
// decree carrying masa kerja golongan, or a KGB notice), the day the next KGB falls due and the MKG then. The KGB
// list reads the people due in its months through the index on due_date (careers-lists.sql.ts kgbDueBetween).

import { byIdPages, jsonValues } from './dialect';
import { KGB_BASES, KGB_POPULATION } from './development/careers-lists.sql';
import { chunks, marks, rowsOf, type Run } from './run';

/** An active PNS in I/a–IV/d with the bases of the next KGB ("tmt|years|months" or null). */
export interface KgbBasisRow {
  id: number;
  golongan: number;
  golongan_tmt: string | null;
  mk_years: number | null;
  mk_months: number | null;
  rank_basis: string | null;
  kgb_basis: string | null;
}

export interface KgbDueValues { employee_id: number; due_date: string; mkg_years: number }

const COLUMNS = ['employee_id', 'due_date', 'mkg_years'] as const;
const ROWS_PER_INSERT = 500;

export const kgbDueSql = {
  /** The bases of everyone in the KGB population, or of these people only. */
  bases(run: Run, ids: readonly number[] | 'all'): Promise<KgbBasisRow[]> {
    const select = `SELECT e.id, e.golongan, e.golongan_tmt, e.mk_golongan_years AS mk_years, e.mk_golongan_months AS mk_months, ${KGB_BASES}
      FROM employee e WHERE ${KGB_POPULATION}`;
    if (ids === 'all') return rowsOf<KgbBasisRow>(run, select);
    return rowsOf<KgbBasisRow>(run, `${select} AND e.id IN (${jsonValues(run)})`, [JSON.stringify(ids)]);
  },
  /** The next `limit` of the population after id `after`, in id order (everyone read page by page). */
  basesAfter(run: Run, after: number, limit: number): Promise<KgbBasisRow[]> {
    return rowsOf<KgbBasisRow>(run, `SELECT e.id, e.golongan, e.golongan_tmt, e.mk_golongan_years AS mk_years, e.mk_golongan_months AS mk_months, ${KGB_BASES}
      FROM ${byIdPages(run, 'employee', 'e')} WHERE ${KGB_POPULATION} AND e.id > ? ORDER BY e.id LIMIT ?`, [after, limit]);
  },
  async deleteAll(run: Run): Promise<void> {
    await run('DELETE FROM employee_kgb_due', []);
  },
  async deleteFor(run: Run, ids: readonly number[]): Promise<void> {
    for (const chunk of chunks(ids)) await run(`DELETE FROM employee_kgb_due WHERE employee_id IN (${marks(chunk)})`, chunk);
  },
  async insert(run: Run, rows: readonly KgbDueValues[]): Promise<void> {
    for (const chunk of chunks(rows, ROWS_PER_INSERT)) {
      const values = chunk.map(() => `(${marks(COLUMNS)})`).join(', ');
      await run(`INSERT INTO employee_kgb_due (${COLUMNS.join(', ')}) VALUES ${values}`, chunk.flatMap((r) => COLUMNS.map((c) => r[c])));
    }
  },
  /** Every kept row, by employee (the tests compare it with a full recompute). */
  all: (run: Run) => rowsOf<KgbDueValues>(run, 'SELECT employee_id, due_date, mkg_years FROM employee_kgb_due ORDER BY employee_id'),
};
