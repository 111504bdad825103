import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EditVersionColumn, UpdatedByColumn, UpdatedAtColumn } from './edit-version-columns';

/** The optimistic version of one section of Pengaturan (its key prefix), and who saved it last. A section never
 *  saved has no row (version 0). */
@Entity('settings_section_version')
export class SettingsSectionVersionEntity {
  @PrimaryColumn({ type: 'text' })
  section: string;

  @EditVersionColumn({ startsAt: 0 })
  version: number;

  @UpdatedByColumn()
  updatedBy: string | null;

  @UpdatedAtColumn()
  updatedAt: string | null;
}

/** Who holds an exclusive job (import, talent-session fix) and since when: what a second desk is told. The lock
 *  itself is the job lock service's (in-process on one desk, an advisory lock on PostgreSQL); this row names it. */
@Entity('job_lock')
export class JobLockEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  holder: string;

  @Column({ type: 'text' })
  since: string;
}
