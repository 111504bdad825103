// Kualitas Data: the checks of shared/domain/quality.ts over the active employees, summed per perangkat daerah
// into the index, and the people one check finds. The facts are read in one pass (main/db/sql/quality.sql.ts);
// the checks and the index are the pure rules, so the screen, the stats and the tests count the same way.

import type { DataSource } from 'typeorm';
import {
  DUPLICATE_CHECK, findDuplicates, QUALITY_CHECKS, qualityIndex, tallyByGroup, type QualityFacts,
} from '../../shared/domain/quality';
import { AppError } from '../../shared/errors';
import { qualitySettings, type QualityOverview, type QualitySettings } from '../../shared/schemas/quality';
import type { QualityFactRow, QualityPresence, QualitySql } from '../db/sql/quality.sql';
import { managerRun, type Run } from '../db/sql/run';
import type { Clock } from './clock';
import type { SettingsSectionDefinition } from './settings/settings-section';

export const QUALITY_SETTINGS: SettingsSectionDefinition<QualitySettings> = {
  prefix: 'quality',
  title: 'kualitas data',
  schema: qualitySettings,
  defaults: { weights: {} },
  labels: { weights: 'Bobot pemeriksaan kualitas data' },
};

const NO_UNIT = 'Tanpa unit kerja';

function toFacts(row: QualityFactRow, has: QualityPresence): QualityFacts {
  return {
    nip: row.nip, name: row.name, employmentType: row.employment_type, birthDate: row.birth_date, gender: row.gender,
    cpnsTmt: row.cpns_tmt, golongan: row.golongan, golonganTmt: row.golongan_tmt, educationLevel: row.education_level,
    positionId: row.position_id, positionKind: row.position_kind, positionLevel: row.position_level, positionTmt: row.position_tmt,
    eselon: row.eselon,
    positionHasStandard: row.position_id === null ? null : has.positionsWithStandard.has(row.position_id),
    unitId: row.unit_id, retirementDate: row.retirement_date, hasSkpLastYear: has.withSkp.has(row.id),
    hasPotentialAssessment: has.withPotential.has(row.id), hasCompetencyAssessment: has.withCompetency.has(row.id),
    openPositionHistories: has.openHistories.get(row.id) ?? 1, hasKpPilihan: has.withKpPilihan.has(row.id),
  };
}

export class QualityService {
  private readonly read: Run;

  constructor(dataSource: DataSource, private readonly clock: Clock, private readonly sql: QualitySql, private readonly settings: () => Promise<QualitySettings>) {
    this.read = managerRun(dataSource);
  }

  private async facts(rootUnitId: number | null) {
    const asOf = this.clock.today();
    const rows = await this.sql.facts(this.read, rootUnitId);
    const presence = await this.sql.presence(this.read, Number(asOf.slice(0, 4)) - 1);
    return { asOf, rows, facts: rows.map((row) => toFacts(row, presence)) };
  }

  private async weights(): Promise<Record<string, number>> {
    const { weights } = await this.settings();
    return Object.fromEntries([...QUALITY_CHECKS, DUPLICATE_CHECK].map((c) => [c.key, weights[c.key] ?? c.defaultWeight]));
  }

  async overview(): Promise<QualityOverview> {
    const { asOf, rows, facts } = await this.facts(null);
    const weights = await this.weights();
    const { total: counts, groups } = tallyByGroup(facts, asOf, (i) => rows[i].root_unit_id);
    const opds = await this.sql.opds(this.read);
    const units: QualityOverview['units'] = opds.filter((u) => groups.has(u.id)).map((u) => {
      const group = groups.get(u.id)!;
      return { unitId: u.id, name: u.name, population: group.population, index: qualityIndex(group.counts, weights) };
    });
    const homeless = groups.get(null);
    if (homeless) units.push({ unitId: null, name: NO_UNIT, population: homeless.population, index: qualityIndex(homeless.counts, weights) });
    const described = [...QUALITY_CHECKS, DUPLICATE_CHECK];
    return {
      population: facts.length,
      index: qualityIndex(counts, weights),
      checks: counts.map((c) => {
        const check = described.find((d) => d.key === c.key)!;
        return { key: c.key, group: check.group, label: check.label, advice: check.advice, weight: weights[c.key], applicable: c.applicable, found: c.found };
      }),
      units,
    };
  }

  /** The people one check finds, in name order (the duplicate check: across the district, shown within the unit). */
  async findings(request: { check: string; unitId?: number; offset: number; limit: number }) {
    const { asOf, rows, facts } = await this.facts(request.check === DUPLICATE_CHECK.key ? null : request.unitId ?? null);
    let found: Array<{ index: number; finding: string }>;
    if (request.check === DUPLICATE_CHECK.key) {
      found = [...findDuplicates(facts)].sort((a, b) => a - b)
        .filter((i) => request.unitId === undefined || rows[i].root_unit_id === request.unitId)
        .map((index) => ({ index, finding: 'Nama dan tanggal lahir sama dengan pegawai lain.' }));
    } else {
      const check = QUALITY_CHECKS.find((c) => c.key === request.check);
      if (!check) throw new AppError('not_found', 'Pemeriksaan kualitas data ini tidak dikenal.');
      found = [];
      facts.forEach((f, index) => {
        const finding = check.appliesTo(f, asOf) ? check.find(f, asOf) : null;
        if (finding) found.push({ index, finding });
      });
    }
    return {
      total: found.length,
      rows: found.slice(request.offset, request.offset + request.limit).map(({ index, finding }) => ({
        employeeId: rows[index].id, nip: rows[index].nip, name: rows[index].name, unitName: rows[index].unit_name, finding,
      })),
    };
  }

  /** `stats --json` → dataQuality: the district's index and how many each check finds. */
  async statsSection() {
    const overview = await this.overview();
    return { index: overview.index, byCheck: Object.fromEntries(overview.checks.map((c) => [c.key, c.found])) };
  }
}
