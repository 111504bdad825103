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
import type { SettingsService } from '../settings.service';
import type { StatsOptions } from '../stats.service';
import { CareerService } from './career.service';
import { MentoringService } from './mentoring.service';
import { PlanService } from './plan.service';
import { buildPromotionWorkbook } from './promotion-workbook';
import { DevelopmentSettingsStore, SETTING_LABELS } from './settings';
import { TrainingService } from './training.service';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class DevelopmentService {
  readonly settings: DevelopmentSettingsStore;
  readonly training: TrainingService;
  readonly plans: PlanService;
  readonly mentoring: MentoringService;
  readonly career: CareerService;

  constructor(private readonly dataSource: DataSource, private readonly audit: AuditService, private readonly clock: Clock, appSettings: SettingsService) {
    this.settings = new DevelopmentSettingsStore(appSettings);
    this.training = new TrainingService(dataSource, audit, clock, this.settings);
    this.plans = new PlanService(dataSource, audit, clock, this.training);
    this.mentoring = new MentoringService(dataSource, audit, clock, this.settings);
    this.career = new CareerService(dataSource, clock, this.settings);
  }

  /** Saves settings with an audit entry; a new year rule recomputes every employee's JP per year in the same
   *  transaction, so the dashboards never show a mix of rules. */
  async updateSettings(actor: string, patch: Partial<DevelopmentSettings>): Promise<DevelopmentSettings> {
    const before = await this.settings.get();
    await this.dataSource.transaction(async (manager) => {
      const changed = await this.settings.write(manager, patch, before);
      if (changed.includes('jpYearRule')) await refreshDerived((sql, params) => manager.query(sql, params), 'training_record', 'all');
      if (changed.length > 0) {
        await this.audit.record(manager, {
          actor, action: 'update', entity: 'settings', entityId: null,
          summary: `Mengubah pengaturan pengembangan: ${changed.map((k) => SETTING_LABELS[k].toLowerCase()).join(', ')}`,
          changes: changed.map((k) => ({ field: `development.${k}`, label: SETTING_LABELS[k], before: JSON.stringify(before[k]), after: JSON.stringify(patch[k]) })),
        });
      }
    });
    return this.settings.get();
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
