// The agency identity printed on reports (kop surat and signature block), kept in app_setting.
//
// The logo is stored in the database as base64 (`agency.logo`), not as a file under the user-data folder:
// the database file is what the office backs up and restores (`cli backup`/`restore`), so the letterhead
// travels with the data; the report page gets it as a data: URL that works the same under app:// and the web
// host, with no extra file route to secure; and a kop-surat logo is small (≤ 1 MB, usually a few KB).

import type { DataSource, EntityManager } from 'typeorm';
import { inspectLogo } from '../../shared/domain/logo';
import { AGENCY_FIELD_LABELS, agencyIdentity, EMPTY_AGENCY_IDENTITY, missingAgencyFields, type AgencyIdentity, type AgencyLogo, type AgencySettings } from '../../shared/schemas/agency';
import { AGENCY_IDENTITY_KEY, AGENCY_LOGO_KEY, storedLogo, type StoredLogo } from '../db/agency-settings';
import { managerRun, type Run } from '../db/sql/run';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';
import type { SettingsService } from './settings/settings.service';
import { claimEditVersion, readEditVersion, type VersionedRecord } from './versions/edit-version';

/** The identity and the logo are one form in Pengaturan: one version for both. */
const AGENCY_RECORD: VersionedRecord = { table: 'settings_section_version', key: 'agency' };
const AGENCY_SUBJECT = 'Identitas instansi ini';

export class AgencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async identity(): Promise<AgencyIdentity> {
    return this.settings.getValue(AGENCY_IDENTITY_KEY, agencyIdentity, EMPTY_AGENCY_IDENTITY);
  }

  async logo(): Promise<AgencyLogo | null> {
    const stored = await this.settings.getValue(AGENCY_LOGO_KEY, storedLogo.nullable(), null);
    if (!stored) return null;
    return {
      fileName: stored.fileName, mimeType: stored.mimeType, bytes: stored.bytes, width: stored.width, height: stored.height,
      dataUrl: `data:${stored.mimeType};base64,${stored.base64}`,
    };
  }

  async get(): Promise<AgencySettings> {
    const [identity, logo] = [await this.identity(), await this.logo()];
    const { version } = await readEditVersion(managerRun(this.dataSource), AGENCY_RECORD);
    return { identity, logo, missing: missingAgencyFields(identity, logo !== null), version };
  }

  /** Claims the next version for a change made from the form that read `version` (refused with who and when when
   *  another desk saved since); a change not made from the form (the instansi confirmed during an import) takes
   *  the stored version. */
  private async claim(run: Run, actor: string, version: number | undefined): Promise<void> {
    const expected = version ?? (await readEditVersion(run, AGENCY_RECORD)).version;
    await claimEditVersion(run, AGENCY_RECORD, expected, { subject: AGENCY_SUBJECT, actor, at: this.clock.now() });
  }

  async update(identity: AgencyIdentity, actor: string, version?: number): Promise<AgencySettings> {
    const before = await this.identity();
    const changes = (Object.keys(AGENCY_FIELD_LABELS) as Array<keyof AgencyIdentity>)
      .filter((key) => before[key] !== identity[key])
      .map((key) => ({ field: key, label: AGENCY_FIELD_LABELS[key], before: before[key], after: identity[key] }));
    if (changes.length === 0 && version !== undefined) {
      // Nothing to write, but a form behind the times still learns it is.
      const { version: stored } = await readEditVersion(managerRun(this.dataSource), AGENCY_RECORD);
      if (stored !== version) await this.dataSource.transaction((manager) => this.claim(managerRun(manager), actor, version));
    }
    if (changes.length > 0) {
      await this.dataSource.transaction(async (manager) => {
        await this.claim(managerRun(manager), actor, version);
        await this.settings.setValue(AGENCY_IDENTITY_KEY, identity, manager);
        await this.record(manager, actor, `Mengubah identitas instansi untuk kop surat: ${changes.map((c) => c.label.toLowerCase()).join(', ')}`, changes);
      });
    }
    return this.get();
  }

  /** The instansi of the first employee snapshot, confirmed by the officer (or given to the CLI): kept with
   *  the identity, so a later snapshot of another instansi is recognised. */
  async recordInstansi(instansi: { id: string | null; name: string | null }, actor: string): Promise<AgencySettings> {
    const identity = await this.identity();
    return this.update({ ...identity, instansiIndukId: instansi.id, instansiIndukName: instansi.name }, actor);
  }

  async setLogo(fileName: string, base64: string, actor: string, version?: number): Promise<AgencySettings> {
    const bytes = Buffer.from(base64, 'base64');
    const inspected = inspectLogo(bytes);
    const logo: StoredLogo = { fileName: fileName.split(/[\\/]/).pop()!.slice(0, 120), ...inspected, base64: bytes.toString('base64'), bytes: bytes.length };
    const before = await this.logo();
    await this.dataSource.transaction(async (manager) => {
      await this.claim(managerRun(manager), actor, version);
      await this.settings.setValue(AGENCY_LOGO_KEY, logo, manager);
      await this.record(manager, actor, `${before ? 'Mengganti' : 'Memasang'} logo kop surat: ${logo.fileName} (${Math.max(1, Math.round(logo.bytes / 1024))} KB)`, [
        { field: 'logo', label: 'Logo', before: before?.fileName ?? null, after: logo.fileName },
      ]);
    });
    return this.get();
  }

  async removeLogo(actor: string, version?: number): Promise<AgencySettings> {
    const before = await this.logo();
    if (before) {
      await this.dataSource.transaction(async (manager) => {
        await this.claim(managerRun(manager), actor, version);
        await this.settings.setValue(AGENCY_LOGO_KEY, null, manager);
        await this.record(manager, actor, `Menghapus logo kop surat (${before.fileName})`, [{ field: 'logo', label: 'Logo', before: before.fileName, after: null }]);
      });
    }
    return this.get();
  }

  private record(manager: EntityManager, actor: string, summary: string, changes: Array<{ field: string; label: string; before: string | null; after: string | null }>) {
    return this.audit.record(manager, { actor, action: 'update', entity: 'settings', entityId: null, summary, changes });
  }
}
