import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { PositionEntity } from './position.entity';

/** Kompetensi (PermenPANRB 38/2017): manajerial M.01–M.08, sosial kultural, teknis; levels 1–5. */
@Entity('competency_definition')
export class CompetencyDefinitionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** manajerial, sosial_kultural, teknis */
  @Column({ type: 'text' })
  group: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** JSON array of five behavioural descriptors, level 1 first. */
  @Column({ type: 'text', nullable: true })
  levelDescriptors: string | null;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** Standar kompetensi jabatan: the level a position requires for a competency. */
@Entity('position_competency_standard')
@Unique('uq_standard_position_competency', ['positionId', 'competencyId'])
@Index('idx_standard_competency', ['competencyId'])
// A post's standard with the required levels, read once per candidate by the succession ranking's JPM.
@Index('idx_standard_position_levels', ['positionId', 'competencyId', 'requiredLevel'])
export class PositionCompetencyStandardEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => PositionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  position: Relation<PositionEntity>;

  @Column({ type: 'integer' })
  positionId: number;

  @ManyToOne(() => CompetencyDefinitionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id' })
  competency: Relation<CompetencyDefinitionEntity>;

  @Column({ type: 'integer' })
  competencyId: number;

  @Column({ type: 'integer' })
  requiredLevel: number;
}
