import { isIsoDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';
import { formatNumberId } from '../../../shared/format/id-format';
import { startHost } from '../../host';
import { clockFromEnvironment } from '../../services/clock';
import type { Command } from '../command';

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats --db PATH [--json] [--as-of YYYY-MM-DD] [--year Y]',
  summary: 'Ringkasan angka database (kontrak JSON stabil untuk otomasi).',
  acceptsServer: true,
  async run(args, io) {
    args.rejectUnknown(['db', 'json', 'as-of', 'year']);
    const dbPath = args.required('db');
    const asOf = args.string('as-of') ?? clockFromEnvironment().today();
    if (!isIsoDate(asOf)) throw new AppError('validation', `--as-of harus tanggal TTTT-BB-HH yang valid, bukan "${asOf}".`);
    const year = args.integer('year', 1990, 2100);
    const host = await startHost({ dbPath, transport: 'test', readOnly: true });
    try {
      const stats = await host.services.stats.collect({ asOf, year, scope: 'all' });
      if (args.flag('json')) {
        io.out(JSON.stringify(stats));
      } else {
        io.out(`Per ${asOf}: ${formatNumberId(stats.employees.total)} catatan pegawai`);
        for (const [label, n] of Object.entries(stats.employees.byStatus)) io.out(`  ${label}: ${formatNumberId(n)}`);
        io.out('Pensiun (pegawai aktif):');
        for (const [y, n] of Object.entries(stats.retirements)) io.out(`  ${y}: ${formatNumberId(n)}`);
      }
      return 0;
    } finally {
      await host.close();
    }
  },
};
