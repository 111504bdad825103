// Daftar Urut Kepangkatan (PP 15/1979): hand-made pairs for each criterion and each tie-break, in the order the
// regulation gives them.

import { describe, expect, it } from 'vitest';
import {
  compareDuk, dukDecidingCriterion, dukEducationRank, highestLeadershipTraining, leadershipRank, sortDuk, type DukEntry,
} from '../../shared/domain/duk';

/** Two people equal on everything; each case changes only what it tests. */
const base: DukEntry = {
  golongan: 33, golonganTmt: '2018-04-01', positionLevel: 'pengawas', positionTmt: '2019-01-02', cpnsTmt: '2005-03-01',
  leadershipTraining: 'pkp', educationLevel: 'S1', educationYear: 2003, birthDate: '1980-05-05', nip: '198005052005031001',
};
const person = (patch: Partial<DukEntry>): DukEntry => ({ ...base, ...patch });

/** `first` must come before `second` whichever way round they are given, decided by `criterion`. */
function expectBefore(first: DukEntry, second: DukEntry, criterion: string) {
  expect(compareDuk(first, second)).toBeLessThan(0);
  expect(compareDuk(second, first)).toBeGreaterThan(0);
  expect(dukDecidingCriterion(first, second)).toBe(criterion);
  expect(sortDuk([second, first])).toEqual([first, second]);
}

describe('DUK order (PP 15/1979)', () => {
  it('1. pangkat: the higher golongan first, whatever comes after', () => {
    expectBefore(person({ golongan: 41, positionLevel: 'pelaksana', cpnsTmt: '2010-01-01' }), person({ golongan: 34, positionLevel: 'administrator' }), 'pangkat');
    expectBefore(person({ golongan: 21 }), person({ golongan: 14 }), 'pangkat');
  });

  it('1. pangkat, equal golongan: the older TMT golongan first', () => {
    expectBefore(person({ golonganTmt: '2016-10-01', positionLevel: 'pelaksana' }), person({ golonganTmt: '2017-04-01' }), 'pangkat');
  });

  it('2. jabatan: the higher level first (administrator before pengawas before pelaksana)', () => {
    expectBefore(person({ positionLevel: 'administrator', cpnsTmt: '2012-01-01' }), person({ positionLevel: 'pengawas' }), 'jabatan');
    expectBefore(person({ positionLevel: 'pengawas' }), person({ positionLevel: 'pelaksana' }), 'jabatan');
    expectBefore(person({ positionLevel: 'jpt_pratama' }), person({ positionLevel: 'administrator' }), 'jabatan');
  });

  it('2. jabatan, equal level: the older TMT jabatan first', () => {
    expectBefore(person({ positionTmt: '2015-07-01', cpnsTmt: '2009-01-01' }), person({ positionTmt: '2019-01-02' }), 'jabatan');
  });

  it('3. masa kerja: the longer (earlier TMT CPNS) first', () => {
    expectBefore(person({ cpnsTmt: '1999-03-01', leadershipTraining: null }), person({ cpnsTmt: '2005-03-01' }), 'masaKerja');
  });

  it('4. latihan jabatan: the higher leadership training first; none recorded last', () => {
    expectBefore(person({ leadershipTraining: 'pka', educationLevel: 'SLTA' }), person({ leadershipTraining: 'pkp' }), 'latihan');
    expectBefore(person({ leadershipTraining: 'pkn_1' }), person({ leadershipTraining: 'pkn_2' }), 'latihan');
    expectBefore(person({ leadershipTraining: 'pkp' }), person({ leadershipTraining: null }), 'latihan');
  });

  it('5. pendidikan: the higher level first; D-IV and S-1 are equal, as are profesi and S-2', () => {
    expectBefore(person({ educationLevel: 'S2', birthDate: '1990-01-01' }), person({ educationLevel: 'S1' }), 'pendidikan');
    expectBefore(person({ educationLevel: 'D3' }), person({ educationLevel: 'SLTA' }), 'pendidikan');
    expect(dukEducationRank('D4')).toBe(dukEducationRank('S1'));
    expect(dukEducationRank('PROFESI')).toBe(dukEducationRank('S2'));
    expect(dukDecidingCriterion(person({ educationLevel: 'D4' }), person({ educationLevel: 'S1' }))).toBeNull();
  });

  it('5. pendidikan, equal level: the earlier graduation first', () => {
    expectBefore(person({ educationYear: 1999, birthDate: '1985-01-01' }), person({ educationYear: 2003 }), 'pendidikan');
  });

  it('6. usia: the older first', () => {
    expectBefore(person({ birthDate: '1975-12-31', nip: '199901012020121001' }), person({ birthDate: '1980-05-05' }), 'usia');
  });

  it('equal on every criterion: the NIP keeps the order stable', () => {
    expectBefore(person({ nip: '198005052005031001' }), person({ nip: '198005052005031002' }), 'nip');
  });

  it('a missing value never wins its criterion', () => {
    expectBefore(person({}), person({ golongan: null }), 'pangkat');
    expectBefore(person({}), person({ golonganTmt: null }), 'pangkat');
    expectBefore(person({}), person({ positionLevel: null }), 'jabatan');
    expectBefore(person({}), person({ cpnsTmt: null }), 'masaKerja');
    expectBefore(person({}), person({ educationLevel: null }), 'pendidikan');
    expectBefore(person({}), person({ birthDate: null }), 'usia');
    // A PPPK grade is not a pangkat.
    expectBefore(person({ golongan: 11 }), person({ golongan: 109 }), 'pangkat');
  });

  it('sorts a unit of six by each criterion in turn', () => {
    const people = [
      person({ nip: 'F', golongan: 32 }),
      person({ nip: 'E', birthDate: '1970-01-01', educationLevel: 'SLTA' }),
      person({ nip: 'D', leadershipTraining: 'pka' }),
      person({ nip: 'C', cpnsTmt: '2001-01-01' }),
      person({ nip: 'B', positionLevel: 'administrator' }),
      person({ nip: 'A', golongan: 41 }),
    ];
    expect(sortDuk(people).map((p) => p.nip)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('reads the highest leadership training from a person\'s training types', () => {
    expect(highestLeadershipTraining(['teknis', 'pkp', 'latsar', 'pka', 'seminar'])).toBe('pka');
    expect(highestLeadershipTraining(['latsar', 'teknis'])).toBeNull();
    expect(leadershipRank('pkn_1')).toBeGreaterThan(leadershipRank('pkn_2'));
    expect(leadershipRank(null)).toBe(0);
  });
});
