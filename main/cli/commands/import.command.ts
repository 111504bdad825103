import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '../../../shared/domain/import-fields';
import { AppError } from '../../../shared/errors';
import { formatNumberId } from '../../../shared/format/id-format';
import { actorLabel } from '../../../shared/auth/acting';
import { startHost } from '../../host';
import { actAsUser } from '../authenticate';
import { confirmationMessage, describeInstansi } from '../../import/instansi';
import type { StoredFile } from '../../import/file-store';
import type { JobHandle } from '../../jobs/job-registry';
import { withJobLock } from '../../services/locks/job-locks';
import type { Command } from '../command';

/** What `import --json` prints: exactly the shape the issue specifies. */
export interface ImportJson {
  kind: ImportKind;
  rows: number;
  accepted: number;
  rejected: number;
  committed: boolean;
  snapshotId: number | null;
  diff: { new: number; changed: number; absent: number; unchanged: number };
  issues: Array<{ row: number; column: string | null; severity: 'error' | 'warning'; message: string }>;
}

export const importCommand: Command = {
  name: 'import',
  // On a team server too: the import takes the server's advisory lock, as the app's does (a second one is refused).
  acceptsServer: true,
  usage: 'import FILE --db PATH --user NAMA [--kind pegawai|skp|kompetensi|potensi|diklat] [--sheet NAMA] [--dry-run] [--create-missing] [--mark-absent] [--reject-duplicates] [--instansi-lain] [--json]',
  summary: 'Mengimpor berkas CSV/XLSX (snapshot SIASN, SKP, kompetensi, potensi, diklat) dalam satu transaksi (cadangan harian lebih dulu bila hari ini belum ada). Snapshot instansi lain ditolak kecuali dengan --instansi-lain.',
  async run(args, io) {
    args.rejectUnknown(['db', 'user', 'kind', 'sheet', 'dry-run', 'json', 'create-missing', 'mark-absent', 'reject-duplicates', 'instansi-lain']);
    const dbPath = args.required('db');
    const [filePath, ...extra] = args.positional;
    if (!filePath) throw new AppError('validation', 'Sebutkan berkas yang diimpor: npm run cli -- import BERKAS --db PATH.');
    if (extra.length > 0) throw new AppError('validation', `Satu berkas per impor; argumen lebih: ${extra.join(' ')}.`);
    const kindOption = args.string('kind');
    if (kindOption !== undefined && !(IMPORT_KINDS as readonly string[]).includes(kindOption)) {
      throw new AppError('validation', `--kind harus salah satu dari ${IMPORT_KINDS.join(', ')}, bukan "${kindOption}".`);
    }
    const dryRun = args.flag('dry-run');
    const json = args.flag('json');
    let lastPhase = '';
    const job: JobHandle = {
      jobId: 'cli', cancelled: false, throwIfCancelled() {},
      progress(phase) {
        if (phase !== lastPhase) io.note(`${phase}…`);
        lastPhase = phase;
      },
    };
    const host = await startHost({ dbPath, transport: 'test', create: false });
    let actor = '';
    try {
      actor = actorLabel(await actAsUser(host, args, 'import'));
      const file = await host.services.files.registerPath(filePath);
      return await withJobLock(host.services.jobLocks, 'impor', actor, () => importFile(file));
    } finally {
      await host.close();
    }

    async function importFile(file: StoredFile): Promise<number> {
      const plan = await host.services.imports.planFile(file, {
        kind: kindOption as ImportKind | undefined, sheet: args.string('sheet'),
        createMissing: args.flag('create-missing'), markAbsent: args.flag('mark-absent'),
        duplicates: args.flag('reject-duplicates') ? 'reject-all' : 'keep-first', job,
      });
      const kind = plan.parsed.kind!;
      // Another instansi's snapshot is refused as a whole unless the caller says so; the instansi of a first
      // snapshot is taken as given (and recorded with the commit).
      const check = await host.services.imports.instansiCheck(plan);
      if (check.status === 'mismatch' && !args.flag('instansi-lain')) {
        throw new AppError('validation', confirmationMessage(check, 'tambahkan --instansi-lain'), { rejectedFile: true });
      }
      for (const alarm of check.alarms) io.note(`jenjang: peringatan: ${alarm}`);
      if (check.status === 'new' && !dryRun) io.note(`Instansi berkas dicatat sebagai instansi database ini: ${describeInstansi(check.file[0])}.`);
      let snapshotId: number | null = null;
      let backupPath: string | null = null;
      if (!dryRun && plan.counts.accepted > 0) {
        const result = await host.services.imports.commitPlan(plan, actor, job, { confirmed: true, how: 'tambahkan --instansi-lain' });
        snapshotId = result.snapshotId;
        backupPath = result.backupPath;
      }
      const output: ImportJson = {
        kind, rows: plan.counts.rows, accepted: plan.counts.accepted, rejected: plan.counts.rejected, committed: snapshotId !== null, snapshotId,
        diff: kind === 'pegawai' ? plan.diff : { new: 0, changed: 0, absent: 0, unchanged: 0 },
        issues: plan.issues.map((i) => ({ row: i.row, column: i.column, severity: i.severity, message: i.message })),
      };
      if (json) io.out(JSON.stringify(output));
      else printReport(io.out, output, file.name, dryRun, backupPath);
      if (plan.counts.accepted === 0) {
        io.note(`jenjang: semua ${formatNumberId(plan.counts.rows)} baris ditolak; tidak ada yang diimpor.`);
        return 2;
      }
      return 0;
    }
  },
};

function printReport(out: (text: string) => void, r: ImportJson, fileName: string, dryRun: boolean, backupPath: string | null): void {
  out(`${fileName}: ${IMPORT_KIND_LABELS[r.kind]}`);
  out(`${formatNumberId(r.rows)} baris: ${formatNumberId(r.accepted)} diterima, ${formatNumberId(r.rejected)} ditolak.`);
  if (r.kind === 'pegawai') {
    out(`Selisih dengan database: ${formatNumberId(r.diff.new)} pegawai baru, ${formatNumberId(r.diff.changed)} berubah, ${formatNumberId(r.diff.absent)} tidak ada di snapshot (status tidak diubah kecuali --mark-absent), ${formatNumberId(r.diff.unchanged)} sama.`);
  }
  if (dryRun) out('Uji coba (--dry-run): tidak ada yang disimpan.');
  else if (r.committed) out(`Disimpan sebagai snapshot #${r.snapshotId}.${backupPath ? ` Cadangan harian dibuat lebih dulu: ${backupPath}` : ''}`);
  const errors = r.issues.filter((i) => i.severity === 'error');
  const warnings = r.issues.length - errors.length;
  if (r.issues.length > 0) out(`Masalah: ${formatNumberId(errors.length)} kesalahan, ${formatNumberId(warnings)} peringatan.`);
  for (const issue of r.issues.slice(0, 40)) {
    out(`  baris ${issue.row}${issue.column ? `, ${issue.column}` : ''}: ${issue.severity === 'error' ? 'KESALAHAN' : 'peringatan'}: ${issue.message}`);
  }
  if (r.issues.length > 40) out(`  … dan ${formatNumberId(r.issues.length - 40)} lainnya (lihat --json).`);
}
