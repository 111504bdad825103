import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fullMonthsBetween } from '../../shared/domain/dates';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import {
  assessRisk, basicChecklist, chainVacancies, compareEvaluations, golonganRankOf, createBasicFilter, createQuickEvaluator, DEFAULT_SUCCESSION_RULES,
  DEFAULT_WEIGHTS, developmentNeeds, emptyBench, evaluateCandidate, hasLeadershipTraining, monthsBetween,
  matchRumpun, normaliseRelations, proposeRelations, proposeRumpun, relatedRumpunIndex, targetRequirements, unitField,
  type CandidateFacts, type ChainCandidate, type ChainPosition, type EvaluationContext, type SuccessionRules,
} from '../../shared/domain/succession';
import { jpmOfSums, mappingCategory, roundJpm, selectionCategory, type Jpm } from '../../shared/domain/jpm';
import { Random } from '../../main/demo/random';

const TODAY = '2026-11-24';

describe('TMT pensiun per jenis jabatan, first day of the month after the BUP month', () => {
  it.each([
    ['JPT Pratama', 'jpt_pratama', null, '1967-02-14', '2027-03-01'],
    ['administrator', 'administrator', null, '1969-06-30', '2027-07-01'],
    ['pengawas', 'pengawas', null, '1970-12-05', '2029-01-01'],
    ['pelaksana', 'pelaksana', null, '1968-01-01', '2026-02-01'],
    ['JF ahli utama', 'ahli_utama', null, '1962-08-17', '2027-09-01'],
    ['JF ahli madya', 'ahli_madya', null, '1966-11-24', '2026-12-01'],
    ['JF ahli muda', 'ahli_muda', null, '1968-03-31', '2026-04-01'],
    ['guru (BUP 60 by law) at ahli muda', 'ahli_muda', 60, '1966-10-10', '2026-11-01'],
  ])('%s', (_label, level, override, birth, tmt) => {
    expect(retirementDate(birth, bupFor(level, override))).toBe(tmt);
  });

  it('never gives the birthday itself, also for a birth on the 1st or at the end of December', () => {
    expect(retirementDate('1966-12-01', bupFor('jpt_pratama'))).toBe('2027-01-01');
    expect(retirementDate('1968-12-31', bupFor('administrator'))).toBe('2027-01-01');
  });
});

// ---------------------------------------------------------------------------------------------------------

const administratorPost = { id: 10, name: 'Kepala Bagian Pemerintahan', level: 'administrator', eselon: 'III.a', minGolongan: null };
const jptPost = { id: 11, name: 'Kepala Dinas Kesehatan', level: 'jpt_pratama', eselon: 'II.b', minGolongan: null };

/** A complete JPM of this percentage over a standard of nine competencies; null: never assessed. */
function jpm(percent: number | null, status: Jpm['status'] = percent === null ? 'not_assessed' : 'complete'): Jpm {
  const done = status === 'complete';
  return {
    status, percent: done ? percent : null, jpm: done ? roundJpm(percent!) : null, category: done ? mappingCategory(percent!) : null, selection: done ? selectionCategory(percent!) : null,
    standardCount: status === 'no_standard' ? 0 : 9, requiredSum: status === 'no_standard' ? 0 : 27, assessedCount: done ? 9 : status === 'partial' ? 5 : 0, achievedSum: 0,
  };
}

const RELATED = relatedRumpunIndex([{ a: 'Perawat', b: 'Kesehatan' }, { a: 'Kesehatan', b: 'Sosial' }]);

/** Posts in the rumpun Kesehatan, where Perawat and Sosial are related. */
function ctx(overrides: Partial<EvaluationContext> = {}, rules: Partial<SuccessionRules> = {}): EvaluationContext {
  return { today: TODAY, vacancyDate: '2027-06-01', rules: { ...DEFAULT_SUCCESSION_RULES, ...rules }, weights: DEFAULT_WEIGHTS, rumpun: { target: 'Kesehatan', related: RELATED }, ...overrides };
}

