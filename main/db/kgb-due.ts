// The next KGB of every active PNS, kept on write in employee_kgb_due so the KGB list reads only the people due in
// its months (through the index on due_date) instead of judging the whole district on each call after a write.
//
// - The due date follows from the records alone (kgb.ts: the later of the last rank decree carrying MKG and the last
//   KGB notice, stepped to the next MKG year of the golongan's parity), never from a setting: the settings of the
//   KGB (minimum predikat, the salary table's highest MKG) are applied when the list judges the people it read.
// - Writers of the employee, rank_history and kgb_record rows refresh the people they touched through refreshDerived
//   (main/db/derived.ts); test/careers/kgb-due.test.ts compares the table with a full recompute after each kind of
//   write.

import { latestKgbBasis, nextKgbAfter, type KgbBasisRecord } from '../../shared/domain/careers';
import { kgbDueSql, type KgbBasisRow, type KgbDueValues } from './sql/kgb-due.sql';
import type { Run } from './sql/run';

function splitBasis(source: 'kp' | 'kgb', packed: string | null): KgbBasisRecord | null {
  if (!packed) return null;
  const [tmt, years, months] = packed.split('|');
  return { source, tmt, mkgYears: Number(years), mkgMonths: Number(months) };
}

/** The columns of `employee` the next KGB follows (kgbDueSql.bases and KGB_POPULATION: who is in the population,
 *  the golongan and the MKG at its TMT), for the refresher's routing in main/db/derived.ts: a move to another unit
 *  or post leaves the due date alone. */
export const KGB_EMPLOYEE_COLUMNS = ['status', 'employment_type', 'golongan', 'golongan_tmt', 'mk_golongan_years', 'mk_golongan_months'] as const;

/** The KP decrees and KGB notice a person's next KGB is counted from: the rank on the employee record (with its
 *  MKG at TMT golongan), the latest rank decree with MKG and the latest KGB notice, each packed "tmt|years|months". */
export function kgbBasisRecords(golonganTmt: string | null, mkYears: number | null, mkMonths: number | null, rankBasis: string | null, kgbBasis: string | null): KgbBasisRecord[] {
  const records: KgbBasisRecord[] = [];
  if (golonganTmt && mkYears !== null) records.push({ source: 'kp', tmt: golonganTmt, mkgYears: mkYears, mkgMonths: mkMonths ?? 0 });
  const fromRank = splitBasis('kp', rankBasis);
  if (fromRank) records.push(fromRank);
  const fromKgb = splitBasis('kgb', kgbBasis);
  if (fromKgb) records.push(fromKgb);
  return records;
}

/** The kept rows of these people (or of everyone), computed from their records now. */
export async function computeKgbDue(run: Run, employeeIds: readonly number[] | 'all'): Promise<KgbDueValues[]> {
  if (employeeIds !== 'all' && employeeIds.length === 0) return [];
  return dueOf(await kgbDueSql.bases(run, employeeIds));
}

function dueOf(rows: readonly KgbBasisRow[]): KgbDueValues[] {
  const out: KgbDueValues[] = [];
  for (const row of rows) {
    const basis = latestKgbBasis(kgbBasisRecords(row.golongan_tmt, row.mk_years, row.mk_months, row.rank_basis, row.kgb_basis));
    if (!basis) continue;
    const next = nextKgbAfter(basis, Math.floor(row.golongan / 10));
    out.push({ employee_id: row.id, due_date: next.dueDate, mkg_years: next.mkgYears });
  }
  return out;
}

/** People per page of a full refresh: a page's rows die young, where the district's held at once stayed on the
 *  heap as garbage until the end of a first import. */
const FULL_REFRESH_PAGE = 2_000;

/** Brings employee_kgb_due up to date for these people (or everyone), in the caller's transaction. People who left
 *  the population (retired, PPPK, no basis any more) lose their row. */
export async function refreshKgbDue(run: Run, employeeIds: readonly number[] | 'all', page = FULL_REFRESH_PAGE): Promise<void> {
  if (employeeIds === 'all') {
    await kgbDueSql.deleteAll(run);
    for (let after = 0; ;) {
      const rows = await kgbDueSql.basesAfter(run, after, page);
      if (rows.length === 0) return;
      await kgbDueSql.insert(run, dueOf(rows));
      after = rows[rows.length - 1].id;
    }
  }
  if (employeeIds.length === 0) return;
  await kgbDueSql.deleteFor(run, employeeIds);
  await kgbDueSql.insert(run, await computeKgbDue(run, employeeIds));
}
