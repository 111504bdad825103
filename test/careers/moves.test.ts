import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessCareerStep, classifyMove, DEFAULT_MOVE_RULES, educationRank, finalSkpYears, leadershipTrainingDue, leadershipTrainingDueText,
  structuralStepRequirements, timeCheck, type CareerFacts, type StepTarget,
} from '../../shared/domain/careers';
import { addDays, toIsoDate } from '../../shared/domain/dates';
import type { AnnualSkp } from '../../shared/domain/development';
import { TEST_TODAY } from '../today';

const skp = (year: number, predikat = 'baik'): AnnualSkp => ({ year, predikat, regime: null, legacyScore: null, legacyLabel: null });
const AS_OF = TEST_TODAY; // 24 November 2026: the annual SKP of 2024 and 2025 are final.

describe('kinds of move (horizontal, vertical, diagonal)', () => {
  it('reads the kinds from the levels', () => {
    expect(classifyMove('pengawas', 'administrator')).toBe('vertical');
    expect(classifyMove('pelaksana', 'pengawas')).toBe('vertical');
    expect(classifyMove('ahli_muda', 'ahli_madya')).toBe('vertical');
    expect(classifyMove('administrator', 'administrator')).toBe('horizontal');
    expect(classifyMove('administrator', 'ahli_madya')).toBe('diagonal');
    expect(classifyMove('ahli_madya', 'jpt_pratama')).toBe('diagonal');
    expect(classifyMove('administrator', 'pengawas')).toBe('turun');
  });
});

describe('default requirements of a step into a structural level', () => {
  it('asks one pangkat below the eselon’s lowest, the education, SKP, JPM, 2 years when rising, and the training of the level left', () => {
    expect(structuralStepRequirements('pengawas', 'administrator', 'III.b')).toEqual({
      minGolongan: 33, education: { rank: 7, label: 'S-1/D-IV' }, leadershipTraining: 'pkp', minJpm: 68,
      minMonthsInLevel: 24, skpYears: 2, noRunningDiscipline: true,
    });
  });

  it('asks no time in level of a pelaksana, who holds no structural level, and no training of a level without one', () => {
    expect(structuralStepRequirements('pelaksana', 'pengawas', 'IV.b')).toMatchObject({
      minGolongan: 31, education: { rank: 6, label: 'D-III' }, leadershipTraining: null, minMonthsInLevel: null,
    });
  });

  it('asks no time in level for a horizontal move, and follows the settings', () => {
    expect(structuralStepRequirements('administrator', 'administrator', 'III.a').minMonthsInLevel).toBeNull();
    const strict = { ...DEFAULT_MOVE_RULES, golonganStepsBelowLowest: 0, requireCurrentLevelTraining: false };
    expect(structuralStepRequirements('pengawas', 'administrator', 'III.b', strict)).toMatchObject({ minGolongan: 34, leadershipTraining: null });
  });

  it('refuses a non-structural target', () => {
    expect(() => structuralStepRequirements('ahli_muda', 'ahli_madya', null)).toThrow(RangeError);
  });
});

const standard = [{ competencyId: 1, requiredLevel: 3 }, { competencyId: 2, requiredLevel: 3 }];
const target: StepTarget = { requirements: structuralStepRequirements('pengawas', 'administrator', 'III.b'), standard };

function person(over: Partial<CareerFacts> = {}): CareerFacts {
  return {
    golongan: 33, educationLevel: 'S1', trainings: ['pkp'], levelSince: '2024-11-24', skp: [skp(2024), skp(2025)], discipline: [],
    competencyLevels: new Map([[1, 3], [2, 2]]), ...over,
  };
}