/** A pengawas, III/d, S-2, 4 years in post, with every datum present and good. */
function person(overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    employeeId: 1, employmentType: 'PNS', golongan: 34, golonganTmt: '2022-04-01', positionId: 5, level: 'pengawas',
    positionTmt: '2022-11-01', education: 'S2', birthDate: '1978-05-10', retirementDate: '2036-06-01',
    predikat: [{ year: 2025, code: 'sangat_baik', legacyLabel: null }, { year: 2024, code: 'baik', legacyLabel: null }],
    talent: { year: 2025, box: 9, kinerja: 2, potensi: 2, calibrated: false, provisional: false, computed: false },
    jpm: jpm(85),
    training: { leadership: ['pka'], anyRecord: true },
    rumpun: { current: 'Kesehatan', history: [] },
    ...overrides,
  };
}

const status = (facts: CandidateFacts, key: string, post = administratorPost, c = ctx()) =>
  evaluateCandidate(facts, targetRequirements(post, c.rules), c).checklist.find((i) => i.key === key)?.status;

describe('requirements of a target post', () => {
  it('takes the minimum golongan from the eselon (PP 13/2002) or the position, the rung below, education and training', () => {
    const adm = targetRequirements(administratorPost);
    expect(adm).toMatchObject({ minGolongan: 41, feederLabel: 'Pengawas', minYearsInPosition: 3, maxAge: null });
    expect(adm.education.label).toBe('S-1/D-IV');
    expect(adm.training?.code).toBe('pka');
    const jpt = targetRequirements(jptPost);
    expect(jpt).toMatchObject({ minGolongan: 42, feederLabel: 'Administrator', minYearsInPosition: 2, maxAge: 56 });
    expect(jpt.training?.code).toBe('pkn_2');
    expect(targetRequirements({ ...administratorPost, eselon: null }).minGolongan).toBe(34); // III.b assumed
    expect(targetRequirements({ ...administratorPost, minGolongan: 42 }).minGolongan).toBe(42);
    const pengawas = targetRequirements({ id: 3, name: 'Kepala Seksi', level: 'pengawas', eselon: 'IV.a', minGolongan: null });
    expect(pengawas).toMatchObject({ minGolongan: 33, feederLabel: 'Pelaksana', minYearsInPosition: 4 });
    expect(pengawas.education.label).toBe('D-III');
    expect(() => targetRequirements({ ...administratorPost, level: 'ahli_muda' })).toThrow();
  });
});

