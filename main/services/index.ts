import type { DataSource } from 'typeorm';
import { AccountService } from './accounts/account.service';
import { sqlite, type SqlDialect } from '../db/sql';
import { AgencyService } from './agency.service';
import { AuditService } from './audit.service';
import { BackupService } from './backup/backup.service';
import type { Clock } from './clock';
import { CompetencyService } from './competency.service';
import { PerformanceService } from './performance.service';
import { TalentService } from './talent.service';
import { TalentSessionService } from './talent-sessions.service';
import { DemoService } from './demo.service';
import { CareerService } from './development/career.service';
import { CareerPathService } from './careers/career-paths.service';
import { MentoringService } from './development/mentoring.service';
import { PlanService } from './development/plan.service';
import { PlanningService } from './planning/planning.service';
import { PLANNING_SETTINGS } from './planning/settings';
import { DEVELOPMENT_SETTINGS, type DevelopmentSettingsStore } from './development/settings';
import { CAREER_RULES_SETTINGS, careerListRulesOf, choicePromotionRulesOf, disciplineRulesOf, studyRulesOf, type CareerRulesStore } from './development/career-rules.settings';
import { developmentStats } from './development/stats';
import { TrainingService } from './development/training.service';
import { EmployeeQueryService } from './employee-query.service';
import { EmployeeService } from './employee.service';
import { FileStore } from '../import/file-store';
import { ImportService } from './import.service';
import { PRIVACY_SETTINGS, PrivacyService } from './privacy.service';
import { QUALITY_SETTINGS, QualityService } from './quality.service';
import type { SettingsSection } from './settings/settings-section';
import type { PrivacySettings } from '../../shared/schemas/privacy';
import { ReferenceService } from './reference.service';
import { InProcessJobLocks, PostgresJobLocks, type JobLocks } from './locks/job-locks';
import { isPostgresManager } from '../db/sql/run';
import { SettingsService } from './settings/settings.service';
import { StatsService } from './stats.service';
import { SuccessionService } from './succession/succession.service';

/** Every service, wired to one DataSource and one clock. Plain objects: no Electron, no transport. */
export interface Services {
  dataSource: DataSource;
  /** Every raw SQL statement, one module per capability (main/db/sql/README.md). */
  sql: SqlDialect;
  clock: Clock;
  audit: AuditService;
  settings: SettingsService;
  /** Accounts, logins, passwords and Pengaturan › Keamanan (sessions live in the host: accounts/session-store.ts). */
  accounts: AccountService;
  employees: EmployeeService;
  employeeQuery: EmployeeQueryService;
  reference: ReferenceService;
  stats: StatsService;
  demo: DemoService;
  competency: CompetencyService;
  performance: PerformanceService;
  talent: TalentService;
  talentSessions: TalentSessionService;
  files: FileStore;
  imports: ImportService;
  /** Pengaturan → Pengembangan & karier: one settings section for the four development services below. */
  developmentSettings: DevelopmentSettingsStore;
  /** Pengaturan → Pengembangan & karier, "Aturan administrasi karier": the [P]/[U] rules of DOMAIN §14. */
  careerRules: CareerRulesStore;
  training: TrainingService;
  plans: PlanService;
  /** Rencana Anggaran: the needs of a year and the plan under a budget (HiGHS in a worker thread). */
  planning: PlanningService;
  mentoring: MentoringService;
  careers: CareerService;
  /** Pola karier: Jalur Karier, Peta Karier, IDP from a step. */
  careerPaths: CareerPathService;
  succession: SuccessionService;
  agency: AgencyService;
  backup: BackupService;
  /** The export log and the retention of imported cell values. */
  privacy: PrivacyService;
  /** Pengaturan › Data pribadi. */
  privacySettings: SettingsSection<PrivacySettings>;
  quality: QualityService;
  /** Exclusive jobs (import, fixing a talent session): one at a time, a second one told who runs the first. */
  jobLocks: JobLocks;
}

