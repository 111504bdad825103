import { describe, expect, it } from 'vitest';
import {
  assessDegreePromotion, DEFAULT_STUDY_RULES, degreeFromStudy, releaseFromPositionFlag, type StudyRecord,
} from '../../shared/domain/careers';
import type { AnnualSkp } from '../../shared/domain/development';

function study(over: Partial<StudyRecord> = {}): StudyRecord {
  return {
    basis: 'tugas_belajar', institution: 'Universitas Gadjah Mada', programme: 'Magister Administrasi Publik', level: 'S2',
    startDate: '2026-08-01', endDate: '2028-07-31', status: 'berjalan', izinDate: null, graduationDate: null, ...over,
  };
}

describe('a structural official on tugas belajar longer than 6 months', () => {
  it('is released from the position from the start of a study planned longer than 6 months', () => {
    expect(releaseFromPositionFlag('administrator', study(), '2026-07-01')).toEqual({
      from: '2026-08-01',
      message: 'Tugas belajar lebih dari 6 bulan (1 Agustus 2026 – 31 Juli 2028); dibebaskan dari jabatan struktural',
    });
  });

  it('is not released for a study of exactly 6 months, and is for one a day longer', () => {
    expect(releaseFromPositionFlag('pengawas', study({ startDate: '2026-01-01', endDate: '2026-06-30' }), '2026-03-01')).toBeNull();
    expect(releaseFromPositionFlag('pengawas', study({ startDate: '2026-01-01', endDate: '2026-07-01' }), '2026-03-01')?.from).toBe('2026-01-01');
  });

  it('is released once a study without a known end has run longer than 6 months', () => {
    const open = study({ startDate: '2026-01-01', endDate: null });
    expect(releaseFromPositionFlag('jpt_pratama', open, '2026-06-30')).toBeNull();
    expect(releaseFromPositionFlag('jpt_pratama', open, '2026-07-01')).toEqual({
      from: '2026-07-01', message: 'Tugas belajar lebih dari 6 bulan (sejak 1 Januari 2026); dibebaskan dari jabatan struktural',
    });
  });

  it('concerns structural officials on tugas belajar only, while the study is not over', () => {
    expect(releaseFromPositionFlag('pelaksana', study(), '2026-09-01')).toBeNull();
    expect(releaseFromPositionFlag('ahli_muda', study(), '2026-09-01')).toBeNull();
    expect(releaseFromPositionFlag('administrator', study({ basis: 'izin_belajar' }), '2026-09-01')).toBeNull();
    expect(releaseFromPositionFlag('administrator', study({ status: 'batal' }), '2026-09-01')).toBeNull();
    expect(releaseFromPositionFlag('administrator', study(), '2028-08-01')).toBeNull();
  });

  it('takes the months from the setting', () => {
    const rules = { ...DEFAULT_STUDY_RULES, releaseAfterMonths: 36 };
    expect(releaseFromPositionFlag('administrator', study(), '2026-09-01', rules)).toBeNull();
  });
});

describe('a finished degree feeds penyesuaian ijazah', () => {
  const skp = (year: number): AnnualSkp => ({ year, predikat: 'baik', regime: null, legacyScore: null, legacyLabel: null });
  const person = { employmentType: 'PNS', status: 'active', golongan: 21, golonganTmt: '2023-04-01', mkgYears: 8, skp: [skp(2024)], discipline: [] };
  const judged = { upkpPassed: true, neededByPosition: true };

  it('gives nothing while the study runs or without an ijazah date', () => {
    expect(degreeFromStudy(study(), judged)).toBeNull();
    expect(degreeFromStudy(study({ status: 'selesai' }), judged)).toBeNull();
  });

  it('makes a finished tugas belajar the new education of a penyesuaian ijazah', () => {
    const finished = study({ level: 'S1', startDate: '2021-09-01', endDate: '2025-08-01', status: 'selesai', graduationDate: '2025-08-01' });
    const education = degreeFromStudy(finished, judged)!;
    expect(education).toMatchObject({ level: 'S1', basis: 'tugas_belajar', graduationDate: '2025-08-01', studyStart: '2021-09-01' });
    const a = assessDegreePromotion({ ...person, education }, '2026-04-01');
    expect(a.status).toBe('eligible');
    expect(a.targetGolongan).toBe(31);
  });

  it('keeps back a degree on an izin belajar granted after the study began', () => {
    const late = study({ basis: 'izin_belajar', level: 'S1', startDate: '2021-09-01', izinDate: '2022-02-01', status: 'selesai', graduationDate: '2025-08-01' });
    const a = assessDegreePromotion({ ...person, education: degreeFromStudy(late, judged)! }, '2026-04-01');
    expect(a.status).toBe('blocked');
    expect(a.reasons).toEqual(['Izin belajar diberikan 1 Februari 2022, setelah studi dimulai 1 September 2021']);
  });
});