describe('eligibility checklist (hand-made cases)', () => {
  it('accepts a complete, good candidate one step below, with every item met or within tolerance', () => {
    const e = evaluateCandidate(person(), targetRequirements(administratorPost), ctx());
    expect(e.eligible).toBe(true);
    expect(e.failed).toEqual([]);
    expect(Object.fromEntries(e.checklist.map((i) => [i.key, i.status]))).toEqual({
      status_pns: 'ok', golongan: 'warn', jenjang: 'ok', masa_jabatan: 'ok', pendidikan: 'ok', pensiun: 'ok',
      skp: 'ok', talenta: 'ok', jpm: 'ok', diklat: 'ok',
    });
    expect(e.suggestedReadiness).toBe('siap_1_2_tahun'); // the golongan one step below is still open
    expect(evaluateCandidate(person({ golongan: 41 }), targetRequirements(administratorPost), ctx()).suggestedReadiness).toBe('siap_sekarang');
  });

  it('golongan: one step below the eselon minimum is tolerated by default, two are not; tolerance 0 is strict', () => {
    expect(status(person({ golongan: 41 }), 'golongan')).toBe('ok');
    expect(status(person({ golongan: 34 }), 'golongan')).toBe('warn');
    expect(status(person({ golongan: 33 }), 'golongan')).toBe('fail');
    expect(status(person({ golongan: 34 }), 'golongan', administratorPost, ctx({}, { golonganToleranceSteps: 0 }))).toBe('fail');
    expect(status(person({ golongan: 109 }), 'golongan')).toBe('fail'); // PPPK grade
    expect(status(person({ golongan: null }), 'golongan')).toBe('unknown');
  });

  it('structural posts are for PNS only', () => {
    expect(status(person({ employmentType: 'PPPK' }), 'status_pns')).toBe('fail');
    expect(status(person({ employmentType: 'CPNS' }), 'status_pns')).toBe('fail');
  });

  it('position level: one step below (structural or the JF of that seniority); the same level only when lateral moves are allowed', () => {
    expect(status(person({ level: 'pengawas' }), 'jenjang')).toBe('ok');
    expect(status(person({ level: 'ahli_muda' }), 'jenjang')).toBe('ok');
    expect(status(person({ level: 'pelaksana' }), 'jenjang')).toBe('fail');
    expect(status(person({ level: 'ahli_pertama' }), 'jenjang')).toBe('fail');
    expect(status(person({ level: 'administrator' }), 'jenjang')).toBe('fail');
    expect(status(person({ level: 'ahli_madya' }), 'jenjang', administratorPost, ctx({}, { allowLateralMoves: true }))).toBe('ok');
    expect(status(person({ level: 'jpt_pratama' }), 'jenjang', administratorPost, ctx({}, { allowLateralMoves: true }))).toBe('fail');
    expect(status(person({ level: 'ahli_madya', golongan: 42, education: 'S2' }), 'jenjang', jptPost)).toBe('ok'); // PP 11/2017: JF ahli madya → JPT Pratama
    expect(status(person({ level: null }), 'jenjang')).toBe('unknown');
  });

  it('years in the current post: 3 for administrator, 2 for JPT Pratama, counted in whole months', () => {
    expect(status(person({ positionTmt: addMonths(TODAY, -36) }), 'masa_jabatan')).toBe('ok');
    expect(status(person({ positionTmt: addDays(addMonths(TODAY, -36), 1) }), 'masa_jabatan')).toBe('fail');
    expect(status(person({ level: 'administrator', golongan: 42, positionTmt: addMonths(TODAY, -24) }), 'masa_jabatan', jptPost)).toBe('ok');
    expect(status(person({ positionTmt: null }), 'masa_jabatan')).toBe('unknown');
  });

  it('education: S-1/D-IV for administrator and JPT, D-III for pengawas', () => {
    expect(status(person({ education: 'D4' }), 'pendidikan')).toBe('ok');
    expect(status(person({ education: 'D3' }), 'pendidikan')).toBe('fail');
    const pengawasPost = { id: 3, name: 'Kepala Seksi', level: 'pengawas', eselon: 'IV.a', minGolongan: null };
    expect(status(person({ level: 'pelaksana', education: 'D3', golongan: 33 }), 'pendidikan', pengawasPost)).toBe('ok');
    expect(status(person({ level: 'pelaksana', education: 'SLTA', golongan: 33 }), 'pendidikan', pengawasPost)).toBe('fail');
    expect(status(person({ education: null }), 'pendidikan')).toBe('unknown');
  });

  it('JPT Pratama: at most 56 years old at the expected vacancy', () => {
    const c = ctx({ vacancyDate: '2027-06-01' });
    const jptCandidate = (birthDate: string) => person({ level: 'administrator', golongan: 42, birthDate, retirementDate: '2040-01-01' });
    expect(status(jptCandidate('1970-06-01'), 'usia', jptPost, c)).toBe('fail'); // 57 on the vacancy day
    expect(evaluateCandidate(jptCandidate('1970-06-02'), targetRequirements(jptPost), c).checklist.find((i) => i.key === 'usia')!.detail).toMatch(/^56 tahun/);
    expect(status(jptCandidate('1970-06-02'), 'usia', jptPost, c)).toBe('ok');
    expect(status(jptCandidate('1970-05-31'), 'usia', jptPost, c)).toBe('fail');
    expect(status(person(), 'usia')).toBeUndefined(); // no age rule for administrator
  });

  it('own retirement after the expected vacancy; less than two years after it is flagged', () => {
    expect(status(person({ retirementDate: '2027-06-01' }), 'pensiun')).toBe('fail');
    expect(status(person({ retirementDate: '2028-01-01' }), 'pensiun')).toBe('warn');
    expect(status(person({ retirementDate: '2030-01-01' }), 'pensiun')).toBe('ok');
  });

  it('SKP: at least Baik in the two latest annual evaluations; missing data is not a failure', () => {
    expect(status(person({ predikat: [{ year: 2025, code: 'baik', legacyLabel: null }, { year: 2024, code: 'butuh_perbaikan', legacyLabel: null }] }), 'skp')).toBe('fail');
    expect(status(person({ predikat: [{ year: 2025, code: 'sangat_baik', legacyLabel: null }] }), 'skp')).toBe('warn');
    expect(status(person({ predikat: [] }), 'skp')).toBe('unknown');
    expect(status(person({ predikat: [{ year: 2023, code: null, legacyLabel: 'Cukup' }] }), 'skp')).toBe('fail');
    expect(status(person({ predikat: [{ year: 2024, code: 'baik', legacyLabel: null }, { year: 2023, code: null, legacyLabel: 'Baik' }] }), 'skp')).toBe('ok');
    expect(evaluateCandidate(person({ predikat: [] }), targetRequirements(administratorPost), ctx()).eligible).toBe(true);
  });

  it('talent box: boxes 7, 8, 9 are the talent pool; others are flagged, not excluded', () => {
    expect(status(person({ talent: { year: 2025, box: 7, kinerja: 2, potensi: 1, calibrated: false, provisional: false, computed: false } }), 'talenta')).toBe('ok');
    expect(status(person({ talent: { year: 2025, box: 5, kinerja: 1, potensi: 1, calibrated: false, provisional: false, computed: false } }), 'talenta')).toBe('warn');
    expect(status(person({ talent: null }), 'talenta')).toBe('unknown');
  });

  it('JPM against the target standard: MS ok, MMS/KMS flagged; no standard or no assessment is "belum ada data"', () => {
    expect(status(person({ jpm: jpm(80) }), 'jpm')).toBe('ok');
    expect(status(person({ jpm: jpm(79.9) }), 'jpm')).toBe('warn');
    // 79.97 % shows as 80,0 % but is MMS: the category comes from the unrounded percentage.
    const almost = evaluateCandidate(person({ jpm: jpm(79.97) }), targetRequirements(administratorPost), ctx()).checklist.find((i) => i.key === 'jpm')!;
    expect([almost.status, almost.detail]).toEqual(['warn', '80% MMS – Masih Memenuhi Syarat']);
    expect(status(person({ jpm: jpm(null, 'no_standard') }), 'jpm')).toBe('unknown');
    expect(status(person({ jpm: jpm(null) }), 'jpm')).toBe('unknown');
  });

  it('JPM of a partial assessment: no JPM, no category, "asesmen belum lengkap" (the rule of shared/domain/jpm.ts)', () => {
    const partial = jpmOfSums({ standardCount: 9, requiredSum: 27, assessedCount: 5, achievedSum: 15 });
    const e = evaluateCandidate(person({ jpm: partial }), targetRequirements(administratorPost), ctx());
    expect(e.checklist.find((i) => i.key === 'jpm')).toMatchObject({ status: 'unknown', detail: 'asesmen belum lengkap: 5 dari 9 kompetensi diasesmen, JPM belum dihitung' });
    expect(e.components.find((c) => c.key === 'jpm')).toMatchObject({ value: null, detail: 'asesmen belum lengkap (5 dari 9 kompetensi)' });
  });

  it('leadership training: a higher one covers a lower one; missing is a development need, not a bar', () => {
    expect(hasLeadershipTraining(['pkn_2'], 'pka')).toBe(true);
    expect(hasLeadershipTraining(['pkp'], 'pka')).toBe(false);
    expect(hasLeadershipTraining(['latsar'], 'pkp')).toBe(false);
    expect(status(person({ training: { leadership: ['pkp'], anyRecord: true } }), 'diklat')).toBe('warn');
    expect(status(person({ training: { leadership: [], anyRecord: false } }), 'diklat')).toBe('unknown');
    expect(evaluateCandidate(person({ training: { leadership: ['pkp'], anyRecord: true } }), targetRequirements(administratorPost), ctx()).eligible).toBe(true);
  });
});

