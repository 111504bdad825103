// Demo SKP history and potential assessments: ten annual SKP per employee where their service allows
// (PP 46/2011 scores until 2021, ratings and predikat from 2022), quarterly evaluations of the running year,
// follow-up status for Butuh Perbaikan or worse, a few falling performers, a few without the latest SKP, and
// potential assessments (a level, a score, or both) for a good share — deterministic from the seed.

import { addDays } from '../../shared/domain/dates';
import { legacyLabel, PREDIKAT_ERA_START, predikatFromRatings, type Rating } from '../../shared/domain/skp';
import { refreshDerived } from '../db/derived';
import { sqlite } from '../db/sql';
import { bulkRun } from '../db/sql/run';
import type { DemoExtension } from './extensions';
import { Random } from './random';

const RATING_ORDER: Rating[] = ['di_bawah', 'sesuai', 'di_atas'];

export const performanceDemo: DemoExtension = {
  name: 'performance',
  async write({ tx, district, seed, now, job }) {
    const rng = new Random(seed * 17 + 5);
    const currentYear = Number(district.asOf.slice(0, 4));
    const lastAnnual = currentYear - 1; // the running year's annual SKP is made after 31 December
    const firstYear = lastAnnual - 9;
    const run = bulkRun(tx);
    const evaluation = (employeeId: number, year: number, period: string, values: { regime: string; hasilKerja?: Rating; perilakuKerja?: Rating; predikat?: string;
      legacyScore?: number; legacyLabel?: string; followUpStatus?: string | null }) => sqlite.performance.insertGeneratedEvaluation(run, {
      employeeId, year, period, regime: values.regime, hasilKerja: values.hasilKerja ?? null, perilakuKerja: values.perilakuKerja ?? null, predikat: values.predikat ?? null,
      legacyScore: values.legacyScore ?? null, legacyLabel: values.legacyLabel ?? null, followUpStatus: values.followUpStatus ?? null, source: 'demo', createdAt: now,
    });
    const positions = new Map(district.positions.map((p) => [p.id, p]));
    let written = 0;

    for (const [index, employee] of district.employees.entries()) {
      const startYear = Math.max(firstYear, Number(employee.cpnsTmt.slice(0, 4)));
      const endYear = employee.statusDate ? Math.min(lastAnnual, Number(employee.statusDate.slice(0, 4)) - 1) : lastAnnual;
      // A latent "performer" level with a slow drift; a few decline steadily over the last years.
      let talent = rng.bell(0.15, 0.55, -1.2, 1.3);
      const declining = rng.chance(0.025);
      const missingLatest = rng.chance(0.04);
      for (let year = startYear; year <= endYear; year++) {
        if (year === lastAnnual && missingLatest) continue;
        talent += rng.bell(0, 0.18, -0.5, 0.5);
        if (declining && year >= lastAnnual - 2) talent -= 0.6;
        if (year < PREDIKAT_ERA_START) {
          const score = Math.round(Math.max(40, Math.min(99, 86 + talent * 7 + (rng.next() - 0.5) * 6)) * 100) / 100;
          await evaluation(employee.id, year, 'tahunan', { regime: 'PP46_2011', legacyScore: score, legacyLabel: legacyLabel(score) });
        } else {
          const hasil = rating(rng, talent);
          // Now and then a disciplinary case: perilaku di bawah ekspektasi whatever the results (Kurang/Misconduct).
          const perilaku = rng.chance(0.006) ? 'di_bawah' : rating(rng, talent + 0.5);
          const predikat = predikatFromRatings(hasil, perilaku);
          const followUp = ['butuh_perbaikan', 'kurang', 'sangat_kurang'].includes(predikat) ? rng.pick(['belum', 'pembinaan', 'selesai']) : null;
          await evaluation(employee.id, year, 'tahunan', { regime: 'PMPANRB6_2022', hasilKerja: hasil, perilakuKerja: perilaku, predikat, followUpStatus: followUp });
        }
        written += 1;
      }
      // Periodic evaluations of the running year (quarters already ended), for active staff.
      if (employee.status === 'active' && Number(employee.cpnsTmt.slice(0, 4)) < currentYear) {
        const monthNow = Number(district.asOf.slice(5, 7));
        for (let quarter = 1; quarter * 3 < monthNow; quarter++) {
          const hasil = rating(rng, talent);
          const perilaku = rating(rng, talent + 0.5);
          await evaluation(employee.id, currentYear, `triwulan_${quarter}`, { regime: 'PMPANRB6_2022', hasilKerja: hasil, perilakuKerja: perilaku, predikat: predikatFromRatings(hasil, perilaku) });
          written += 1;
        }
      }
      // Potential: most structural staff, a share of the rest, within the last three years.
      const position = positions.get(employee.positionId)!;
      const structural = position.kind === 'jpt' || position.kind === 'administrator' || position.kind === 'pengawas';
      if (employee.status === 'active' && rng.chance(structural ? 0.85 : 0.4)) {
        const date = addDays(`${currentYear - rng.int(0, 2)}-0${rng.int(1, 9)}-01`, rng.int(0, 27));
        if (date > employee.cpnsTmt && date <= district.asOf) {
          const score = Math.round(Math.max(45, Math.min(99, 80 + talent * 20 + rng.bell(0, 14, -14, 14))) * 10) / 10;
          const kind = rng.weighted([['score', 55], ['level', 25], ['both', 20]] as const);
          const level = score >= 90 ? 'tinggi' : score >= 78 ? 'menengah' : 'rendah';
          await sqlite.performance.insertGeneratedPotential(run, {
            employeeId: employee.id, assessedOn: date, level: kind === 'score' ? null : level, score: kind === 'level' ? null : score,
            method: structural ? 'assessment_center' : rng.pick(['assessment_center', 'talent_review']), source: 'demo', createdAt: now,
          });
          written += 1;
        }
      }
      if (job && index % 5000 === 0) {
        job.progress('Menyimpan riwayat SKP', index, district.employees.length);
        await tx.breathe();
        job.throwIfCancelled();
      }
    }
    job?.progress('Menghitung peta kinerja dan talenta', 0, 1);
    await refreshDerived(run, ['performance_evaluation', 'potential_assessment'], 'all');
    return written;
  },
};

function rating(rng: Random, talent: number): Rating {
  const value = talent + (rng.next() - 0.5) * 1.1;
  return RATING_ORDER[value > 0.5 ? 2 : value > -0.75 ? 1 : 0];
}
