// Peta Kompetensi Unit: the heatmap and the JPM distribution of the Peta Kompetensi page for a unit (the same
// service calls), plus the competencies with the most people below standard over the whole scope.
// Not assessed is never a zero: cells with nobody assessed stay empty, and JPM is only over complete assessments.

import { JPM_BUCKETS, mappingCategory } from '../../../shared/domain/jpm';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { PetaKompetensiData } from '../../../shared/reports/peta-kompetensi.report';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

/** JPM histogram buckets folded into the three mapping categories (a bucket never straddles two: JPM_BUCKETS). */
function jpmCategories(counts: Record<string, number>) {
  const sum = (category: ReturnType<typeof mappingCategory>) => JPM_BUCKETS.filter((b) => mappingCategory(b.min) === category).reduce((a, b) => a + (counts[b.key] ?? 0), 0);
  return { optimal: sum('Optimal'), cukup: sum('Cukup Optimal'), kurang: sum('Kurang Optimal') };
}

export const petaKompetensiLoader: ReportLoader<'peta-kompetensi'> = async (params, { services, today }) => {
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const population = { parentUnitId: scope?.id };
  const heatmap = await services.competency.heatmap(population);
  const distribution = await services.competency.jpmDistribution(population);
  const title = 'Peta Kompetensi Pegawai ASN';
  const totals = heatmap.rows.reduce((t, r) => ({
    activeEmployees: t.activeEmployees + r.activeEmployees, withoutStandard: t.withoutStandard + r.withoutStandard,
    notAssessed: t.notAssessed + r.notAssessed, partial: t.partial + r.partial, complete: t.complete + r.complete,
  }), { activeEmployees: 0, withoutStandard: 0, notAssessed: 0, partial: 0, complete: 0 });
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Keadaan per', value: formatDateId(today) },
    { label: 'Dasar', value: 'Standar kompetensi jabatan dan asesmen terakhir tiap kompetensi; JPM = Σ min(capaian, standar) / Σ standar × 100' },
    { label: 'Pegawai aktif', value: `${formatNumberId(totals.activeEmployees)} orang` },
  ];
  const assessedAny = heatmap.rows.some((r) => r.cells.some((c) => c.assessed > 0));
  if (!assessedAny) {
    const message = heatmap.competencies.length === 0
      ? 'Kamus kompetensi masih kosong: isi kamus dan standar kompetensi jabatan di halaman Peta Kompetensi.'
      : `Belum ada pegawai aktif di ${unitName ?? 'seluruh perangkat daerah'} yang diasesmen terhadap standar kompetensi jabatannya. Tidak ada angka yang dicetak.`;
    return { title, parameters, content: { status: 'empty', message } };
  }
  const byUnit = new Map(distribution.byUnit.map((u) => [`${u.unitId}:${u.direct}`, u]));
  const rows = heatmap.rows.map((r) => ({
    name: r.direct ? `${r.unitName} (langsung)` : r.unitName,
    activeEmployees: r.activeEmployees, withoutStandard: r.withoutStandard, notAssessed: r.notAssessed, partial: r.partial, complete: r.complete,
    averageJpm: r.averageJpm,
    cells: heatmap.competencies.map((c) => {
      const cell = r.cells.find((x) => x.competencyId === c.id);
      return { averageGap: cell?.averageGap ?? null, assessed: cell?.assessed ?? 0, below: cell ? cell.assessed - cell.meeting : 0 };
    }),
    jpm: jpmCategories(byUnit.get(`${r.unitId}:${r.direct}`)?.counts ?? {}),
  }));
  const gaps = heatmap.competencies.map((c, i) => {
    let assessed = 0;
    let below = 0;
    let gapSum = 0;
    for (const r of heatmap.rows) {
      const cell = r.cells.find((x) => x.competencyId === c.id);
      if (!cell || cell.assessed === 0) continue;
      assessed += cell.assessed;
      below += cell.assessed - cell.meeting;
      gapSum += (cell.averageGap ?? 0) * cell.assessed;
    }
    return { code: c.code, name: c.name, assessed, below, averageGap: assessed > 0 ? Math.round((gapSum / assessed) * 100) / 100 : null, order: i };
  }).sort((a, b) => (b.assessed ? b.below / b.assessed : -1) - (a.assessed ? a.below / a.assessed : -1) || a.order - b.order)
    .map(({ order: _order, ...g }) => g);
  const data: PetaKompetensiData = {
    unitName,
    competencies: heatmap.competencies.map((c) => ({ code: c.code, name: c.name })),
    rows, totals,
    jpm: rows.reduce((t, r) => ({ optimal: t.optimal + r.jpm.optimal, cukup: t.cukup + r.jpm.cukup, kurang: t.kurang + r.jpm.kurang }), { optimal: 0, cukup: 0, kurang: 0 }),
    gaps,
  };
  return { title, parameters, content: { status: 'ready', data } };
};
