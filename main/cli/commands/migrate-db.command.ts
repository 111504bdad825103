import { formatNumberId } from '../../../shared/format/id-format';
import { migrateDatabase } from '../../db/migrate-db';
import type { Command } from '../command';

export const migrateDbCommand: Command = {
  name: 'migrate-db',
  usage: 'migrate-db --from BERKAS.sqlite|postgres://… --to postgres://…|BERKAS.sqlite [--json]',
  summary: 'Memindahkan seluruh database antara berkas SQLite dan server PostgreSQL (mode tim); tujuan harus kosong, setiap tabel diperiksa jumlah baris dan checksum-nya.',
  async run(args, io) {
    args.rejectUnknown(['from', 'to', 'json']);
    const from = args.required('from');
    const to = args.required('to');
    const started = performance.now();
    const result = await migrateDatabase(from, to, {
      onTable: (copy) => {
        if (!args.flag('json') && copy.rows > 0) io.note(`  ${copy.table}: ${formatNumberId(copy.rows)} baris`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (args.flag('json')) {
      io.out(JSON.stringify({ ...result, seconds: Math.round(seconds * 10) / 10 }));
    } else {
      io.out(`Dipindahkan ${formatNumberId(result.tables.length)} tabel, ${formatNumberId(result.rows)} baris, dari ${result.from} ke ${result.to} `
        + `dalam ${formatNumberId(Math.round(seconds * 10) / 10)} detik; jumlah baris dan checksum setiap tabel sama di kedua sisi.`);
    }
    return 0;
  },
};
