import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';
import { ImportSnapshotEntity } from './import.entity';

/**
 * SKP evaluation for one period. 2022+ (PermenPANRB 6/2022): hasil kerja and perilaku kerja ratings give the
 * predikat by the matrix. Before: a legacy numeric score with its own label, kept as recorded (PP 46/2011).
 */
@Entity('performance_evaluation')
@Unique('uq_performance_employee_period', ['employeeId', 'year', 'period'])
@Index('idx_performance_year_period', ['year', 'period'])
@Index('idx_performance_snapshot', ['snapshotId'])
// The annual SKP as its readers take it (the promotion list's two years per candidate), year first: the lookups of
// one year stay inside one part of the index.
@Index('idx_performance_annual', ['year', 'employeeId', 'regime', 'predikat', 'legacyScore', 'legacyLabel'], { where: `period = 'tahunan'` })
export class PerformanceEvaluationEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  @Column({ type: 'integer' })
  year: number;

  /** tahunan, triwulan_1 … triwulan_4, bulan_01 … bulan_12 */
  @Column({ type: 'text' })
  period: string;

  /** PMPANRB6_2022, PP30_2019, PP46_2011 */
  @Column({ type: 'text' })
  regime: string;

  /** di_atas, sesuai, di_bawah */
  @Column({ type: 'text', nullable: true })
  hasilKerja: string | null;

  @Column({ type: 'text', nullable: true })
  perilakuKerja: string | null;

  /** sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang (null for a legacy score without mapping) */
  @Column({ type: 'text', nullable: true })
  predikat: string | null;

  @Column({ type: 'real', nullable: true })
  legacyScore: number | null;

  @Column({ type: 'text', nullable: true })
  legacyLabel: string | null;

  @Column({ type: 'text', nullable: true })
  evaluatorNip: string | null;

  /** For Butuh Perbaikan or worse: belum, pembinaan, selesai */
  @Column({ type: 'text', nullable: true })
  followUpStatus: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text' })
  source: string;

  @ManyToOne(() => ImportSnapshotEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot: Relation<ImportSnapshotEntity> | null;

  @Column({ type: 'integer', nullable: true })
  snapshotId: number | null;

  @Column({ type: 'text' })
  createdAt: string;
}
