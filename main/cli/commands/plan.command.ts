import { AppError } from '../../../shared/errors';
import { formatNumberId, formatPercentId, formatRupiah } from '../../../shared/format/id-format';
import { startHost } from '../../host';
import type { Command } from '../command';

/** `plan`: the annual development plan under a budget, proposed headlessly from a database opened read-only. */
export const planCommand: Command = {
  name: 'plan',
  usage: 'plan --db PATH --year Y --budget RP [--unit ID] [--time-limit DETIK] [--json]',
  summary: 'Menyusun usulan rencana pengembangan kompetensi tahunan dalam batas anggaran (hanya membaca database).',
  acceptsServer: true,
  async run(args, io) {
    args.rejectUnknown(['db', 'year', 'budget', 'unit', 'time-limit', 'json']);
    const dbPath = args.required('db');
    const year = args.integer('year', 1990, 2100);
    if (year === undefined) throw new AppError('validation', 'Opsi --year wajib diisi.');
    const budget = args.integer('budget', 0, 1_000_000_000_000);
    if (budget === undefined) throw new AppError('validation', 'Opsi --budget (rupiah) wajib diisi.');
    const unitId = args.integer('unit', 1, Number.MAX_SAFE_INTEGER);
    const timeLimitSeconds = args.integer('time-limit', 1, 30) ?? 10;
    const host = await startHost({ dbPath, transport: 'test', readOnly: true });
    try {
      const plan = await host.services.planning.propose({ year, budget, unitId, timeLimitSeconds, pins: [], excludes: [], useUnitCeilings: true });
      if (args.flag('json')) {
        io.out(JSON.stringify({
          year: plan.year, budget: plan.budget, cost: plan.cost, needsTotal: plan.needsTotal, needsCovered: plan.needsCovered,
          peopleReaching20Jp: plan.peopleReaching20Jp, optimalityGap: plan.optimalityGap ?? 0,
        }));
      } else {
        io.out(`Rencana pengembangan ${year}${plan.unitName ? ` – ${plan.unitName}` : ''}: ${formatRupiah(plan.cost)} dari anggaran ${formatRupiah(budget)}`);
        io.out(`  Kebutuhan terpenuhi: ${formatNumberId(plan.needsCovered)} dari ${formatNumberId(plan.needsTotal)}`);
        io.out(`  Pegawai mencapai 20 JP lewat rencana: ${formatNumberId(plan.peopleReaching20Jp)}`);
        io.out(`  ${plan.provenOptimal ? 'Terbukti optimal' : `Selisih dari optimal paling jauh ${formatPercentId((plan.optimalityGap ?? 0) * 100)}`} (${formatNumberId(plan.solverSeconds, 1)} detik)`);
        for (const item of plan.items.slice(0, 30)) {
          io.out(`  - ${item.opdName}: ${item.title} (${item.modeLabel}), ${formatNumberId(item.classes)} kelas, ${formatNumberId(item.participants.length)} peserta, ${formatRupiah(item.cost)} – ${item.needLabel}`);
        }
        if (plan.items.length > 30) io.out(`  … dan ${formatNumberId(plan.items.length - 30)} kegiatan lain (pakai --json untuk angka ringkas).`);
        for (const note of plan.notes) io.note(`Catatan: ${note}`);
      }
      return 0;
    } finally {
      await host.close();
    }
  },
};
