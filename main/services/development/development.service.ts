// Competency development and career moves (issue 8), one facade over its parts: settings, training records and
// JP compliance, development plans with the catalogue and budgets, mentoring, and career moves (rotation and the
// regular-promotion list).

import type { DataSource } from 'typeorm';
import type { IsoDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';
import type { DevelopmentSettings } from '../../../shared/ipc/channels/development.channels';
import { refreshDerived } from '../../db/derived';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import type { SettingsService } from '../settings/settings.service';
import type { StatsOptions } from '../stats.service';
import { CareerService } from './career.service';
import { MentoringService } from './mentoring.service';
import { PlanService } from './plan.service';
import { buildPromotionWorkbook } from './promotion-workbook';
import { DEVELOPMENT_SETTINGS, type DevelopmentSettingsStore } from './settings';
import { TrainingService } from './training.service';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class DevelopmentService {
  readonly settings: DevelopmentSettingsStore;
  readonly training: TrainingService;
  readonly plans: PlanService;
  readonly mentoring: MentoringService;
  readonly career: CareerService;

  constructor(private readonly dataSource: DataSource, private readonly audit: AuditService, private readonly clock: Clock, appSettings: SettingsService) {
    this.settings = appSettings.section(DEVELOPMENT_SETTINGS);
    this.training = new TrainingService(dataSource, audit, clock, this.settings);
    this.plans = new PlanService(dataSource, audit, clock, this.training);
    this.mentoring = new MentoringService(dataSource, audit, clock, this.settings);
    this.career = new CareerService(dataSource, clock, this.settings);
  }

  async updateSettings(actor: string, patch: Partial<DevelopmentSettings>): Promise<DevelopmentSettings> {
    return this.settings.update(patch, actor);
  }

  async promotionExport(request: { period?: IsoDate; unitId?: number }) {
    const { period, skpYears, rows: judged } = await this.career.promotionCandidates({ ...request, status: 'all' });
    const rows = await this.career.promotionDetails(judged, period);
    let unitName: string | null = null;
    if (request.unitId !== undefined) {
      const [unit] = await this.dataSource.query('SELECT name FROM unit WHERE id = ?', [request.unitId]);
      if (!unit) throw new AppError('not_found', `Unit kerja dengan ID ${request.unitId} tidak ditemukan.`);
      unitName = unit.name;
    }
    const today = this.clock.today();
    const buffer = await buildPromotionWorkbook({ period, skpYears, unitName, rows, generatedOn: today });
    return { fileName: `usulan-kp-reguler-${period}.xlsx`, mimeType: XLSX_MIME, base64: buffer.toString('base64') };
  }

  /** stats --json "development" (README: exact meaning of each key). */
  async stats(options: StatsOptions) {
    const asOf = options.asOf;
    const year = options.year ?? (await this.training.defaultYear(asOf));
    const { compliant, below } = await this.training.complianceCounts(year, asOf);
    return {
      year,
      jpCompliant: compliant,
      jpBelow: below,
      idpByStatus: await this.plans.itemCounts(year),
      mentoringPairs: await this.mentoring.pairsInYear(year),
      promotionEligibleNextPeriod: (await this.career.eligibleNextPeriod(asOf)).eligible,
      rotationCandidates: await this.career.rotationCount(asOf),
    };
  }
}
