import { describe, expect, it } from 'vitest';
import {
  countFindings, DUPLICATE_CHECK, findDuplicates, proposedFix, QUALITY_CHECKS, qualityIndex, type QualityFacts,
} from '../../shared/domain/quality';

const AS_OF = '2026-06-15';

/** A complete, consistent record: a PNS born 12 March 1985, CPNS March 2010, male (NIP digit 15 = 1). */
function person(over: Partial<QualityFacts> = {}): QualityFacts {
  return {
    nip: '198503122010031004', name: 'Budi Santoso', employmentType: 'PNS', birthDate: '1985-03-12', gender: 'L',
    cpnsTmt: '2010-03-01', golongan: 33, golonganTmt: '2022-04-01', educationLevel: 'S1', positionId: 7,
    positionKind: 'pelaksana', positionLevel: 'pelaksana', positionTmt: '2015-01-01', eselon: null, positionHasStandard: true,
    unitId: 3, retirementDate: '2043-04-01', hasSkpLastYear: true, hasPotentialAssessment: true,
    hasCompetencyAssessment: true, openPositionHistories: 1, hasKpPilihan: false, ...over,
  };
}

/** A second clean record: a woman born 1 January 1990, CPNS March 2015. */
const ani = (over: Partial<QualityFacts> = {}) => person({
  name: 'Ani', nip: '199001012015032001', birthDate: '1990-01-01', gender: 'P', cpnsTmt: '2015-03-01', positionTmt: '2016-01-01', ...over,
});

const check = (key: string) => {
  const found = QUALITY_CHECKS.find((c) => c.key === key);
  if (!found) throw new Error(`no check ${key}`);
  return found;
};
/** The finding of one check on one record, or null where it passes or is not asked. */
const finding = (key: string, f: QualityFacts) => (check(key).appliesTo(f, AS_OF) ? check(key).find(f, AS_OF) : null);

describe('a complete and consistent record', () => {
  it('passes every check', () => {
    const f = person();
    for (const c of QUALITY_CHECKS) expect({ key: c.key, finding: c.appliesTo(f, AS_OF) ? c.find(f, AS_OF) : null }).toEqual({ key: c.key, finding: null });
  });
});

describe('completeness', () => {
  it.each([
    ['pendidikan', { educationLevel: null }],
    ['tmt_golongan', { golonganTmt: null }],
    ['tmt_cpns', { cpnsTmt: null }],
    ['tmt_jabatan', { positionTmt: null }],
    ['jabatan', { positionId: null, positionKind: null, positionLevel: null, positionTmt: null, positionHasStandard: null }],
    ['unit', { unitId: null }],
    ['tanggal_lahir', { birthDate: null }],
    ['jenis_kelamin', { gender: null }],
    ['skp_tahun_lalu', { hasSkpLastYear: false }],
    ['penilaian_potensi', { hasPotentialAssessment: false }],
    ['standar_jabatan', { positionHasStandard: false }],
  ] as Array<[string, Partial<QualityFacts>]>)('%s finds the gap', (key, over) => {
    expect(finding(key, person(over))).toMatch(/kosong|belum/i);
  });

  it('does not ask a PPPK for a golongan TMT, nor a person without a position for a TMT jabatan', () => {
    expect(check('tmt_golongan').appliesTo(person({ employmentType: 'PPPK', golongan: 109, golonganTmt: null }), AS_OF)).toBe(false);
    expect(check('tmt_jabatan').appliesTo(person({ positionId: null, positionTmt: null }), AS_OF)).toBe(false);
  });

  it('asks for last year\'s SKP only of those in service before that year ended', () => {
    expect(finding('skp_tahun_lalu', person({ cpnsTmt: '2025-12-31', hasSkpLastYear: false }))).not.toBeNull();
    expect(finding('skp_tahun_lalu', person({ cpnsTmt: '2026-01-01', hasSkpLastYear: false }))).toBeNull();
  });

  it('asks a competency assessment of structural officials only', () => {
    const none = { hasCompetencyAssessment: false };
    expect(finding('penilaian_kompetensi', person({ ...none, positionKind: 'pengawas', positionLevel: 'pengawas' }))).not.toBeNull();
    expect(finding('penilaian_kompetensi', person({ ...none, positionKind: 'jpt', positionLevel: 'jpt_pratama' }))).not.toBeNull();
    expect(finding('penilaian_kompetensi', person({ ...none, positionKind: 'fungsional', positionLevel: 'ahli_muda' }))).toBeNull();
    expect(finding('penilaian_kompetensi', person(none))).toBeNull();
  });

  it('treats an unknown gender code as missing', () => {
    expect(finding('jenis_kelamin', person({ gender: 'X' }))).not.toBeNull();
  });
});