describe('explained score', () => {
  it('weights each component and shows the points it adds (hand-computed: 91,4)', () => {
    const e = evaluateCandidate(person(), targetRequirements(administratorPost), ctx());
    // (jpm .85·25 + kinerja 1·20 + talenta 1·20 + rumpun 1·10 + diklat 1·10 + pengalaman (48/60)·10 + golongan (one below) .4·5
    //  + S-2 .85·5 + sisa ≥5 th 1·5) / 110 × 100 = 100,5 / 110 × 100
    expect(e.score).toBe(91.4);
    expect(e.coverage).toBe(100);
    expect(Object.fromEntries(e.components.map((c) => [c.key, [c.weight, c.value, c.points]]))).toEqual({
      jpm: [25, 0.85, 19.3], kinerja: [20, 1, 18.2], talenta: [20, 1, 18.2], rumpun: [10, 1, 9.1], diklat: [10, 1, 9.1], pengalaman: [10, 0.8, 7.3],
      golongan: [5, 0.4, 1.8], pendidikan: [5, 0.85, 3.9], sisa_masa_kerja: [5, 1, 4.5],
    });
  });

  it('scores a component without data as zero, says "belum ada data", and shows how much was known', () => {
    const e = evaluateCandidate(person({
      jpm: jpm(null), predikat: [], talent: null, training: { leadership: [], anyRecord: false },
    }), targetRequirements(administratorPost), ctx());
    expect(e.coverage).toBe(31.8); // (10 + 10 + 5 + 5 + 5) / 110
    expect(e.score).toBe(26.6); // (10 + 8 + 2 + 4,25 + 5) / 110 × 100
    expect(e.components.filter((c) => c.value === null).map((c) => [c.key, c.points])).toEqual([['jpm', 0], ['kinerja', 0], ['talenta', 0], ['diklat', 0]]);
    expect(e.components.find((c) => c.key === 'jpm')!.detail).toBe('belum diasesmen');
    expect(e.components.find((c) => c.key === 'kinerja')!.detail).toBe('belum ada data SKP');
  });

  it('never ranks a person above another only because less is known of them', () => {
    // The rule before: the missing JPM was dropped and the other weights scaled up, so the never-assessed person
    // (92,3) came before the one assessed at 70 % (86,8). Now the assessed one is ahead: 88,0 against 72,0.
    const assessed = evaluateCandidate(person({ employeeId: 1, jpm: jpm(70) }), targetRequirements(administratorPost), ctx());
    const unknown = evaluateCandidate(person({ employeeId: 2, jpm: jpm(null) }), targetRequirements(administratorPost), ctx());
    expect([assessed.score, unknown.score]).toEqual([88, 72]);
    expect(assessed.score! - unknown.score!).toBeCloseTo((25 * 0.7 * 100) / 110, 0);
    const key = (e: typeof assessed) => ({ employeeId: e.employeeId, eligible: true, score: e.score, coverage: e.coverage, failedCount: 0, golonganRank: golonganRankOf(34), retirementDate: '2036-06-01' });
    expect([key(unknown), key(assessed)].sort(compareEvaluations).map((k) => k.employeeId)).toEqual([1, 2]);
  });

  it('gives no score to someone who is not eligible', () => {
    expect(evaluateCandidate(person({ level: 'pelaksana' }), targetRequirements(administratorPost), ctx()).score).toBeNull();
  });
});