export function createServices(dataSource: DataSource, clock: Clock, dbPath = ':memory:'): Services {
  const sql = sqlite;
  const audit = new AuditService(dataSource, clock, sql.audit);
  const stats = new StatsService(dataSource, sql);
  const settings = new SettingsService(dataSource, clock, audit);
  const accounts = new AccountService(dataSource, clock, audit, settings, sql.accounts);
  const competency = new CompetencyService(dataSource, audit, clock, sql);
  const performance = new PerformanceService(dataSource, sql, audit, clock);
  const talent = new TalentService(dataSource, sql, settings);
  const talentSessions = new TalentSessionService(dataSource, sql, talent, audit, clock);
  stats.registerSection('competency', () => competency.stats());
  // --year selects the year of both; the default is the latest year with annual SKP.
  stats.registerSection('performance', (_ds, options) => performance.stats(options.year));
  stats.registerSection('talent', async (_ds, options) => talent.stats(options.year ?? (await performance.years()).latest));
  const files = new FileStore();
  const agency = new AgencyService(dataSource, settings, audit, clock);
  const backup = new BackupService(dataSource, clock, dbPath, settings, audit, files);
  // An import takes today's daily copy first when it is due (the net under the import's change log).
  const imports = new ImportService(dataSource, audit, clock, files, agency, async (job) => (await backup.dailyIfDue(job))?.path ?? null);
  stats.registerSection('imports', async () => imports.stats());
  const developmentSettings = settings.section(DEVELOPMENT_SETTINGS);
  const training = new TrainingService(dataSource, sql, audit, clock, developmentSettings);
  const plans = new PlanService(dataSource, sql, audit, clock, training);
  const planning = new PlanningService(dataSource, sql, audit, clock, developmentSettings, settings.section(PLANNING_SETTINGS));
  const mentoring = new MentoringService(dataSource, sql, audit, clock, developmentSettings);
  const careerRules = settings.section(CAREER_RULES_SETTINGS);
  const careers = new CareerService(dataSource, sql, clock, developmentSettings,
    async () => disciplineRulesOf(await careerRules.get()), async () => careerListRulesOf(await careerRules.get()),
    async () => choicePromotionRulesOf(await careerRules.get()));
  stats.registerSection('development', (_dataSource, options) => developmentStats({ training, plans, mentoring, careers }, options));
  const careerPaths = new CareerPathService(dataSource, sql, audit, clock, plans, async () => studyRulesOf(await careerRules.get()));
  stats.registerSection('careers', () => careerPaths.statsSection());
  const succession = new SuccessionService(dataSource, audit, settings, clock, sql);
  stats.registerSection('succession', (_dataSource, options) => succession.statsSection(options.asOf));
  const qualitySettingsSection = settings.section(QUALITY_SETTINGS);
  const employees = new EmployeeService(dataSource, sql, audit, clock);
  const quality = new QualityService(dataSource, clock, sql.quality, () => qualitySettingsSection.get(), employees);
  stats.registerSection('dataQuality', () => quality.statsSection());
  return {
    dataSource,
    sql,
    clock,
    audit,
    settings,
    accounts,
    employees,
    employeeQuery: new EmployeeQueryService(dataSource, sql, clock),
    reference: new ReferenceService(dataSource, sql),
    stats,
    demo: new DemoService(dataSource, audit, clock, accounts, sql.accounts),
    competency,
    performance,
    talent,
    talentSessions,
    files,
    imports,
    developmentSettings,
    careerRules,
    training,
    plans,
    planning,
    mentoring,
    careers,
    careerPaths,
    succession,
    agency,
    backup,
    privacy: new PrivacyService(dataSource, clock, sql.privacy),
    privacySettings: settings.section(PRIVACY_SETTINGS),
    quality,
    // One desk: in memory; team mode: the server's advisory locks, so two desks never run one job at once.
    jobLocks: isPostgresManager(dataSource) ? new PostgresJobLocks(dataSource, clock) : new InProcessJobLocks(clock),
  };
}