describe('NIP against the record', () => {
  it('finds a birth date one day off, and not the matching one', () => {
    expect(finding('nip_tanggal_lahir', person({ birthDate: '1985-03-13' }))).toMatch(/NIP menyatakan 12 Maret 1985/);
    expect(finding('nip_tanggal_lahir', person())).toBeNull();
  });

  it('compares the TMT CPNS by year and month only', () => {
    expect(finding('nip_tmt_cpns', person({ cpnsTmt: '2010-03-31' }))).toBeNull();
    expect(finding('nip_tmt_cpns', person({ cpnsTmt: '2010-04-01' }))).not.toBeNull();
  });

  it('does not read a PPPK NIP as a CPNS date', () => {
    expect(check('nip_tmt_cpns').appliesTo(person({ employmentType: 'PPPK', cpnsTmt: '2012-01-01' }), AS_OF)).toBe(false);
  });

  it('finds a gender against digit 15', () => {
    expect(finding('nip_jenis_kelamin', person({ gender: 'P' }))).toMatch(/laki-laki/);
    expect(finding('nip_jenis_kelamin', person({ nip: '198503122010032004', gender: 'P' }))).toBeNull();
  });

  it('leaves a malformed NIP to the import checks', () => {
    expect(finding('nip_tanggal_lahir', person({ nip: '19850312201003100' }))).toBeNull();
  });
});

describe('golongan above the education ceiling', () => {
  // SLTA reaches III/b (32) by regular promotion.
  it('finds III/c on an SLTA record without an explanation, and not III/b', () => {
    expect(finding('golongan_di_atas_pendidikan', person({ educationLevel: 'SLTA', golongan: 33 }))).not.toBeNull();
    expect(finding('golongan_di_atas_pendidikan', person({ educationLevel: 'SLTA', golongan: 32 }))).toBeNull();
  });

  it('accepts a structural position whose eselon reaches the golongan, and not one below it', () => {
    // Eselon IV.a spans III/c–III/d (33–34); IV.b III/b–III/c (32–33).
    expect(finding('golongan_di_atas_pendidikan', person({ educationLevel: 'SLTA', golongan: 34, eselon: 'IV.a' }))).toBeNull();
    expect(finding('golongan_di_atas_pendidikan', person({ educationLevel: 'SLTA', golongan: 34, eselon: 'IV.b' }))).not.toBeNull();
  });

  it('accepts a recorded KP pilihan', () => {
    expect(finding('golongan_di_atas_pendidikan', person({ educationLevel: 'SLTA', golongan: 33, hasKpPilihan: true }))).toBeNull();
  });

  it('is not asked of a PPPK grade', () => {
    expect(check('golongan_di_atas_pendidikan').appliesTo(person({ employmentType: 'PPPK', educationLevel: 'SLTA', golongan: 109 }), AS_OF)).toBe(false);
  });
});

describe('other contradictions', () => {
  it('TMT jabatan before TMT CPNS, to the day', () => {
    expect(finding('tmt_jabatan_sebelum_cpns', person({ positionTmt: '2010-02-28' }))).not.toBeNull();
    expect(finding('tmt_jabatan_sebelum_cpns', person({ positionTmt: '2010-03-01' }))).toBeNull();
  });

  it('active on or after the TMT pensiun, not the day before', () => {
    expect(finding('aktif_melewati_pensiun', person({ retirementDate: AS_OF }))).not.toBeNull();
    expect(finding('aktif_melewati_pensiun', person({ retirementDate: '2026-06-16' }))).toBeNull();
  });

  it('two open position histories, not one', () => {
    expect(finding('dua_riwayat_jabatan_terbuka', person({ openPositionHistories: 2 }))).toMatch(/2 riwayat/);
    expect(finding('dua_riwayat_jabatan_terbuka', person({ openPositionHistories: 1 }))).toBeNull();
  });

  it('a functional position without a functional level', () => {
    expect(finding('jf_tanpa_jenjang', person({ positionKind: 'fungsional', positionLevel: null }))).not.toBeNull();
    expect(finding('jf_tanpa_jenjang', person({ positionKind: 'fungsional', positionLevel: 'pelaksana' }))).not.toBeNull();
    expect(finding('jf_tanpa_jenjang', person({ positionKind: 'fungsional', positionLevel: 'ahli_pertama' }))).toBeNull();
  });

  it('a PPPK with a PNS golongan, not with a PPPK grade', () => {
    expect(finding('pppk_golongan_pns', person({ employmentType: 'PPPK', golongan: 31 }))).not.toBeNull();
    expect(finding('pppk_golongan_pns', person({ employmentType: 'PPPK', golongan: 109 }))).toBeNull();
  });
});