describe('rumpun jabatan', () => {
  it('proposes the JF family for a functional post and the field of the perangkat daerah for the others', () => {
    expect(proposeRumpun({ kind: 'fungsional', family: 'Perawat', opdName: 'Dinas Kesehatan' })).toBe('Perawat');
    expect(proposeRumpun({ kind: 'administrator', family: null, opdName: 'Dinas Kesehatan' })).toBe('Kesehatan');
    expect(proposeRumpun({ kind: 'pengawas', family: null, opdName: 'Rumah Sakit Umum Daerah Sindangraja' })).toBe('Kesehatan');
    expect(proposeRumpun({ kind: 'pelaksana', family: null, opdName: 'Badan Pengelolaan Keuangan dan Aset Daerah' })).toBe('Pengelolaan Keuangan dan Aset Daerah');
    expect(proposeRumpun({ kind: 'jpt', family: null, opdName: 'Kecamatan Cibeureum' })).toBe('Pemerintahan Kewilayahan');
    expect(proposeRumpun({ kind: 'jpt', family: null, opdName: 'Sekretariat Daerah' })).toBe('Sekretariat Daerah');
    expect(proposeRumpun({ kind: 'fungsional', family: null, opdName: null })).toBeNull();
    expect(unitField('Dinas  Komunikasi, Informatika, Statistik dan Persandian')).toBe('Komunikasi, Informatika, Statistik dan Persandian');
  });

  it('scores the same rumpun 1, an earlier post in it 0,75, a related one 0,5, a related earlier post 0,25, another 0; unknown is no data', () => {
    const m = (current: string | null, history: string[] = []) => matchRumpun('Kesehatan', { current, history }, RELATED);
    expect(m('kesehatan')).toMatchObject({ code: 'sama', value: 1 });
    expect(m('Pendidikan', ['Kesehatan'])).toMatchObject({ code: 'riwayat_sama', value: 0.75 });
    expect(m('Perawat', ['Kesehatan'])).toMatchObject({ code: 'riwayat_sama', value: 0.75 });
    expect(m('Perawat')).toMatchObject({ code: 'terkait', value: 0.5, via: 'Perawat' });
    expect(m('Pendidikan', ['Sosial'])).toMatchObject({ code: 'riwayat_terkait', value: 0.25, via: 'Sosial' });
    expect(m('Pendidikan', ['Keuangan'])).toMatchObject({ code: 'tidak', value: 0 });
    expect(m(null)).toBeNull();
    expect(matchRumpun(null, { current: 'Kesehatan', history: [] }, RELATED)).toBeNull();
    const e = evaluateCandidate(person({ rumpun: { current: 'Perawat', history: [] } }), targetRequirements(administratorPost), ctx());
    expect(e.components.find((c) => c.key === 'rumpun')).toMatchObject({ value: 0.5, detail: 'rumpun terkait (Perawat – Kesehatan)' });
    const none = evaluateCandidate(person(), targetRequirements(administratorPost), ctx({ rumpun: { target: null, related: RELATED } }));
    expect(none.components.find((c) => c.key === 'rumpun')).toMatchObject({ value: null, points: 0, detail: 'belum ada data: rumpun jabatan ini belum ditetapkan' });
  });

  it('keeps related pairs once whatever their order and case, and proposes JF families with the field where their holders work', () => {
    expect(normaliseRelations([{ a: 'Kesehatan', b: ' Perawat ' }, { a: 'perawat', b: 'KESEHATAN' }, { a: 'Sosial', b: 'sosial' }])).toEqual([{ a: 'Kesehatan', b: 'Perawat' }]);
    expect(proposeRelations([
      { family: 'Perawat', opdName: 'Dinas Kesehatan', holders: 30 }, { family: 'Perawat', opdName: 'Rumah Sakit Umum Daerah X', holders: 50 },
      { family: 'Perawat', opdName: 'Dinas Sosial', holders: 5 }, { family: 'Guru', opdName: 'Dinas Pendidikan dan Kebudayaan', holders: 99 },
    ])).toEqual([{ a: 'Guru', b: 'Pendidikan dan Kebudayaan', holders: 99 }, { a: 'Perawat', b: 'Kesehatan', holders: 80 }]);
  });
});

