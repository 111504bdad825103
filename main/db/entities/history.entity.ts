import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';
import { ImportSnapshotEntity } from './import.entity';
import { PositionEntity } from './position.entity';
import { UnitEntity } from './unit.entity';

// Append-only career history. Every row says where it came from: `source` (manual, import, demo) and, for
// imports, the snapshot, so an import can be traced and undone.

@Entity('position_history')
// With the position and unit in it, the succession ranking reads a person's earlier posts from the index alone.
@Index('idx_position_history_employee', ['employeeId', 'tmt', 'positionId', 'unitId'])
@Index('idx_position_history_position', ['positionId'])
@Index('idx_position_history_unit', ['unitId'])
@Index('idx_position_history_snapshot', ['snapshotId'])
export class PositionHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  @ManyToOne(() => PositionEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'position_id' })
  position: Relation<PositionEntity> | null;

  @Column({ type: 'integer', nullable: true })
  positionId: number | null;

  /** The name as it was then: positions get renamed in restructurings. */
  @Column({ type: 'text' })
  positionName: string;

  @Column({ type: 'text', nullable: true })
  positionLevel: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Column({ type: 'integer', nullable: true })
  unitId: number | null;

  @Column({ type: 'text', nullable: true })
  unitName: string | null;

  @Column({ type: 'text' })
  tmt: string;

  @Column({ type: 'text', nullable: true })
  endDate: string | null;

  @Column({ type: 'text', nullable: true })
  skNumber: string | null;

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

@Entity('rank_history')
@Index('idx_rank_history_employee', ['employeeId', 'tmt'])
@Index('idx_rank_history_snapshot', ['snapshotId'])
export class RankHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  @Column({ type: 'integer' })
  golongan: number;

  @Column({ type: 'text' })
  tmt: string;

  /** cpns, reguler, pilihan_struktural, pilihan_fungsional, penyesuaian_ijazah, pppk, … */
  @Column({ type: 'text', nullable: true })
  kind: string | null;

  @Column({ type: 'text', nullable: true })
  skNumber: string | null;

  /** Masa kerja golongan the KP decree grants. */
  @Column({ type: 'integer', nullable: true })
  mkYears: number | null;

  @Column({ type: 'integer', nullable: true })
  mkMonths: number | null;

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
