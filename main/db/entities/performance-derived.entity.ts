import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';

/**
 * Derived: for each employee and each calendar year since their first SKP or potential assessment, the
 * latest annual SKP of that year or before (kinerja axis) and the latest potential assessment up to the end
 * of that year. The 9-box of a year reads one row per employee instead of searching the history.
 */
@Entity('talent_axis_year')
// A year's axes of everyone, in one index the 9-box reads without the table (migration 1765600000000).
@Index('idx_talent_axis_year_axes', ['year', 'employeeId', 'kinerjaAxis', 'potensiAxis'])
export class TalentAxisYearEntity {
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer', nullable: true })
  evaluationId: number | null;

  /** The year of that SKP (may be earlier than `year` when the year's SKP is missing). */
  @Column({ type: 'integer', nullable: true })
  evaluationYear: number | null;

  /** di_atas, sesuai, di_bawah */
  @Column({ type: 'text', nullable: true })
  kinerjaAxis: string | null;

  @Column({ type: 'integer', nullable: true })
  potentialId: number | null;

  @Column({ type: 'text', nullable: true })
  potentialLevel: string | null;

  @Column({ type: 'real', nullable: true })
  potentialScore: number | null;

  @Column({ type: 'text', nullable: true })
  potentialDate: string | null;

  /** rendah, menengah, tinggi: the recorded level, else the score by the thresholds in Pengaturan (a change of
   *  thresholds refreshes this table). */
  @Column({ type: 'text', nullable: true })
  potensiAxis: string | null;
}

/** Derived: which unit and jenjang each employee counts under in the performance summaries (current values). */
@Entity('performance_member')
@Index('idx_performance_member_unit', ['unitId'])
export class PerformanceMemberEntity {
  /** No foreign key on purpose: the row of a deleted employee must outlive them until the refresher has
   *  rebuilt the summaries of the unit they were counted in (then it removes the row). */
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  @Column({ type: 'integer', nullable: true })
  unitId: number | null;

  /** The position level and active status the summaries last counted this person under: a change of
   *  neither (nor of unit) leaves the summaries as they are. */
  @Column({ type: 'text', default: '' })
  positionLevel: string;

  @Column({ type: 'integer', default: 0 })
  active: number;
}

/**
 * Derived: annual SKP of active employees per unit, jenjang, year and category (a 2022 predikat code, or
 * "legacy:<sebutan>" for PP 46/2011 scores). The Kinerja page sums these rows per subtree.
 */
@Entity('performance_year_summary')
// Covering for the district's sum per perangkat daerah, year and predikat (migration 1765900006000).
@Index('idx_performance_summary_root', ['rootUnitId', 'year', 'category', 'positionLevel', 'employees'])
export class PerformanceYearSummaryEntity {
  @PrimaryColumn({ type: 'integer' })
  unitId: number;

  @PrimaryColumn({ type: 'text' })
  positionLevel: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ type: 'text' })
  category: string;

  @Column({ type: 'integer' })
  rootUnitId: number;

  @Column({ type: 'integer' })
  employees: number;
}

/**
 * Derived: active employees per unit, jenjang, year and axis pair ('' = missing). The 9-box counts sum these
 * rows per population; boxes are numbered from the axes at read time (the numbering is a setting).
 */
@Entity('talent_box_summary')
@Index('idx_talent_box_summary_root', ['rootUnitId', 'year'])
@Index('idx_talent_box_summary_year', ['year'])
export class TalentBoxSummaryEntity {
  @PrimaryColumn({ type: 'integer' })
  unitId: number;

  @PrimaryColumn({ type: 'text' })
  positionLevel: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ type: 'text' })
  kinerjaAxis: string;

  @PrimaryColumn({ type: 'text' })
  potensiAxis: string;

  @Column({ type: 'integer' })
  rootUnitId: number;

  @Column({ type: 'integer' })
  employees: number;
}
