// Usulan Anggaran Pengembangan Kompetensi: the plan of Rencana Anggaran (main/services/planning) for the year and
// budget asked, with the weights of Pengaturan and every OPD's ceiling, per perangkat daerah and per activity.
// Without a budget the plan is for the sum of the ceilings set for that year in scope.

import { PRIORITY_LABELS, type PriorityClass } from '../../../shared/domain/planning/needs';
import { formatDateId, formatPercentId, formatRupiah } from '../../../shared/format/id-format';
import { managerRun } from '../../db/sql/run';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

export const usulanAnggaranPengembanganLoader: ReportLoader<'usulan-anggaran-pengembangan'> = async (params, { services, today }) => {
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const year = params.year ?? Number(today.slice(0, 4)) + 1;
  const title = `Usulan Anggaran Pengembangan Kompetensi Tahun ${year}`;
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Keadaan per', value: formatDateId(today) },
  ];
  let budget = params.budget ?? null;
  const budgetFromCeilings = budget === null;
  if (budget === null) {
    // The perangkat daerah of the unit asked (the root of its path), or every one.
    const opdId = scope ? Number(scope.path.split('/').filter(Boolean)[0]) : null;
    const ceilings = (await services.sql.planning.opds(managerRun(services.dataSource), year))
      .filter((o) => o.ceiling !== null && (opdId === null || o.id === opdId));
    if (ceilings.length === 0) {
      return {
        title, parameters,
        content: { status: 'empty', message: `Belum ada pagu anggaran pengembangan ${year} untuk ${unitName ?? 'perangkat daerah mana pun'}; isi Anggaran pada parameter laporan atau tetapkan pagu di Rencana IDP › Anggaran.` },
      };
    }
    budget = ceilings.reduce((s, o) => s + Number(o.ceiling), 0);
  }
  const plan = await services.planning.propose({ year, budget, unitId: params.unit, timeLimitSeconds: 10, useUnitCeilings: true });
  parameters.push(
    { label: 'Anggaran', value: `${formatRupiah(budget)}${budgetFromCeilings ? ' (jumlah pagu perangkat daerah)' : ''}` },
    { label: 'Dasar', value: 'Kebutuhan pengembangan dari data Jenjang; rencana yang memenuhi kebutuhan terbobot sebanyak mungkin dalam anggaran dan pagu tiap perangkat daerah' },
  );
  if (plan.items.length === 0) {
    return { title, parameters, content: { status: 'empty', message: plan.notes.join(' ') || `Tidak ada kegiatan yang dapat diusulkan untuk ${year} dengan anggaran ini.` } };
  }
  return {
    title, parameters,
    content: {
      status: 'ready',
      data: {
        year, budget, budgetFromCeilings, unitName, cost: plan.cost, needsTotal: plan.needsTotal, needsCovered: plan.needsCovered,
        peopleReaching20Jp: plan.peopleReaching20Jp, lowCostShare: plan.lowCostShare,
        optimality: plan.provenOptimal
          ? 'Terbukti optimal: tidak ada rencana dalam anggaran ini yang memenuhi kebutuhan terbobot lebih banyak'
          : `Batas waktu tercapai; paling jauh ${formatPercentId((plan.optimalityGap ?? 0) * 100)} dari yang optimal`,
        weights: (Object.keys(PRIORITY_LABELS) as PriorityClass[]).map((k) => ({ label: PRIORITY_LABELS[k], weight: plan.weights[k] })),
        notes: plan.notes,
        opds: plan.opds.map((o) => ({ opdName: o.opdName, ceiling: o.ceiling, cost: o.cost, needsTotal: o.needsTotal, needsCovered: o.needsCovered })),
        items: plan.items.map((i) => ({
          opdName: i.opdName, title: i.title, modeLabel: i.modeLabel, needLabel: i.needLabel, priorityLabel: i.priorityLabel, classes: i.classes,
          participants: i.participants.length, jp: i.jp, classCost: i.classCost, participantCost: i.participantCost, cost: i.cost,
        })),
      },
    },
  };
};