describe('each requirement of a step, met or not', () => {
  it('is ready when every requirement is met, with exactly 2 years in the level', () => {
    const a = assessCareerStep(person(), target, AS_OF);
    expect(a.ready).toBe(true);
    expect(a.metOn).toBeNull();
    expect(a.checks.map((c) => c.key)).toEqual(['pangkat', 'pendidikan', 'pelatihan', 'jpm', 'masa_jenjang', 'skp', 'hukuman_disiplin']);
    expect(a.checks.find((c) => c.key === 'jpm')!.detail).toBe('JPM 83,3%, minimal 68%');
  });

  it('gives the date when time alone is missing', () => {
    const a = assessCareerStep(person({ levelSince: '2024-11-25' }), target, AS_OF);
    expect(a.ready).toBe(false);
    expect(a.metOn).toBe('2026-11-25');
    expect(a.checks.find((c) => c.key === 'masa_jenjang')!.detail).toBe(
      'Masa dalam jenjang jabatan sekarang belum 2 tahun (sejak 25 November 2024); terpenuhi pada 25 November 2026',
    );
  });

  it('gives the later of the time in level and the end of a running punishment', () => {
    const discipline = [{ kind: 'potongan_tukin_6' as const, startDate: '2026-09-01', endDate: null }];
    const a = assessCareerStep(person({ levelSince: '2024-12-10', discipline }), target, AS_OF);
    expect(a.metOn).toBe('2027-03-01');
  });

  it('gives no date when something besides time is missing', () => {
    const a = assessCareerStep(person({ levelSince: '2024-11-25', trainings: [] }), target, AS_OF);
    expect(a.metOn).toBeNull();
    expect(a.checks.find((c) => c.key === 'pelatihan')).toMatchObject({ met: false, detail: 'Belum mengikuti PKP' });
  });

  it('counts a higher leadership training for a lower one', () => {
    expect(assessCareerStep(person({ trainings: ['pka'] }), target, AS_OF).ready).toBe(true);
  });

  it('reads the JPM against the target’s standard, unknown when not fully assessed', () => {
    const low = assessCareerStep(person({ competencyLevels: new Map([[1, 2], [2, 2]]) }), target, AS_OF);
    expect(low.checks.find((c) => c.key === 'jpm')).toMatchObject({ met: false, detail: 'JPM 66,7%, di bawah 68%' });
    const partial = assessCareerStep(person({ competencyLevels: new Map([[1, 3]]) }), target, AS_OF);
    expect(partial.checks.find((c) => c.key === 'jpm')).toMatchObject({ met: null, detail: 'Asesmen belum lengkap terhadap standar jabatan tujuan' });
    expect(partial.ready).toBe(false);
    expect(partial.metOn).toBeNull();
    const none = assessCareerStep(person(), { ...target, standard: [] }, AS_OF);
    expect(none.checks.find((c) => c.key === 'jpm')!.detail).toBe('Standar kompetensi jabatan tujuan belum ditetapkan');
  });

  it('names a pangkat or education below the step', () => {
    const a = assessCareerStep(person({ golongan: 32, educationLevel: 'D3' }), target, AS_OF);
    expect(a.checks.find((c) => c.key === 'pangkat')!.detail).toBe('Penata Muda Tingkat I (III/b), belum mencapai Penata (III/c)');
    expect(a.checks.find((c) => c.key === 'pendidikan')!.detail).toBe('D-III, belum mencapai S-1/D-IV');
  });

  it('reads the latest annual SKP that are final on the day', () => {
    expect(finalSkpYears('2026-11-24', 2)).toEqual([2024, 2025]);
    expect(finalSkpYears('2026-02-28', 2)).toEqual([2024, 2025]);
    expect(finalSkpYears('2026-02-27', 2)).toEqual([2023, 2024]);
    const a = assessCareerStep(person({ skp: [skp(2024), skp(2025, 'butuh_perbaikan')] }), target, AS_OF);
    expect(a.checks.find((c) => c.key === 'skp')!.detail).toBe('Predikat SKP 2025: Butuh Perbaikan (minimal Baik)');
  });

  it('ranks education with D-IV beside S-1, SGPLB beside D-II and Dokter Spesialis I beside profesi', () => {
    expect(educationRank('D4')).toBe(educationRank('S1'));
    expect(educationRank('SGPLB')).toBe(educationRank('D2'));
    expect(educationRank('SPESIALIS_1')).toBe(educationRank('PROFESI'));
    expect(educationRank(null)).toBeNull();
  });
});

describe('leadership training after appointment', () => {
  it('has no deadline by default and the setting’s months otherwise', () => {
    expect(leadershipTrainingDue('2026-03-01')).toBeNull();
    expect(leadershipTrainingDueText('administrator', '2026-03-01')).toBeNull();
    const rules = { ...DEFAULT_MOVE_RULES, leadershipTrainingDeadlineMonths: 24 };
    expect(leadershipTrainingDue('2026-03-01', rules)).toBe('2028-03-01');
    expect(leadershipTrainingDueText('administrator', '2026-03-01', rules)).toBe('PKA wajib diikuti paling lambat 1 Maret 2028');
  });
});

describe('time requirements (property)', () => {
  it('are met from their date on and never before, whatever day they are judged', () => {
    const day = fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => toIsoDate(y, m, Math.min(d, 28 + (m === 2 ? 0 : 2))));
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 120 }), fc.integer({ min: -800, max: 800 }), (since, months, offset) => {
      const metOn = timeCheck('k', 'K', 'masa', since, months, since).metOn!;
      const check = timeCheck('k', 'K', 'masa', since, months, addDays(metOn, offset));
      expect(check.met).toBe(offset >= 0);
      expect(check.metOn).toBe(offset >= 0 ? null : metOn);
    }));
  });
});
