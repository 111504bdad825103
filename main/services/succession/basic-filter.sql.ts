// SQL twin of createBasicFilter (shared/domain/succession.ts): the same BasicFilterSpec turned into one
// 0/1 expression per requirement over `employee e LEFT JOIN position p`, so the ranking can count failures
// and pick the people who pass inside SQLite instead of reading every record into JavaScript.
// test/succession/succession.service.test.ts holds both to the same answers for every employee of a demo district.

import type { BasicFilterSpec, CheckKey } from '../../../shared/domain/succession';

export interface FailCondition {
  key: CheckKey;
  /** 1 when the requirement fails, else 0 (never NULL, so NOT works). */
  sql: string;
  params: unknown[];
}

const inList = (values: readonly unknown[]) => (values.length ? values.map(() => '?').join(',') : 'NULL');

/**
 * `failingPositionIds` (positions whose level fails "one step below") lets the jenjang check run without a join
 * to position, which measured a quarter of the scan's time; without it the check reads p.level.
 */
export function basicFailConditions(spec: BasicFilterSpec, failingPositionIds?: readonly number[]): FailCondition[] {
  const jenjang: FailCondition = failingPositionIds
    ? { key: 'jenjang', sql: `COALESCE(e.position_id IN (SELECT value FROM json_each(?)), 0)`, params: [JSON.stringify(failingPositionIds)] }
    : { key: 'jenjang', sql: `COALESCE(p.level IN (${inList(spec.failingLevels)}), 0)`, params: [...spec.failingLevels] };
  const conditions: FailCondition[] = [
    { key: 'status_pns', sql: `(e.employment_type <> 'PNS')`, params: [] },
    { key: 'golongan', sql: `COALESCE(e.golongan IN (${inList(spec.failingGolongan)}), 0)`, params: [...spec.failingGolongan] },
    jenjang,
    { key: 'masa_jabatan', sql: `COALESCE(e.position_tmt <= ? AND e.position_tmt > ?, 0)`, params: [spec.today, spec.tenureLimit] },
    { key: 'pendidikan', sql: `COALESCE(e.education_level IN (${inList(spec.failingEducation)}), 0)`, params: [...spec.failingEducation] },
  ];
  if (spec.tooOldIfBornBy !== null) conditions.push({ key: 'usia', sql: `(e.birth_date <= ?)`, params: [spec.tooOldIfBornBy] });
  conditions.push({ key: 'pensiun', sql: `COALESCE(e.retirement_date <= ?, 0)`, params: [spec.vacancyDate] });
  return conditions;
}
