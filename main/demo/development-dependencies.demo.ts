// FALLBACK demo data of OTHER capabilities that development needs to be meaningful on first start: the
// competency dictionary, position standards and assessments (issue 4: competency maps) and the annual SKP
// (issue 5: SKP history). Each table is written ONLY WHEN IT IS STILL EMPTY inside the demo transaction, so
// once those capabilities' own demo extensions are merged and run BEFORE developmentDemo in DEMO_EXTENSIONS,
// this file writes nothing and can be deleted. Keep developmentDemo LAST in DEMO_EXTENSIONS: an SKP
// extension running after it would find this fallback's rows (unique employee × year × period).

import { addDays, addMonths, type IsoDate } from '../../shared/domain/dates';
import { positionLevelInfo } from '../../shared/domain/position';
import type { BulkTransaction } from '../db/bulk-transaction';
import { bulkRun, refreshDerived } from '../db/derived';
import type { DemoDistrict } from './generate';
import { Random } from './random';

/** PermenPANRB 38/2017 (DOMAIN.md §3): the same codes and names the competency capability seeds. */
const DICTIONARY: Array<[string, string, string]> = [
  ['M.01', 'Integritas', 'manajerial'], ['M.02', 'Kerjasama', 'manajerial'], ['M.03', 'Komunikasi', 'manajerial'],
  ['M.04', 'Orientasi pada Hasil', 'manajerial'], ['M.05', 'Pelayanan Publik', 'manajerial'],
  ['M.06', 'Pengembangan Diri dan Orang Lain', 'manajerial'], ['M.07', 'Mengelola Perubahan', 'manajerial'],
  ['M.08', 'Pengambilan Keputusan', 'manajerial'], ['SK.01', 'Perekat Bangsa', 'sosial_kultural'],
];

const count = (tx: BulkTransaction, table: string) => (tx.statement(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

export async function writeDependencyFallback(tx: BulkTransaction, district: DemoDistrict, seed: number, now: string): Promise<{ written: number; parts: string[] }> {
  const rng = new Random(seed * 6151 + 85);
  const parts: string[] = [];
  let written = 0;
  const asOf = district.asOf;
  const active = district.employees.filter((e) => e.status === 'active');
  const positions = new Map(district.positions.map((p) => [p.id, p]));

  if (count(tx, 'competency_definition') === 0) {
    const insert = tx.statement('INSERT INTO competency_definition (code, name, "group", description, level_descriptors, sort_order, active) VALUES (?, ?, ?, NULL, NULL, ?, 1)');
    DICTIONARY.forEach(([code, name, group], i) => insert.run(code, name, group, i + 1));
    written += DICTIONARY.length;
    parts.push('kamus kompetensi');
  }
  const competencies = tx.statement(`SELECT id FROM competency_definition WHERE active = 1 AND "group" IN ('manajerial', 'sosial_kultural') ORDER BY sort_order`).all() as Array<{ id: number }>;

  const required = new Map<number, number>();
  for (const p of district.positions) required.set(p.id, positionLevelInfo(p.level)?.defaultManagerialLevel ?? 1);
  if (count(tx, 'position_competency_standard') === 0 && competencies.length > 0) {
    const insert = tx.statement('INSERT INTO position_competency_standard (position_id, competency_id, required_level) VALUES (?, ?, ?)');
    for (const p of district.positions) for (const c of competencies) insert.run(p.id, c.id, required.get(p.id)!);
    written += district.positions.length * competencies.length;
    parts.push('standar kompetensi jabatan (tabel bawaan DOMAIN.md §3)');
  }

  if (count(tx, 'competency_assessment') === 0 && competencies.length > 0) {
    const insert = tx.statement(`INSERT INTO competency_assessment (employee_id, competency_id, level, assessed_on, method, assessor, notes, source, snapshot_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, NULL, 'demo', NULL, ?)`);
    for (const e of active) {
      const p = positions.get(e.positionId)!;
      const structural = p.kind === 'jpt' || p.kind === 'administrator' || p.kind === 'pengawas';
      if (!rng.chance(structural ? 0.9 : p.kind === 'fungsional' ? 0.45 : 0.3)) continue;
      const date = addDays(addMonths(asOf, -rng.int(2, 30)), -rng.int(0, 27));
      if (date <= e.cpnsTmt) continue;
      const ability = rng.bell(required.get(p.id)! - 0.2, 0.8, 0.6, 5.4);
      const method = structural ? 'assessment_center' : rng.chance(0.7) ? 'uji_kompetensi' : 'atasan';
      for (const c of competencies) {
        insert.run(e.id, c.id, Math.max(1, Math.min(5, Math.round(ability + (rng.next() - 0.5) * 1.6))), date, method, null, now);
        written += 1;
      }
    }
    await refreshDerived(bulkRun(tx), 'competency_assessment', 'all');
    parts.push('hasil asesmen kompetensi');
  }

  if (count(tx, 'performance_evaluation') === 0) {
    const insert = tx.statement(`INSERT INTO performance_evaluation (employee_id, year, period, regime, hasil_kerja, perilaku_kerja, predikat, legacy_score, legacy_label,
      evaluator_nip, follow_up_status, notes, source, snapshot_id, created_at) VALUES (?, ?, 'tahunan', 'PMPANRB6_2022', ?, ?, ?, NULL, NULL, NULL, ?, NULL, 'demo', NULL, ?)`);
    const lastYear = Number(asOf.slice(0, 4)) - 1;
    // The predikat matrix of PermenPANRB 6/2022 (DOMAIN.md §2.1): hasil kerja × perilaku kerja.
    const ratings: Record<string, Array<[string, string]>> = {
      sangat_baik: [['di_atas', 'di_atas']], baik: [['sesuai', 'sesuai'], ['di_atas', 'sesuai'], ['sesuai', 'di_atas']],
      butuh_perbaikan: [['di_bawah', 'sesuai'], ['di_bawah', 'di_atas']], kurang: [['sesuai', 'di_bawah'], ['di_atas', 'di_bawah']], sangat_kurang: [['di_bawah', 'di_bawah']],
    };
    for (const e of district.employees) {
      const quality = rng.bell(0, 1, -2.5, 2.5);
      for (let year = lastYear - 2; year <= lastYear; year++) {
        const last: IsoDate = e.statusDate ?? asOf;
        if (e.cpnsTmt > `${year}-06-30` || last < `${year}-12-31`) continue;
        // A few SKP are not (yet) recorded, more for the latest year: the promotion list must say so.
        if (rng.chance(year === lastYear ? 0.05 : 0.015)) continue;
        const roll = quality + (rng.next() - 0.5) * 1.6;
        // About 21 % Sangat Baik, 73 % Baik, 4 % Butuh Perbaikan, 2 % Kurang, under 1 % Sangat Kurang.
        const predikat = roll > 0.5 ? 'sangat_baik' : roll > -0.9 ? 'baik' : roll > -1.1 ? 'butuh_perbaikan' : roll > -1.3 ? 'kurang' : 'sangat_kurang';
        const [hasil, perilaku] = rng.pick(ratings[predikat]);
        insert.run(e.id, year, hasil, perilaku, predikat, predikat === 'butuh_perbaikan' || predikat === 'kurang' || predikat === 'sangat_kurang' ? 'pembinaan' : null, now);
        written += 1;
      }
    }
    parts.push('SKP tahunan');
  }
  return { written, parts };
}
