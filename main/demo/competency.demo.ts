// Demo competency data: a standard for every position from the default table (PermenPANRB 38/2017: the manajerial
// level by position level, Perekat Bangsa at the same level), and assessments for a realistic share of
// employees — assessment center for structural staff, uji kompetensi and atasan for others, some with an
// earlier round, a few assessed on part of the standard only, many not assessed at all.

import { demoSql } from '../db/sql/demo.sql';
import { positionLevelInfo } from '../../shared/domain/position';
import { addDays, addMonths } from '../../shared/domain/dates';
import { refreshDerived } from '../db/derived';
import { bulkRun } from '../db/sql/run';
import type { DemoExtension } from './extensions';
import { Random } from './random';

export const competencyDemo: DemoExtension = {
  name: 'competency',
  async write({ tx, district, seed, now, job }) {
    const rng = new Random(seed * 31 + 4);
    const competencies = demoSql.managerialCompetencies(tx);
    if (competencies.length === 0) return 0;
    let written = 0;

    const insertStandard = demoSql.standards(tx);
    const required = new Map<number, number>();
    for (const position of district.positions) {
      const level = positionLevelInfo(position.level)?.defaultManagerialLevel ?? 1;
      required.set(position.id, level);
      for (const c of competencies) insertStandard(position.id, c.id, level);
      written += competencies.length;
    }

    const positions = new Map(district.positions.map((p) => [p.id, p]));
    const insert = demoSql.assessments(tx);
    const asOf = district.asOf;
    for (const [index, employee] of district.employees.entries()) {
      if (employee.status !== 'active') continue;
      const position = positions.get(employee.positionId)!;
      const structural = position.kind === 'jpt' || position.kind === 'administrator' || position.kind === 'pengawas';
      const share = structural ? 0.9 : position.kind === 'fungsional' ? (position.level.startsWith('ahli') ? 0.55 : 0.35) : 0.25;
      if (!rng.chance(share)) continue;
      const target = required.get(position.id)!;
      const ability = rng.bell(target - 0.15, 0.7, 0.6, 5.4);
      const method = structural ? 'assessment_center' : rng.weighted([['uji_kompetensi', 55], ['assessment_center', 25], ['atasan', 20]] as const);
      const assessor = method === 'assessment_center' ? 'UPT Penilaian Kompetensi ASN Provinsi Jawa Barat'
        : method === 'uji_kompetensi' ? 'Tim Uji Kompetensi BKPSDM Kabupaten Sindangraja' : null;
      const latest = addDays(addMonths(asOf, -rng.int(1, 36)), -rng.int(0, 27));
      const rounds: Array<{ date: string; shift: number }> = [{ date: latest, shift: 0 }];
      if (rng.chance(0.4)) rounds.push({ date: addMonths(latest, -rng.int(24, 48)), shift: -rng.int(0, 1) });
      const partial = rng.chance(0.05);
      for (const round of rounds) {
        if (round.date <= employee.cpnsTmt) continue;
        for (const [i, c] of competencies.entries()) {
          if (partial && round.shift === 0 && i === competencies.length - 1) continue;
          const level = Math.max(1, Math.min(5, Math.round(ability + round.shift + (rng.next() - 0.5) * 1.6)));
          insert(employee.id, c.id, level, round.date, method, assessor, now);
          written += 1;
        }
      }
      if (job && index % 5000 === 0) {
        job.progress('Menyimpan hasil asesmen kompetensi', index, district.employees.length);
        await tx.breathe();
        job.throwIfCancelled();
      }
    }
    job?.progress('Menghitung peta kompetensi', 0, 1);
    await refreshDerived(bulkRun(tx), 'competency_assessment', 'all');
    return written;
  },
};
