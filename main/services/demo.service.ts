import type { DataSource } from 'typeorm';
import { generateDemoDistrict } from '../demo/generate';
import { assertEmptyDatabase, writeDemoDistrict } from '../demo/demo-writer';
import type { JobHandle } from '../jobs/job-registry';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';

/** Loads the demo district (DEMO_DEFAULT_EMPLOYEES ASN by default) into an empty database. */
export class DemoService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditService, private readonly clock: Clock) {}

  /** `extensions: false` writes only the employee records, without the capabilities' data; a list of extension
   *  names writes only theirs (tests that start from empty capability tables). */
  async load(options: { employees: number; seed: number; actor: string; job?: JobHandle; extensions?: boolean | readonly string[] }) {
    const started = Date.now();
    await assertEmptyDatabase(this.dataSource);
    options.job?.progress('Menyusun data demo', 0, 1);
    const district = generateDemoDistrict({ employees: options.employees, seed: options.seed, asOf: this.clock.today() });
    const counts = await writeDemoDistrict(this.dataSource, district, this.clock.now(), { job: options.job, seed: options.seed, extensions: options.extensions });
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor: options.actor, action: 'demo', entity: 'database', entityId: null,
        summary: `Memuat data demo ${district.district.name}: ${counts.employees} pegawai, ${counts.units} unit kerja, ${counts.positions} jabatan (seed ${options.seed})`,
      }));
    return { ...counts, elapsedMs: Date.now() - started };
  }
}
