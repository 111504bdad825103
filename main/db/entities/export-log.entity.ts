import { Column, Entity, Index } from 'typeorm';
import { ActedRecord } from './acted-record';

/**
 * One file that left the app with personal data in it: a PDF report, an XLSX export or register, the rejected
 * rows of an import. Written by the call that produces the file (PrivacyService.recordExport); the
 * Administrator reads it in Pengaturan › Data pribadi.
 */
@Entity('export_log')
@Index('idx_export_log_at', ['at'])
@Index('idx_export_log_actor', ['actor', 'at'])
@Index('idx_export_log_kind', ['kind', 'at'])
export class ExportLogEntity extends ActedRecord {
  /** A report id (profil-pegawai, duk, …) or an export kind (tabel, usulan-kp, impor-ditolak). */
  @Column({ type: 'text' })
  kind: string;

  /** The readable title ("Daftar Urut Kepangkatan", "Daftar Pegawai"). */
  @Column({ type: 'text' })
  title: string;

  /** JSON: the filters and parameters as the screen names them, [{ label, value }]. */
  @Column({ type: 'text' })
  parameters: string;

  /** pdf, xlsx */
  @Column({ type: 'text' })
  format: string;

  @Column({ type: 'integer', nullable: true })
  rowCount: number | null;

  @Column({ type: 'integer', nullable: true })
  pageCount: number | null;

  @Column({ type: 'text' })
  fileName: string;

  /** Printed "untuk pimpinan": contact data and full birth dates left out. */
  @Column({ type: 'boolean', default: false })
  forLeadership: boolean;

  /** cli, electron, web */
  @Column({ type: 'text' })
  via: string;
}
