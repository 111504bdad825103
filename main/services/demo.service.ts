import type { DataSource } from 'typeorm';
import { generateDemoDistrict } from '../demo/generate';
import { assertEmptyDatabase, writeDemoDistrict } from '../demo/demo-writer';
import { writeDemoDistrictOnServer } from '../demo/demo-on-server';
import { serverConnectionOf } from '../db/data-source';
import type { AccountsSql } from '../db/sql/accounts.sql';
import { demoSql } from '../db/sql/demo.sql';
import { managerRun } from '../db/sql/run';
import type { JobHandle } from '../jobs/job-registry';
import type { AccountService } from './accounts/account.service';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts/demo-accounts';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';

/** Loads the demo district (DEMO_DEFAULT_EMPLOYEES ASN by default) and its demo accounts into an empty database. */
export class DemoService {
  constructor(
    private readonly dataSource: DataSource, private readonly audit: AuditService, private readonly clock: Clock,
    private readonly accounts: AccountService, private readonly accountsSql: AccountsSql,
  ) {}

  /** `extensions: false` writes only the employee records, without the capabilities' data; a list of extension
   *  names writes only theirs (tests that start from empty capability tables). */
  async load(options: { employees: number; seed: number; actor: string; job?: JobHandle; extensions?: boolean | readonly string[] }) {
    const started = Date.now();
    await assertEmptyDatabase(this.dataSource);
    options.job?.progress('Menyusun data demo', 0, 1);
    const district = generateDemoDistrict({ employees: options.employees, seed: options.seed, asOf: this.clock.today() });
    const writeOptions = { job: options.job, seed: options.seed, extensions: options.extensions };
    // Team mode: built in a temporary file and added into the server in one copy (demo-on-server.ts).
    const server = serverConnectionOf(this.dataSource);
    const counts = server
      ? await writeDemoDistrictOnServer(server, district, this.clock.now(), { ...writeOptions, serverSettings: await demoSql.settingRows(managerRun(this.dataSource)) })
      : await writeDemoDistrict(this.dataSource, district, this.clock.now(), writeOptions);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor: options.actor, action: 'demo', entity: 'database', entityId: null,
        summary: `Memuat data demo ${district.district.name}: ${counts.employees} pegawai, ${counts.units} unit kerja, ${counts.positions} jabatan (seed ${options.seed})`,
      }));
    const accounts = await this.createDemoAccounts(options.actor);
    return { units: counts.units, positions: counts.positions, employees: counts.employees, accounts, elapsedMs: Date.now() - started };
  }

  /**
   * One account per role (demo-accounts.ts), the Operator OPD scoped to the first perangkat daerah. A name already
   * taken (the Administrator created at first start as `admin`) is skipped. Returns the accounts created.
   */
  private async createDemoAccounts(actor: string): Promise<DemoAccount[]> {
    const firstOpd = await this.accountsSql.firstTopUnitId(managerRun(this.dataSource));
    const existing = new Set((await this.accounts.list()).map((a) => a.username));
    const created: DemoAccount[] = [];
    for (const demo of DEMO_ACCOUNTS) {
      if (existing.has(demo.username)) continue;
      await this.accounts.create({
        username: demo.username, fullName: demo.fullName, nip: null, role: demo.role, password: demo.password,
        scopeUnitId: demo.role === 'operator_opd' ? firstOpd : null,
      }, actor, { mustChangePassword: false });
      created.push(demo);
    }
    return created;
  }
}
