import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/** Unit kerja: an OPD at the root, its bidang/bagian/sub-units, schools, puskesmas, kecamatan below. */
@Entity('unit')
@Index('idx_unit_parent', ['parentId'])
@Index('idx_unit_root', ['rootId'])
@Index('idx_unit_path', ['path'])
export class UnitEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** SIASN unor_id or the office's own code; unique when present. */
  @Column({ type: 'text', nullable: true, unique: true })
  code: string | null;

  @Column({ type: 'text' })
  name: string;

  /** opd, sekretariat, bidang, bagian, subbagian, uptd, sekolah, puskesmas, kecamatan, kelurahan, … */
  @Column({ type: 'text' })
  kind: string;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent: Relation<UnitEntity> | null;

  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  /** The OPD (root) this unit belongs to; itself for an OPD. Lets dashboards group by OPD without recursion. */
  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'root_id' })
  root: Relation<UnitEntity> | null;

  @Column({ type: 'integer', nullable: true })
  rootId: number | null;

  /** Materialised ancestry "/12/40/": a subtree is `path LIKE '/12/%'`, answered from the index. */
  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'integer', default: 0 })
  depth: number;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