describe('ranking order', () => {
  const row = (employeeId: number, eligible: boolean, score: number | null, coverage: number, failedCount = 0, golongan = 34, retirementDate = '2035-01-01') =>
    ({ employeeId, eligible, score, coverage, failedCount, golonganRank: golonganRankOf(golongan), retirementDate });

  it('eligible by score, then data coverage, then golongan, later retirement and id; ineligible after, fewest failures first', () => {
    const rows = [
      row(1, false, null, 0, 2),
      row(2, true, 77, 25),
      row(3, true, 77, 100),
      row(4, true, 90.5, 100),
      row(5, false, null, 0, 1),
      row(6, true, 77, 100, 0, 41),
      row(7, true, 77, 100, 0, 41, '2040-01-01'),
      row(8, true, 77, 100, 0, 41, '2040-01-01'),
    ];
    expect([...rows].sort(compareEvaluations).map((r) => r.employeeId)).toEqual([4, 7, 8, 6, 3, 2, 5, 1]);
  });
});

describe('fast paths agree with the detailed evaluation', () => {
  const rng = new Random(42);
  const levels = ['pelaksana', 'pengawas', 'ahli_muda', 'ahli_madya', 'administrator', 'ahli_pertama', 'penyelia', 'jpt_pratama', null];
  const golongan = [null, 24, 31, 32, 33, 34, 41, 42, 43, 44, 109];
  const education = [null, 'SLTA', 'D3', 'D4', 'S1', 'S2', 'S3', 'PROFESI'];
  const date = (from: number, to: number) => `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const randomFacts = (id: number): CandidateFacts => person({
    employeeId: id, employmentType: rng.pick(['PNS', 'PNS', 'PNS', 'CPNS', 'PPPK']), golongan: rng.pick(golongan), level: rng.pick(levels),
    positionTmt: rng.chance(0.1) ? null : date(2015, 2027), education: rng.pick(education), birthDate: date(1965, 1990),
    retirementDate: rng.chance(0.05) ? null : date(2026, 2050),
    predikat: rng.pick([[], [{ year: 2025, code: rng.pick(['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang']), legacyLabel: null }], [{ year: 2025, code: 'baik', legacyLabel: null }, { year: 2024, code: null, legacyLabel: rng.pick(['Baik', 'Cukup', 'Aneh']) }]]),
    talent: rng.chance(0.4) ? null : { year: 2025, box: 5, kinerja: rng.int(0, 2), potensi: rng.int(0, 2), calibrated: false, provisional: false, computed: false },
    jpm: rng.chance(0.3) ? jpm(null) : rng.chance(0.2) ? jpm(null, 'partial') : jpm(rng.int(400, 1000) / 10),
    training: rng.chance(0.3) ? { leadership: [], anyRecord: false } : { leadership: rng.chance(0.5) ? ['pka'] : [], anyRecord: true },
    rumpun: { current: rng.pick([null, 'Kesehatan', 'Perawat', 'Pendidikan']), history: rng.pick([[], ['Kesehatan'], ['Sosial', 'Keuangan']]) },
  });

  it.each([
    ['administrator, defaults', administratorPost, ctx()],
    ['JPT Pratama, vacancy next year', jptPost, ctx({ vacancyDate: '2027-11-01' })],
    ['administrator, strict golongan and lateral moves', administratorPost, ctx({}, { golonganToleranceSteps: 0, allowLateralMoves: true })],
    ['pengawas, vacant now', { id: 3, name: 'Kepala Seksi', level: 'pengawas', eselon: 'IV.a', minGolongan: null }, ctx({ vacancyDate: TODAY })],
  ])('%s: basic filter and quick evaluator give the detailed answers', (_label, post, c) => {
    const req = targetRequirements(post, c.rules);
    const basic = createBasicFilter(req, c);
    const quick = createQuickEvaluator(req, c);
    for (let i = 0; i < 3000; i++) {
      const facts = randomFacts(i);
      const detailed = evaluateCandidate(facts, req, c);
      expect(basic(facts)).toEqual(basicChecklist(facts, req, c).filter((x) => x.status === 'fail').map((x) => x.key));
      const q = quick(facts);
      expect({ eligible: q.eligible, failed: q.failed, score: q.score, coverage: q.coverage })
        .toEqual({ eligible: detailed.eligible, failed: detailed.failed, score: detailed.score, coverage: detailed.coverage });
    }
  });

  it('monthsBetween equals fullMonthsBetween', () => {
    for (let i = 0; i < 5000; i++) {
      const a = date(1960, 2040);
      const b = date(1960, 2040);
      expect(monthsBetween(a, b)).toBe(fullMonthsBetween(a, b));
    }
  });
});

describe('risk of a key position (documented rule, settings)', () => {
  const bench = (now: number, soon: number, later: number) => ({ siap_sekarang: now, siap_1_2_tahun: soon, siap_lebih_2_tahun: later });
  const risk = (retirementDate: string | null, b = emptyBench(), settings = { highMonths: 12, mediumMonths: 36, emptyBenchIsMedium: true }) =>
    assessRisk({ today: TODAY, vacantNow: retirementDate === null, retirementDate, bench: b }, settings).level;

  it('tinggi: vacant now, or retiring within 12 months, without a successor ready now', () => {
    expect(risk(null)).toBe('tinggi');
    expect(risk(null, bench(0, 3, 1))).toBe('tinggi');
    expect(risk(addMonths(TODAY, 12))).toBe('tinggi');
    expect(risk(addMonths(TODAY, 11), bench(0, 2, 0))).toBe('tinggi');
    expect(risk(null, bench(1, 0, 0))).toBe('rendah');
    expect(risk(addMonths(TODAY, 6), bench(1, 0, 0))).toBe('rendah');
  });

  it('sedang: retiring within 36 months without a successor ready now or in 1–2 years, or no successor at all', () => {
    expect(risk(addDays(addMonths(TODAY, 12), 1))).toBe('sedang');
    expect(risk(addMonths(TODAY, 30), bench(0, 0, 2))).toBe('sedang');
    expect(risk(addMonths(TODAY, 30), bench(0, 1, 0))).toBe('rendah');
    expect(risk(addMonths(TODAY, 60))).toBe('sedang');
    expect(risk(addMonths(TODAY, 60), bench(0, 0, 1))).toBe('rendah');
  });

  it('follows its settings', () => {
    expect(risk(addMonths(TODAY, 60), emptyBench(), { highMonths: 12, mediumMonths: 36, emptyBenchIsMedium: false })).toBe('rendah');
    expect(risk(addMonths(TODAY, 20), emptyBench(), { highMonths: 24, mediumMonths: 48, emptyBenchIsMedium: false })).toBe('tinggi');
  });

  it('explains itself in Indonesian', () => {
    const r = assessRisk({ today: TODAY, vacantNow: false, retirementDate: '2027-04-01', bench: emptyBench() });
    expect(r.reason).toBe('Pejabatnya pensiun 1 April 2027 (4 bulan lagi) dan belum ada kandidat "Siap sekarang".');
  });
});

describe('development needs for the target post', () => {
  it('lists competency gaps (largest first), unassessed competencies, missing training and unmet requirements', () => {
    const req = targetRequirements(administratorPost);
    const evaluation = evaluateCandidate(person({ training: { leadership: ['pkp'], anyRecord: true }, education: 'S1', golongan: 34 }), req, ctx());
    const standard = [
      { competencyId: 1, code: 'M.01', name: 'Integritas', requiredLevel: 3 },
      { competencyId: 2, code: 'M.02', name: 'Kerjasama', requiredLevel: 3 },
      { competencyId: 3, code: 'M.03', name: 'Komunikasi', requiredLevel: 3 },
      { competencyId: 4, code: 'M.04', name: 'Orientasi pada Hasil', requiredLevel: 3 },
    ];
    const needs = developmentNeeds(evaluation, standard, new Map([[1, 3], [2, 2], [3, 1]]), req);
    expect(needs.map((n) => [n.kind, n.label, n.currentLevel, n.targetLevel])).toEqual([
      ['kompetensi', 'M.03 Komunikasi', 1, 3],
      ['kompetensi', 'M.02 Kerjasama', 2, 3],
      ['asesmen', 'M.04 Orientasi pada Hasil', null, 3],
      ['diklat', 'PKA (Pelatihan Kepemimpinan Administrator)', null, null],
      ['syarat', 'Golongan minimum IV/a', null, null],
    ]);
  });
});

describe('chain vacancies', () => {
  const positions: Record<number, ChainPosition> = {
    1: { id: 1, name: 'Kepala Dinas', level: 'jpt_pratama', isKey: true, singleHolder: true },
    2: { id: 2, name: 'Sekretaris Dinas', level: 'administrator', isKey: true, singleHolder: true },
    3: { id: 3, name: 'Kasubbag Umum', level: 'pengawas', isKey: false, singleHolder: true },
    4: { id: 4, name: 'Analis SDM Ahli Madya', level: 'ahli_madya', isKey: false, singleHolder: false },
  };
  const c = (employeeId: number, positionId: number | null, readiness: ChainCandidate['readiness'] = 'siap_sekarang'): ChainCandidate => ({ employeeId, name: `P${employeeId}`, readiness, positionId });

  it('follows the first candidate up the chain until a post has no plan', () => {
    const plans: Record<number, ChainCandidate[]> = { 1: [c(20, 2), c(21, 4)], 2: [c(30, 3, 'siap_1_2_tahun'), c(31, 3)] };
    const steps = chainVacancies(1, { position: (id) => positions[id] ?? null, candidates: (id) => plans[id] ?? null });
    expect(steps.map((s) => [s.position.id, s.mover?.employeeId ?? null, s.freed?.id ?? null, s.candidateCount, s.readyNowCount])).toEqual([
      [1, 20, 2, 2, 2], [2, 30, 3, 2, 1], [3, null, null, 0, 0],
    ]);
    expect(steps[2].end).toBe('Jabatan ini belum punya rencana suksesi.');
  });

  it('stops at a formation post (JF) and skips people who already moved; detects a loop', () => {
    const plans: Record<number, ChainCandidate[]> = { 1: [c(21, 4)] };
    const steps = chainVacancies(1, { position: (id) => positions[id] ?? null, candidates: (id) => plans[id] ?? null });
    expect(steps).toHaveLength(1);
    expect(steps[0].end).toMatch(/formasi/);

    const loop: Record<number, ChainCandidate[]> = { 1: [c(20, 2)], 2: [c(20, 1), c(40, 1)] };
    const looped = chainVacancies(1, { position: (id) => positions[id] ?? null, candidates: (id) => loop[id] ?? null });
    expect(looped.map((s) => s.mover?.employeeId)).toEqual([20, 40]);
    expect(looped[1].end).toMatch(/sudah ada dalam rantai/);
  });
});
