// The demo district's career administration records (main/demo/careers.demo.ts): one prepared insert per kind,
// every row tagged `source = 'demo'`. The import writes these tables through the history kinds' writer
// (imports/commit.sql.ts); the profile reads them through career-paths.sql.ts careerRecords.

import type { Run } from './run';

export const careerRecordsSql = {
  async insertDiscipline(run: Run, r: { employeeId: number; kind: string; startDate: string; endDate: string | null; decreeNumber: string; decreeDate: string; note: string | null; createdAt: string }) {
    await run(`INSERT INTO discipline_record (employee_id, kind, start_date, end_date, decree_number, decree_date, note, snapshot_id, created_at, source)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 'demo')`, [r.employeeId, r.kind, r.startDate, r.endDate, r.decreeNumber, r.decreeDate, r.note, r.createdAt]);
  },
  async insertKgb(run: Run, r: { employeeId: number; tmt: string; mkgYears: number; mkgMonths: number; golongan: number; decreeNumber: string; decreeDate: string; createdAt: string }) {
    await run(`INSERT INTO kgb_record (employee_id, tmt, mkg_years, mkg_months, golongan, salary, decree_number, decree_date, snapshot_id, created_at, source)
      VALUES (?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, 'demo')`, [r.employeeId, r.tmt, r.mkgYears, r.mkgMonths, r.golongan, r.decreeNumber, r.decreeDate, r.createdAt]);
  },
  async insertStudy(run: Run, r: { employeeId: number; basis: string; institution: string; programme: string; level: string; startDate: string; endDate: string | null;
    status: string; funding: string | null; izinDate: string | null; graduationDate: string | null; createdAt: string }) {
    await run(`INSERT INTO study_record (employee_id, basis, institution, programme, level, start_date, end_date, status, funding, izin_date, graduation_date,
      upkp_passed, needed_by_position, snapshot_id, created_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, 'demo')`,
    [r.employeeId, r.basis, r.institution, r.programme, r.level, r.startDate, r.endDate, r.status, r.funding, r.izinDate, r.graduationDate, r.createdAt]);
  },
  async insertCltn(run: Run, r: { employeeId: number; startDate: string; endDate: string | null; decreeNumber: string; createdAt: string }) {
    await run(`INSERT INTO cltn_period (employee_id, start_date, end_date, decree_number, snapshot_id, created_at, source) VALUES (?, ?, ?, ?, NULL, ?, 'demo')`,
      [r.employeeId, r.startDate, r.endDate, r.decreeNumber, r.createdAt]);
  },
  async insertHonor(run: Run, r: { employeeId: number; class: string; decreeNumber: string; decreeDate: string; createdAt: string }) {
    await run(`INSERT INTO honor_award (employee_id, kind, class, decree_number, decree_date, snapshot_id, created_at, source)
      VALUES (?, 'satyalancana_karya_satya', ?, ?, ?, NULL, ?, 'demo')`, [r.employeeId, r.class, r.decreeNumber, r.decreeDate, r.createdAt]);
  },
};

export type CareerRecordsSql = typeof careerRecordsSql;
