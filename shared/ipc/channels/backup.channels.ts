// backup: channel → request/response. The schemas are in shared/schemas/backup.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { empty, jobId } from '../../schemas/common';
import { backupEntry, backupSettings, databaseSummary, recoveryKeyText, restorePreview, restoreSource } from '../../schemas/backup';
import { withVersion, versionedPatch } from '../../schemas/edit-version';

export const backupChannels = defineChannels({
  /** The copies of this database (daily, manual, before import/restore/migration), newest first. */
  'backup:list': { permission: 'backup',
    request: empty,
    /** `teamMode`: the database is on the office's PostgreSQL server (copies go to this computer's folder for it;
     *  no daily copy per desk; a restore replaces the data every desk sees). */
    response: z.object({ folder: z.string(), backups: z.array(backupEntry), settings: withVersion(backupSettings), teamMode: z.boolean() }),
  },
  /** "Cadangkan sekarang": a manual copy in the backup folder (team mode: the server's consistent snapshot, audited).
   *  Progress arrives as job:progress for `jobId`. */
  'backup:create': { permission: 'backup', request: z.object({ jobId }).strict(), response: backupEntry },
  /** Today's daily copy if the setting is on and it is not there yet (the host's timer calls it; null: nothing due). */
  'backup:dailyIfDue': { permission: 'backup', request: empty, response: backupEntry.nullable() },
  'backup:settings': { permission: 'backup', request: empty, response: withVersion(backupSettings) },
  'backup:updateSettings': { permission: 'backup', request: versionedPatch(backupSettings), response: withVersion(backupSettings) },
  /** Electron's open-file dialog for a backup file; null when cancelled. */
  'backup:pick': { permission: 'backup', request: empty, response: z.object({ pickId: z.string(), name: z.string() }).nullable() },
  /** Checks a file as a restore would and says what it would replace; refuses with the reason. Changes nothing.
   *  `recoveryKey`: the recovery key of another computer, for a backup made there under its key. */
  'backup:inspect': { permission: 'backup', request: z.object({ source: restoreSource, jobId: jobId.optional(), recoveryKey: recoveryKeyText.optional() }).strict(), response: restorePreview },
  /** Replaces the database with the file after the same checks; the replaced database is kept as a copy first.
   *  The restored database is encrypted with this computer's key, whatever key (or none) the backup had. */
  'backup:restore': { permission: 'backup',
    request: z.object({ source: restoreSource, jobId, recoveryKey: recoveryKeyText.optional() }).strict(),
    response: z.object({ restored: databaseSummary, previousCopy: backupEntry.nullable(), name: z.string() }),
  },
});
