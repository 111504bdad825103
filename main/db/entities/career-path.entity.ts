import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EditVersionColumn, UpdatedByColumn, UpdatedAtColumn } from './edit-version-columns';

/** A career path (pola karier) the office keeps: a named group of steps. Empty table: Jenjang's default set
 *  applies (main/services/careers/default-paths.ts), stored on the office's first edit. */
@Entity('career_path')
export class CareerPathEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'integer', default: 0 })
  sort: number;

  @EditVersionColumn()
  version: number;

  @UpdatedAtColumn({ required: true })
  updatedAt: string;

  @UpdatedByColumn({ required: true })
  updatedBy: string;
}

/**
 * One step of a path: from a position level (and JF family, null for any) to another, with its requirements as the
 * columns of moves.ts StepRequirements (null or 0: not asked).
 */
@Entity('career_step')
@Index('idx_career_step_path', ['pathId', 'sort'])
@Index('idx_career_step_from', ['fromLevel', 'fromFamily'])
export class CareerStepEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => CareerPathEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'path_id' })
  path: Relation<CareerPathEntity>;

  @Column({ type: 'integer' })
  pathId: number;

  /** position.family of the positions the step starts from; null: every position of the level. */
  @Column({ type: 'text', nullable: true })
  fromFamily: string | null;

  /** shared/domain/position.ts PositionLevel. */
  @Column({ type: 'text' })
  fromLevel: string;

  @Column({ type: 'text', nullable: true })
  toFamily: string | null;

  @Column({ type: 'text' })
  toLevel: string;

  @Column({ type: 'integer', nullable: true })
  minGolongan: number | null;

  /** EDUCATION_RANK of the lowest education (D-IV and S-1 one rank), with its label. */
  @Column({ type: 'integer', nullable: true })
  educationRank: number | null;

  @Column({ type: 'text', nullable: true })
  educationLabel: string | null;

  /** pkp, pka, pkn_2, pkn_1. */
  @Column({ type: 'text', nullable: true })
  leadershipTraining: string | null;

  @Column({ type: 'real', nullable: true })
  minJpm: number | null;

  @Column({ type: 'integer', nullable: true })
  minMonthsInLevel: number | null;

  @Column({ type: 'integer', default: 0 })
  skpYears: number;

  @Column({ type: 'boolean', default: true })
  noRunningDiscipline: boolean;

  @Column({ type: 'integer', default: 0 })
  sort: number;

  @EditVersionColumn()
  version: number;
}
