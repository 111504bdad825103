import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open-database';
import { tempDir } from '../helpers/temp-db';

// The career administration migration on a real SQLite file: the tables and columns it adds, what deleting an
// employee or a snapshot does to the records, and that it undoes and reapplies over existing data.

const CAREER_TABLES = ['discipline_record', 'cltn_period', 'honor_award', 'kgb_record', 'study_record'];

describe('career administration data model', () => {
  const dir = tempDir();

  it('adds the career tables and the masa kerja golongan / UPKP columns', async () => {
    const { dataSource, migrated } = await openDatabase(path.join(dir, 'model.sqlite'), { create: true });
    try {
      expect(migrated.at(-1)).toBe(MIGRATION_NAMES.at(-1));
      expect(MIGRATION_NAMES).toEqual(expect.arrayContaining(['CareerAdministration1765500000000', 'CareerRecordProvenance1765500000002']));
      const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r: { name: string }) => r.name);
      for (const table of CAREER_TABLES) expect(tables).toContain(table);
      const columns = async (table: string) => (await dataSource.query(`SELECT name FROM pragma_table_info(?)`, [table])).map((r: { name: string }) => r.name);
      expect(await columns('employee')).toEqual(expect.arrayContaining(['mk_golongan_years', 'mk_golongan_months', 'education_upkp_passed']));
      expect(await columns('rank_history')).toEqual(expect.arrayContaining(['mk_years', 'mk_months']));
      expect(await columns('position')).toContain('eselon');
      expect(await columns('study_record')).toEqual(['id', 'employee_id', 'basis', 'institution', 'programme', 'level', 'start_date', 'end_date', 'status',
        'funding', 'izin_date', 'graduation_date', 'upkp_passed', 'needed_by_position', 'snapshot_id', 'created_at', 'source']);
      for (const table of CAREER_TABLES) expect(await columns(table), table).toEqual(expect.arrayContaining(['source', 'created_at', 'snapshot_id']));
    } finally {
      await dataSource.destroy();
    }
  });

  it('deletes an employee\'s records with the employee and keeps them when their snapshot goes', async () => {
    const { dataSource } = await openDatabase(path.join(dir, 'fk.sqlite'), { create: true });
    try {
      const now = '2026-01-05T00:00:00.000Z';
      await dataSource.query(`INSERT INTO employee (nip, name, birth_date, gender, employment_type, created_at, updated_at) VALUES ('199001012015011001', 'Ani', '1990-01-01', 'P', 'PNS', ?, ?)`, [now, now]);
      await dataSource.query(`INSERT INTO employee (nip, name, birth_date, gender, employment_type, created_at, updated_at) VALUES ('199101012015011002', 'Budi', '1991-01-01', 'L', 'PNS', ?, ?)`, [now, now]);
      await dataSource.query(`INSERT INTO import_snapshot (kind, file_name, sha256, status, imported_by, imported_at) VALUES ('disiplin', 'hukdis.csv', 'abc', 'committed', 'tester', ?)`, [now]);
      const [{ id: snapshotId }] = await dataSource.query(`SELECT last_insert_rowid() AS id`);
      for (const employeeId of [1, 2]) {
        await dataSource.query(`INSERT INTO discipline_record (employee_id, kind, start_date, snapshot_id, created_at) VALUES (?, 'potongan_tukin_6', '2025-03-01', ?, ?)`, [employeeId, snapshotId, now]);
        await dataSource.query(`INSERT INTO cltn_period (employee_id, start_date, snapshot_id) VALUES (?, '2020-01-01', ?)`, [employeeId, snapshotId]);
        await dataSource.query(`INSERT INTO honor_award (employee_id, kind, class, snapshot_id) VALUES (?, 'satyalancana_karya_satya', 'X', ?)`, [employeeId, snapshotId]);
        await dataSource.query(`INSERT INTO kgb_record (employee_id, tmt, mkg_years, mkg_months, snapshot_id) VALUES (?, '2024-04-01', 10, 0, ?)`, [employeeId, snapshotId]);
        await dataSource.query(`INSERT INTO study_record (employee_id, basis, institution, programme, level, start_date, status, snapshot_id, created_at) VALUES (?, 'izin_belajar', 'Universitas Terbuka', 'Manajemen', 'S1', '2022-09-01', 'berjalan', ?, ?)`, [employeeId, snapshotId, now]);
      }
      await dataSource.query(`DELETE FROM employee WHERE id = 1`);
      for (const table of CAREER_TABLES) {
        expect(await dataSource.query(`SELECT employee_id FROM "${table}"`), table).toEqual([{ employee_id: 2 }]);
      }
      await dataSource.query(`DELETE FROM import_snapshot WHERE id = ?`, [snapshotId]);
      for (const table of CAREER_TABLES) {
        expect(await dataSource.query(`SELECT employee_id, snapshot_id FROM "${table}"`), table).toEqual([{ employee_id: 2, snapshot_id: null }]);
      }
    } finally {
      await dataSource.destroy();
    }
  });

  it('marks a row without a stated source as manual', async () => {
    const { dataSource } = await openDatabase(path.join(dir, 'source.sqlite'), { create: true });
    try {
      await dataSource.query(`INSERT INTO employee (nip, name, birth_date, gender, employment_type, created_at, updated_at) VALUES ('199001012015011001', 'Ani', '1990-01-01', 'P', 'PNS', 'x', 'x')`);
      await dataSource.query(`INSERT INTO kgb_record (employee_id, tmt, mkg_years, mkg_months) VALUES (1, '2024-04-01', 10, 0)`);
      expect(await dataSource.query(`SELECT source, created_at FROM kgb_record`)).toEqual([{ source: 'manual', created_at: null }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('undoes and reapplies over existing employees and rank history without losing them', async () => {
    const { dataSource } = await openDatabase(path.join(dir, 'undo.sqlite'), { create: true });
    try {
      // Down to before the career administration migration (the career paths one sits between its two parts).
      const after = MIGRATION_NAMES.length - MIGRATION_NAMES.indexOf('CareerAdministration1765500000000');
      for (let i = 0; i < after; i++) await dataSource.undoLastMigration({ transaction: 'all' });
      const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r: { name: string }) => r.name);
      for (const table of CAREER_TABLES) expect(tables).not.toContain(table);
      const now = '2026-01-05T00:00:00.000Z';
      await dataSource.query(`INSERT INTO employee (nip, name, birth_date, gender, employment_type, golongan, golongan_tmt, created_at, updated_at) VALUES ('198501012010011001', 'Citra', '1985-01-01', 'P', 'PNS', 32, '2022-04-01', ?, ?)`, [now, now]);
      await dataSource.query(`INSERT INTO rank_history (employee_id, golongan, tmt, kind, source, created_at) VALUES (1, 32, '2022-04-01', 'reguler', 'manual', ?)`, [now]);
      await dataSource.runMigrations({ transaction: 'all' });
      expect(await dataSource.query(`SELECT name, golongan, mk_golongan_years, mk_golongan_months, education_upkp_passed FROM employee`))
        .toEqual([{ name: 'Citra', golongan: 32, mk_golongan_years: null, mk_golongan_months: null, education_upkp_passed: null }]);
      expect(await dataSource.query(`SELECT golongan, tmt, mk_years, mk_months FROM rank_history`)).toEqual([{ golongan: 32, tmt: '2022-04-01', mk_years: null, mk_months: null }]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
