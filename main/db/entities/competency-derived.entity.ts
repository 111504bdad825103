import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';

/**
 * Derived: each employee's match against the standard of their current position (JPM, counts, category),
 * refreshed with the competency refresher in main/db/derived.ts whenever assessments, standards or the
 * employee's position/unit/status change. Read by the Peta Kompetensi dashboard and `stats`.
 */
@Entity('employee_competency_profile')
@Index('idx_competency_profile_unit', ['unitId', 'positionLevel'])
@Index('idx_competency_profile_position', ['positionId'])
export class EmployeeCompetencyProfileEntity {
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  @OneToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer', nullable: true })
  positionId: number | null;

  @Column({ type: 'integer', nullable: true })
  unitId: number | null;

  @Column({ type: 'text', nullable: true })
  positionLevel: string | null;

  /** Status aktif at refresh time: dashboards count active employees only. */
  @Column({ type: 'boolean' })
  active: boolean;

  /** no_standard, not_assessed, partial, complete (shared/domain/competency.ts JpmStatus) */
  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'integer' })
  standardCount: number;

  @Column({ type: 'integer' })
  requiredSum: number;

  @Column({ type: 'integer' })
  assessedCount: number;

  @Column({ type: 'integer' })
  achievedSum: number;

  /** Only when every competency of the standard is assessed. */
  @Column({ type: 'real', nullable: true })
  jpm: number | null;

  @Column({ type: 'text', nullable: true })
  category: string | null;
}

/**
 * Derived: per unit, position level and competency, over active employees whose position standard includes
 * the competency: how many, how many assessed, how many meet the standard, and the sum of gaps. The heatmap
 * sums these few rows per subtree instead of scanning every assessment (0.4 s at 50,000 employees in `npm run bench`).
 */
@Entity('competency_gap_summary')
@Index('idx_competency_gap_summary_root', ['rootUnitId', 'competencyId'])
export class CompetencyGapSummaryEntity {
  @PrimaryColumn({ type: 'integer' })
  unitId: number;

  /** The unit's perangkat daerah, so the top-level heatmap groups without joining the unit tree. */
  @Column({ type: 'integer' })
  rootUnitId: number;

  @PrimaryColumn({ type: 'text' })
  positionLevel: string;

  @PrimaryColumn({ type: 'integer' })
  competencyId: number;

  @Column({ type: 'integer' })
  employees: number;

  @Column({ type: 'integer' })
  assessed: number;

  @Column({ type: 'integer' })
  meeting: number;

  /** Σ (actual − required) over the assessed. */
  @Column({ type: 'integer' })
  gapSum: number;
}

/**
 * Derived: per unit, position level, JPM status and JPM bucket, the number of active employees and the sum of
 * their JPM. Heatmap row totals and the JPM distribution add up these rows instead of every profile.
 * position_level '' = no position; bucket '-' = no JPM (not complete).
 */
@Entity('competency_jpm_histogram')
@Index('idx_competency_jpm_histogram_root', ['rootUnitId'])
export class CompetencyJpmHistogramEntity {
  @PrimaryColumn({ type: 'integer' })
  unitId: number;

  @PrimaryColumn({ type: 'text' })
  positionLevel: string;

  @PrimaryColumn({ type: 'text' })
  status: string;

  @PrimaryColumn({ type: 'text' })
  bucket: string;

  @Column({ type: 'integer' })
  rootUnitId: number;

  @Column({ type: 'integer' })
  employees: number;

  @Column({ type: 'real' })
  jpmSum: number;
}