describe('duplicates by name and birth date', () => {
  it('pairs the same name (case and spacing aside) on the same day, and nobody else', () => {
    const people = [
      person({ name: 'Siti Aminah' }), person({ name: 'SITI  AMINAH', nip: '198503122010032001', gender: 'P' }),
      person({ name: 'Siti Aminah', birthDate: '1985-03-13' }), person({ name: 'Siti Aminah S', birthDate: '1985-03-12' }),
      person({ name: 'Budi', birthDate: null }), person({ name: 'Budi', birthDate: null }),
    ];
    expect([...findDuplicates(people)].sort()).toEqual([0, 1]);
  });
});

describe('the index', () => {
  it('is 100 for a clean population and null for an empty one', () => {
    expect(qualityIndex(countFindings([person(), ani()], AS_OF))).toBe(100);
    expect(qualityIndex(countFindings([], AS_OF))).toBeNull();
  });

  it('is the weighted mean of the passing shares of the checks asked', () => {
    // Two people; one lacks education (weight 2, half pass) — every other check passes for both.
    const counts = countFindings([person(), ani({ educationLevel: null })], AS_OF);
    const asked = counts.filter((c) => c.applicable > 0);
    const weights = Object.fromEntries(QUALITY_CHECKS.map((c) => [c.key, c.defaultWeight]));
    weights[DUPLICATE_CHECK.key] = DUPLICATE_CHECK.defaultWeight;
    const total = asked.reduce((s, c) => s + weights[c.key], 0);
    const expected = Math.round(((total - 2 * 0.5) / total) * 1000) / 10;
    expect(qualityIndex(counts)).toBe(expected);
    expect(counts.find((c) => c.key === 'pendidikan')).toEqual({ key: 'pendidikan', applicable: 2, found: 1 });
  });

  it('follows the weights of the settings: a weight of 0 leaves a check out', () => {
    const counts = countFindings([person({ educationLevel: null })], AS_OF);
    expect(qualityIndex(counts, { pendidikan: 0 })).toBe(100);
    expect(qualityIndex(counts)).toBeLessThan(100);
  });
});

describe('"Perbaiki": the certain answer from the NIP', () => {
  it('gives the gender of digit 15 where it is missing or contradicts the NIP, and nothing where it agrees', () => {
    expect(proposedFix('jenis_kelamin', person({ gender: null }))).toEqual({ field: 'gender', value: 'L' });
    expect(proposedFix('nip_jenis_kelamin', person({ gender: 'P' }))).toEqual({ field: 'gender', value: 'L' });
    expect(proposedFix('nip_jenis_kelamin', ani({ gender: 'L' }))).toEqual({ field: 'gender', value: 'P' });
    expect(proposedFix('nip_jenis_kelamin', person())).toBeNull();
    expect(proposedFix('jenis_kelamin', person())).toBeNull();
  });

  it('gives the birth date and the TMT CPNS (first of the NIP\'s month) only where they are missing', () => {
    expect(proposedFix('tanggal_lahir', person({ birthDate: null }))).toEqual({ field: 'birthDate', value: '1985-03-12' });
    expect(proposedFix('tmt_cpns', person({ cpnsTmt: null }))).toEqual({ field: 'cpnsTmt', value: '2010-03-01' });
    // A birth date or TMT CPNS that disagrees with the NIP is not certain either way: no fix.
    expect(proposedFix('nip_tanggal_lahir', person({ birthDate: '1985-03-13' }))).toBeNull();
    expect(proposedFix('nip_tmt_cpns', person({ cpnsTmt: '2011-01-01' }))).toBeNull();
  });

  it('gives nothing for a malformed NIP, nor a TMT CPNS to a PPPK', () => {
    expect(proposedFix('jenis_kelamin', person({ gender: null, nip: '19850312201003100' }))).toBeNull();
    expect(proposedFix('tmt_cpns', person({ employmentType: 'PPPK', golongan: 109, cpnsTmt: null }))).toBeNull();
  });
});
