// The columns of a record edited from a form: its version, and who saved it last and when, which the refusal of a
// stale edit names (main/services/versions/edit-version.ts). One definition for every entity that carries them, so
// their type, default and meaning are written once. Property decorators rather than a base class: an inherited
// column would move to the front of the entity's columns, these stay where each entity declares them.

import { Column } from 'typeorm';

/** Optimistic concurrency: an edit names the version its form read, and a save claims the next one. A record
 *  starts at 1; a settings section, which has no row until its first save, reads as 0 (`startsAt: 0`). */
export function EditVersionColumn(options: { startsAt?: 0 | 1 } = {}): PropertyDecorator {
  return Column({ type: 'integer', default: options.startsAt ?? 1 });
}

/** The audit actor label of the last save ("Sri Wahyuni (sri)"). Null on a row no form has saved yet, unless every
 *  write of the record names its editor (`required`). */
export function UpdatedByColumn(options: { required?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'text', nullable: !options.required });
}

/** When the record was last saved (ISO-8601 UTC, the app clock). Null on a row no form has saved yet, unless the
 *  record has had it since it was created (`required`). */
export function UpdatedAtColumn(options: { required?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'text', nullable: !options.required });
}
