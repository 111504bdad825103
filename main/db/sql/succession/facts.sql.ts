// succession_employee_facts, kept on write: per person, the two latest annual SKP, the latest talent placement (a
// fixed session before a draft one, a calibrated box before the computed one) or, for people the Komite Talenta
// has not placed, the box of their latest axes (talent_axis_year, flagged talent_computed), and the leadership
// trainings, so the candidate ranking reads one row per person instead of three capabilities' histories.
// main/db/derived.ts registers the refresher for the tables these come from.

import { distinctList, isPostgres } from '../dialect';
import { LEADERSHIP_TRAINING_CODES } from '../../../../shared/domain/succession';
import { boxCell, boxNumber, KINERJA_AXIS, POTENSI_AXIS, type Numbering } from '../../../../shared/domain/talent';
import { chunks, type Run } from '../run';

const annual = (offset: number) => `(SELECT p.id FROM performance_evaluation p WHERE p.employee_id = e.id AND p.period = 'tahunan'
  ORDER BY p.year DESC LIMIT 1 OFFSET ${offset})`;

const axisCase = (column: 'kinerja' | 'potensi') => {
  // A calibrated box has no stored axes: read them from the box number in the numbering chosen in Pengaturan
  // (the talent service renumbers stored placements when that setting changes).
  const rank = { kinerja: { di_bawah: 0, sesuai: 1, di_atas: 2 }, potensi: { rendah: 0, menengah: 1, tinggi: 2 } } as const;
  const byBox = (numbering: Numbering) => Array.from({ length: 9 }, (_, i) => i + 1).map((box) => {
    const cell = boxCell(box, numbering);
    return `WHEN ${box} THEN ${column === 'kinerja' ? rank.kinerja[cell.kinerja] : rank.potensi[cell.potensi]}`;
  }).join(' ');
  const stored = column === 'kinerja' ? `CASE t.kinerja_axis WHEN 'di_bawah' THEN 0 WHEN 'sesuai' THEN 1 WHEN 'di_atas' THEN 2 END`
    : `CASE t.potensi_axis WHEN 'rendah' THEN 0 WHEN 'menengah' THEN 1 WHEN 'tinggi' THEN 2 END`;
  return `CASE WHEN t.calibrated_box IS NULL THEN ${stored}
    WHEN (SELECT value FROM app_setting WHERE key = 'talent.numbering') = '"kemenkeu"' THEN CASE t.calibrated_box ${byBox('kemenkeu')} END
    ELSE CASE t.calibrated_box ${byBox('permenpanrb')} END END`;
};

/** The box of the latest axes (talent_axis_year a) in the numbering chosen in Pengaturan. */
const computedBox = () => {
  const byAxes = (numbering: Numbering) => KINERJA_AXIS.flatMap((k) => POTENSI_AXIS.map((p) => `WHEN '${k.code}|${p.code}' THEN ${boxNumber(k.code, p.code, numbering)}`)).join(' ');
  return `CASE WHEN (SELECT value FROM app_setting WHERE key = 'talent.numbering') = '"kemenkeu"' THEN CASE a.kinerja_axis || '|' || a.potensi_axis ${byAxes('kemenkeu')} END
    ELSE CASE a.kinerja_axis || '|' || a.potensi_axis ${byAxes('permenpanrb')} END END`;
};
const axisRank = (column: 'kinerja' | 'potensi') => (column === 'kinerja'
  ? `CASE a.kinerja_axis WHEN 'di_bawah' THEN 0 WHEN 'sesuai' THEN 1 WHEN 'di_atas' THEN 2 END`
  : `CASE a.potensi_axis WHEN 'rendah' THEN 0 WHEN 'menengah' THEN 1 WHEN 'tinggi' THEN 2 END`);

/** Recomputes the facts of the employees chosen by `where` (on `employee e`). */
function factsInsert(run: Run, where: string): string {
  const no = isPostgres(run) ? 'false' : '0';
  const types = LEADERSHIP_TRAINING_CODES.map((t) => `'${t}'`).join(',');
  return `INSERT INTO succession_employee_facts (employee_id, skp1_year, skp1_predikat, skp1_legacy, skp2_year, skp2_predikat, skp2_legacy,
      talent_year, talent_box, talent_kinerja, talent_potensi, talent_calibrated, talent_provisional, talent_computed, leadership, has_training)
    SELECT x.id, p1.year, p1.predikat, p1.legacy_label, p2.year, p2.predikat, p2.legacy_label,
      COALESCE(t.year, a.year),
      CASE WHEN t.id IS NOT NULL THEN COALESCE(t.calibrated_box, t.computed_box) WHEN a.year IS NOT NULL THEN ${computedBox()} END,
      CASE WHEN t.id IS NOT NULL THEN ${axisCase('kinerja')} ELSE ${axisRank('kinerja')} END,
      CASE WHEN t.id IS NOT NULL THEN ${axisCase('potensi')} ELSE ${axisRank('potensi')} END,
      COALESCE(t.calibrated_box IS NOT NULL AND t.calibrated_box <> t.computed_box, ${no}), COALESCE(ts.status <> 'ditetapkan', ${no}),
      t.id IS NULL AND a.year IS NOT NULL,
      (SELECT ${distinctList(run, 'r.type')} FROM training_record r WHERE r.employee_id = x.id AND r.type IN (${types})),
      EXISTS (SELECT 1 FROM training_record r WHERE r.employee_id = x.id)
    FROM (SELECT e.id, ${annual(0)} AS p1, ${annual(1)} AS p2,
            (SELECT tp.id FROM talent_placement tp JOIN talent_session s ON s.id = tp.session_id WHERE tp.employee_id = e.id
              ORDER BY tp.year DESC, (s.status = 'ditetapkan') DESC, tp.id DESC LIMIT 1) AS tid,
            (SELECT ty.year FROM talent_axis_year ty WHERE ty.employee_id = e.id AND ty.kinerja_axis IS NOT NULL AND ty.potensi_axis IS NOT NULL
              ORDER BY ty.year DESC LIMIT 1) AS ay
          FROM employee e WHERE ${where}) x
    LEFT JOIN performance_evaluation p1 ON p1.id = x.p1
    LEFT JOIN performance_evaluation p2 ON p2.id = x.p2
    LEFT JOIN talent_placement t ON t.id = x.tid
    LEFT JOIN talent_session ts ON ts.id = t.session_id
    LEFT JOIN talent_axis_year a ON x.tid IS NULL AND a.employee_id = x.id AND a.year = x.ay
    WHERE x.p1 IS NOT NULL OR x.tid IS NOT NULL OR x.ay IS NOT NULL OR EXISTS (SELECT 1 FROM training_record r WHERE r.employee_id = x.id)`;
}

/** Rebuilds succession_employee_facts for these employees (or everyone): a row per person with SKP, talent or
 *  training data, none for the others. */
export async function refreshSuccessionFacts(run: Run, employeeIds: readonly number[] | 'all'): Promise<void> {
  if (employeeIds === 'all') {
    await run('DELETE FROM succession_employee_facts', []);
    await run(factsInsert(run, isPostgres(run) ? 'true' : '1'), []);
    return;
  }
  for (const chunk of chunks(employeeIds)) {
    const marks = chunk.map(() => '?').join(',');
    await run(`DELETE FROM succession_employee_facts WHERE employee_id IN (${marks})`, chunk);
    await run(factsInsert(run, `e.id IN (${marks})`), chunk);
  }
}
