import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/** One imported file (or demo load): the provenance every history row points back to. */
@Entity('import_snapshot')
@Index('idx_snapshot_sha256', ['sha256'])
@Index('idx_snapshot_imported_at', ['importedAt'])
export class ImportSnapshotEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** pegawai, skp, kompetensi, potensi, diklat, demo */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'integer', default: 0 })
  rowCount: number;

  @Column({ type: 'integer', default: 0 })
  acceptedCount: number;

  @Column({ type: 'integer', default: 0 })
  rejectedCount: number;

  /** JSON: diff counts and anything else the kind reports. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** JSON: the column mapping used. */
  @Column({ type: 'text', nullable: true })
  mapping: string | null;

  /** committed, undone */
  @Column({ type: 'text' })
  status: string;

  /** The database copy taken just before the commit, used by undo. */
  @Column({ type: 'text', nullable: true })
  backupPath: string | null;

  @Column({ type: 'text' })
  importedBy: string;

  /** The account that imported (null for the system and for imports older than accounts). No FK, like the audit log. */
  @Column({ type: 'integer', nullable: true })
  accountId: number | null;

  @Column({ type: 'text' })
  importedAt: string;

  @Column({ type: 'text', nullable: true })
  undoneAt: string | null;
}

/** A warning or error found in one row of an imported file. */
@Entity('import_issue')
@Index('idx_import_issue_snapshot', ['snapshotId'])
export class ImportIssueEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => ImportSnapshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot: Relation<ImportSnapshotEntity>;

  @Column({ type: 'integer' })
  snapshotId: number;

  /** Line in a CSV (header = 1) or sheet row in an XLSX. */
  @Column({ type: 'integer' })
  row: number;

  @Column({ type: 'text', nullable: true })
  column: string | null;

  @Column({ type: 'text', nullable: true })
  value: string | null;

  /** error, warning */
  @Column({ type: 'text' })
  severity: string;

  @Column({ type: 'text' })
  message: string;
}

/** A saved header → field mapping for a recurring file layout. */
@Entity('import_mapping_profile')
export class ImportMappingProfileEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text' })
  kind: string;

  /** JSON: { header: field | null } */
  @Column({ type: 'text' })
  mapping: string;

  @Column({ type: 'text' })
  createdAt: string;
}

/**
 * What one snapshot changed, so it can be undone while the app runs: rows it inserted into tables without a
 * snapshot_id (employee, unit, position, competency_definition) and before/after images of the columns it
 * updated. Rows it inserted into history tables are found by their snapshot_id.
 */
@Entity('import_change')
@Index('idx_import_change_snapshot', ['snapshotId'])
export class ImportChangeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => ImportSnapshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot: Relation<ImportSnapshotEntity>;

  @Column({ type: 'integer' })
  snapshotId: number;

  @Column({ type: 'text' })
  tableName: string;

  @Column({ type: 'integer' })
  rowId: number;

  /** insert, update */
  @Column({ type: 'text' })
  action: string;

  /** JSON: the updated columns as they were before the import. */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  /** JSON: the same columns as the import left them (undo refuses when they changed since). For an insert,
   *  {"through": id} records a range of consecutive ids row_id … through. */
  @Column({ type: 'text', nullable: true })
  after: string | null;
}
