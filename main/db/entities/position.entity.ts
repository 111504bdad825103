import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EditVersionColumn, UpdatedByColumn, UpdatedAtColumn } from './edit-version-columns';
import { UnitEntity } from './unit.entity';

/**
 * Jabatan. Structural posts belong to one unit and have one incumbent; a functional or pelaksana position
 * may be unit-less and held by many (SIASN's jabatan_id for "Guru Ahli Pertama" is national).
 */
@Entity('position')
@Index('idx_position_unit', ['unitId'])
@Index('idx_position_level', ['level'])
@Index('idx_position_name', ['name'])
export class PositionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** SIASN jabatan_id or the office's code; unique when present. */
  @Column({ type: 'text', nullable: true, unique: true })
  code: string | null;

  @Column({ type: 'text' })
  name: string;

  /** jpt, administrator, pengawas, pelaksana, fungsional (shared/domain/position.ts). */
  @Column({ type: 'text' })
  kind: string;

  /** jpt_pratama, administrator, ahli_madya, … (shared/domain/position.ts). */
  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text', nullable: true })
  eselon: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Column({ type: 'integer', nullable: true })
  unitId: number | null;

  /** Jabatan fungsional family ("Guru", "Perawat", "Analis SDM Aparatur"), for grouping and pola karier. */
  @Column({ type: 'text', nullable: true })
  family: string | null;

  @Column({ type: 'integer', nullable: true })
  minGolongan: number | null;

  @Column({ type: 'integer', nullable: true })
  maxGolongan: number | null;

  /** BUP fixed by an Undang-Undang for this jabatan (guru 60, dosen 65); null = by level. */
  @Column({ type: 'integer', nullable: true })
  bupOverride: number | null;

  /** Jabatan kritikal for succession planning (JPT Pratama and Administrator by default). */
  @Column({ type: 'boolean', default: false })
  isKey: boolean;

  /** Structural posts have one incumbent; JF/pelaksana formations may have many. */
  @Column({ type: 'integer', nullable: true })
  quota: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Rumpun jabatan for succession ranking (shared/domain/succession/rumpun.ts): Jenjang's proposal, kept up to
   *  date on write, until the office sets it. */
  @Column({ type: 'text', nullable: true })
  rumpun: string | null;

  /** The office set the rumpun; Jenjang no longer replaces it with its proposal. */
  @Column({ type: 'boolean', default: false })
  rumpunSetByOffice: boolean;

  @EditVersionColumn()
  version: number;

  @UpdatedByColumn()
  updatedBy: string | null;

  @UpdatedAtColumn()
  updatedAt: string | null;
}
