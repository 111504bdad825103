// Kenaikan pangkat pilihan for structural officials and by penyesuaian ijazah (PP 99/2000 jo PP 12/2002;
// DOMAIN §4.3 and §14.1). shared/domain/README.md, "Administrasi karier"; tested in
// test/careers/promotion.test.ts.
//
// Structural officials (the eselon of the position held, PP 100/2000 jo PP 13/2002 pangkat range, kept in
// position.ts ESELON_GOLONGAN_RANGE):
// - pangkat one level below the eselon's lowest: +1 after ≥ 1 year in rank and ≥ 1 year in the structural
//   position (cumulative within the same level), SKP at least Baik in the last 2 years [C];
// - pangkat at the eselon's lowest: +1 after ≥ 2 years in rank, SKP Baik 2 years [P: a setting];
// - pangkat above the lowest and below the highest: +1 after 4 years in rank (DOMAIN §4.3) [C: a setting];
// - never above the eselon's highest; the superior's pangkat is not checked (as for KP reguler after Peraturan
//   BKN 2/2025), nor the education ceiling of KP reguler (the eselon's range governs).
// Penyesuaian ijazah: the new education is needed by the position or duty, ≥ 1 year in rank, SKP at least Baik in
// the last year, the UPKP passed where required; the target is the entry golongan of the new education (one or
// more steps). The education was obtained on tugas belajar or on an izin belajar granted before the study [P].
// Both: not while a hukuman disiplin runs on the period (discipline.ts). Judged at the TMT of a period of the
// dated calendar (development.ts), with the SKP years of that period (promotionSkpYears).

import { formatDateId } from '../../format/id-format';
import type { IsoDate } from '../dates';
import {
  DEFAULT_PROMOTION_CALENDAR, nextPromotionPeriod, promotionSkpYears, type AnnualSkp, type PromotionCalendarRule,
} from '../development';
import { educationInfo } from '../education';
import { golonganByCode, golonganLabel, golonganWithPangkat, nextGolongan, type GolonganCode } from '../golongan';
import { ESELON_GOLONGAN_RANGE, normaliseEselon } from '../position';
import { DEFAULT_DISCIPLINE_RULES, disciplineCheck, type DisciplineRecord, type DisciplineRules } from './discipline';
import { durationText, metOnlyByTime, skpCheck, timeCheck, unmetReasons, type RequirementCheck } from './requirement';

export interface ChoicePromotionRules {
  /** One level below the eselon's lowest: months in rank and months in the structural position [C]. */
  monthsInRankBelowLowest: number;
  monthsInPositionBelowLowest: number;
  /** At the eselon's lowest: months in rank [P: 123dok summary of PP 99/2000]. */
  monthsInRankAtLowest: number;
  /** Above the lowest, below the highest: months in rank (DOMAIN §4.3, "otherwise 4 years"). */
  monthsInRankAboveLowest: number;
  /** Penyesuaian ijazah: months in rank [C]. */
  monthsInRankDegree: number;
  /** When the UPKP is required for penyesuaian ijazah [U: the text says "where required"]:
   *  'crossing_group' when the target is in a higher golongan (I → II, II → III, III → IV); 'always'; 'never'. */
  upkpRequired: 'crossing_group' | 'always' | 'never';
  /** An izin belajar counts only when granted before the study started [P]. */
  izinMustPrecedeStudy: boolean;
  /** Minimum masa kerja golongan (years) per target golongan for penyesuaian ijazah [P: one BKPSDM's notice];
   *  empty by default: not checked until the office enters its table. */
  minMkgYearsByTarget: Partial<Record<GolonganCode, number>>;
  discipline: DisciplineRules;
  calendar: readonly PromotionCalendarRule[];
}

export const DEFAULT_CHOICE_PROMOTION_RULES: ChoicePromotionRules = {
  monthsInRankBelowLowest: 12,
  monthsInPositionBelowLowest: 12,
  monthsInRankAtLowest: 24,
  monthsInRankAboveLowest: 48,
  monthsInRankDegree: 12,
  upkpRequired: 'crossing_group',
  izinMustPrecedeStudy: true,
  minMkgYearsByTarget: {},
  discipline: DEFAULT_DISCIPLINE_RULES,
  calendar: DEFAULT_PROMOTION_CALENDAR,
};

export type ChoicePromotionKind = 'pilihan_struktural' | 'penyesuaian_ijazah';
export const CHOICE_PROMOTION_KIND_LABELS: Record<ChoicePromotionKind, string> = {
  pilihan_struktural: 'KP pilihan (jabatan struktural)',
  penyesuaian_ijazah: 'KP penyesuaian ijazah',
};

export interface ChoicePromotionAssessment {
  kind: ChoicePromotionKind;
  /** not_applicable: the rule does not apply to this person (the reason says why). */
  status: 'eligible' | 'blocked' | 'not_applicable';
  targetGolongan: GolonganCode | null;
  /** The rule that makes the person eligible, or why it does not apply, as a sentence. */
  basis: string;
  checks: RequirementCheck[];
  /** Sentences of the unmet requirements (blocked), or why the rule does not apply. */
  reasons: string[];
  /** Where time alone is missing: the day it is met, and the first period on or after it. */
  metOn: IsoDate | null;
  firstPeriod: IsoDate | null;
}

export interface StructuralPromotionFacts {
  employmentType: string | null;
  status: string | null;
  golongan: GolonganCode | null;
  golonganTmt: IsoDate | null;
  /** Eselon of the structural position held ("III.a"); null when the position has none recorded. */
  eselon: string | null;
  /** Start of the time in structural positions of the current level (cumulative within the level). */
  structuralSince: IsoDate | null;
  skp: readonly AnnualSkp[];
  discipline: readonly DisciplineRecord[];
}

function notApplicable(kind: ChoicePromotionKind, reason: string): ChoicePromotionAssessment {
  return { kind, status: 'not_applicable', targetGolongan: null, basis: reason, checks: [], reasons: [reason], metOn: null, firstPeriod: null };
}

function conclude(kind: ChoicePromotionKind, target: GolonganCode, basis: string, checks: RequirementCheck[], rules: ChoicePromotionRules): ChoicePromotionAssessment {
  const reasons = unmetReasons(checks);
  const metOn = metOnlyByTime(checks);
  return {
    kind, status: reasons.length === 0 ? 'eligible' : 'blocked', targetGolongan: target, basis, checks, reasons, metOn,
    firstPeriod: metOn ? nextPromotionPeriod(metOn, rules.calendar) : null,
  };
}

const isActivePns = (f: { employmentType: string | null; status: string | null }) => f.employmentType === 'PNS' && f.status === 'active';

/** KP pilihan of a structural official for the period with TMT `period`. */
export function assessStructuralPromotion(facts: StructuralPromotionFacts, period: IsoDate, rules: ChoicePromotionRules = DEFAULT_CHOICE_PROMOTION_RULES): ChoicePromotionAssessment {
  const kind = 'pilihan_struktural';
  if (!isActivePns(facts)) return notApplicable(kind, 'Hanya untuk PNS aktif');
  const current = golonganByCode(facts.golongan);
  if (!current || current.scheme !== 'pns') return notApplicable(kind, 'Golongan belum diisi');
  const eselon = normaliseEselon(facts.eselon);
  if (!eselon) return notApplicable(kind, 'Eselon jabatan struktural belum diisi');
  const range = ESELON_GOLONGAN_RANGE[eselon];
  const lowest = golonganByCode(range.min)!;
  const highest = golonganByCode(range.max)!;
  if (current.rank >= highest.rank) {
    return notApplicable(kind, `Pangkat ${golonganLabel(current.code)} sudah mencapai pangkat tertinggi eselon ${eselon} (${highest.label})`);
  }
  if (current.rank < lowest.rank - 1) {
    return notApplicable(kind, `Pangkat ${golonganLabel(current.code)} lebih dari satu tingkat di bawah pangkat terendah eselon ${eselon} (${lowest.label}); ikuti KP reguler`);
  }
  const target = nextGolongan(current.code)!;
  const skpYears = promotionSkpYears(period);
  const checks: RequirementCheck[] = [];
  let basis: string;
  if (current.rank === lowest.rank - 1) {
    basis = `Pangkat satu tingkat di bawah pangkat terendah eselon ${eselon} (${lowest.label}): naik setelah ${durationText(rules.monthsInRankBelowLowest)} dalam pangkat dan ${durationText(rules.monthsInPositionBelowLowest)} dalam jabatan`;
    checks.push(timeCheck('masa_pangkat', 'Masa dalam pangkat', 'masa dalam pangkat', facts.golonganTmt, rules.monthsInRankBelowLowest, period));
    checks.push(timeCheck('masa_jabatan', 'Masa dalam jabatan', 'masa dalam jabatan struktural', facts.structuralSince, rules.monthsInPositionBelowLowest, period));
  } else if (current.rank === lowest.rank) {
    basis = `Pangkat terendah eselon ${eselon} (${lowest.label}): naik setelah ${durationText(rules.monthsInRankAtLowest)} dalam pangkat`;
    checks.push(timeCheck('masa_pangkat', 'Masa dalam pangkat', 'masa dalam pangkat', facts.golonganTmt, rules.monthsInRankAtLowest, period));
  } else {
    basis = `Pangkat dalam rentang eselon ${eselon} (${lowest.label}–${highest.label}): naik setelah ${durationText(rules.monthsInRankAboveLowest)} dalam pangkat`;
    checks.push(timeCheck('masa_pangkat', 'Masa dalam pangkat', 'masa dalam pangkat', facts.golonganTmt, rules.monthsInRankAboveLowest, period));
  }
  checks.push(skpCheck(facts.skp, skpYears));
  checks.push(disciplineCheck(facts.discipline, period, 'kp', rules.discipline));
  return conclude(kind, target, basis, checks, rules);
}

export type StudyBasis = 'tugas_belajar' | 'izin_belajar';

export interface NewEducation {
  level: string;
  /** Date of the ijazah. */
  graduationDate: IsoDate;
  /** How the study was done; null: neither recorded. */
  basis: StudyBasis | null;
  /** Start of the study, and the day the izin belajar was granted (izin belajar only). */
  studyStart: IsoDate | null;
  izinDate: IsoDate | null;
  /** The UPKP result: true passed, false failed, null not taken or not recorded. */
  upkpPassed: boolean | null;
  /** The new education is needed by the position or duty, as the office judged it; null: not judged yet. */
  neededByPosition: boolean | null;
}

export interface DegreePromotionFacts {
  employmentType: string | null;
  status: string | null;
  golongan: GolonganCode | null;
  golonganTmt: IsoDate | null;
  /** Masa kerja golongan in whole years at the period (only read where minMkgYearsByTarget has the target). */
  mkgYears: number | null;
  education: NewEducation;
  skp: readonly AnnualSkp[];
  discipline: readonly DisciplineRecord[];
}

const group = (code: GolonganCode) => Math.floor(code / 10);

/** Whether the UPKP is required to rise from `from` to `target` by penyesuaian ijazah, under the setting. */
export function upkpRequired(from: GolonganCode, target: GolonganCode, rules: ChoicePromotionRules = DEFAULT_CHOICE_PROMOTION_RULES): boolean {
  if (rules.upkpRequired === 'always') return true;
  if (rules.upkpRequired === 'never') return false;
  return group(target) > group(from);
}

/** Whether the study basis lets the degree count, as a requirement check. */
export function studyBasisCheck(education: Pick<NewEducation, 'basis' | 'studyStart' | 'izinDate'>, rules: Pick<ChoicePromotionRules, 'izinMustPrecedeStudy'> = DEFAULT_CHOICE_PROMOTION_RULES): RequirementCheck {
  const key = 'dasar_belajar';
  const label = 'Izin/tugas belajar';
  if (education.basis === 'tugas_belajar') return { key, label, met: true, detail: 'Ijazah diperoleh melalui tugas belajar', metOn: null };
  if (education.basis === 'izin_belajar') {
    if (!rules.izinMustPrecedeStudy) return { key, label, met: true, detail: 'Ijazah diperoleh dengan izin belajar', metOn: null };
    if (!education.izinDate || !education.studyStart) return { key, label, met: null, detail: 'Tanggal izin belajar atau tanggal mulai studi belum diisi', metOn: null };
    if (education.izinDate <= education.studyStart) return { key, label, met: true, detail: `Izin belajar diberikan ${formatDateId(education.izinDate)}, sebelum studi dimulai`, metOn: null };
    return { key, label, met: false, detail: `Izin belajar diberikan ${formatDateId(education.izinDate)}, setelah studi dimulai ${formatDateId(education.studyStart)}`, metOn: null };
  }
  return { key, label, met: false, detail: 'Ijazah tidak diperoleh melalui izin belajar atau tugas belajar', metOn: null };
}

/** KP penyesuaian ijazah for the period with TMT `period`. */
export function assessDegreePromotion(facts: DegreePromotionFacts, period: IsoDate, rules: ChoicePromotionRules = DEFAULT_CHOICE_PROMOTION_RULES): ChoicePromotionAssessment {
  const kind = 'penyesuaian_ijazah';
  if (!isActivePns(facts)) return notApplicable(kind, 'Hanya untuk PNS aktif');
  const current = golonganByCode(facts.golongan);
  if (!current || current.scheme !== 'pns') return notApplicable(kind, 'Golongan belum diisi');
  const info = educationInfo(facts.education.level);
  if (!info) return notApplicable(kind, 'Jenjang pendidikan baru belum diisi');
  const target = golonganByCode(info.entry)!;
  if (target.rank <= current.rank) {
    return notApplicable(kind, `Golongan awal ijazah ${info.label} (${target.label}) tidak lebih tinggi dari golongan sekarang (${current.label})`);
  }
  const edu = facts.education;
  const steps = target.rank - current.rank;
  const basis = `Ijazah ${info.label}: golongan awal ${golonganWithPangkat(target.code)}${steps > 1 ? ` (${steps} tingkat)` : ''}`;
  const checks: RequirementCheck[] = [];
  checks.push(edu.graduationDate <= period
    ? { key: 'ijazah', label: 'Ijazah', met: true, detail: `Ijazah ${info.label} tanggal ${formatDateId(edu.graduationDate)}`, metOn: null }
    : { key: 'ijazah', label: 'Ijazah', met: false, detail: `Ijazah ${info.label} bertanggal ${formatDateId(edu.graduationDate)}, setelah periode`, metOn: edu.graduationDate });
  checks.push(studyBasisCheck(edu, rules));
  checks.push(edu.neededByPosition === true
    ? { key: 'kebutuhan_jabatan', label: 'Kebutuhan jabatan', met: true, detail: 'Pendidikan baru dibutuhkan jabatan/tugas', metOn: null }
    : edu.neededByPosition === false
      ? { key: 'kebutuhan_jabatan', label: 'Kebutuhan jabatan', met: false, detail: 'Pendidikan baru tidak dibutuhkan jabatan/tugas', metOn: null }
      : { key: 'kebutuhan_jabatan', label: 'Kebutuhan jabatan', met: null, detail: 'Kesesuaian pendidikan baru dengan jabatan/tugas belum dinilai', metOn: null });
  checks.push(timeCheck('masa_pangkat', 'Masa dalam pangkat', 'masa dalam pangkat', facts.golonganTmt, rules.monthsInRankDegree, period));
  const minMkg = rules.minMkgYearsByTarget[target.code];
  if (minMkg !== undefined) {
    checks.push(facts.mkgYears === null
      ? { key: 'masa_kerja_golongan', label: 'Masa kerja golongan', met: null, detail: 'Masa kerja golongan belum diisi', metOn: null }
      : facts.mkgYears >= minMkg
        ? { key: 'masa_kerja_golongan', label: 'Masa kerja golongan', met: true, detail: `Masa kerja golongan ${facts.mkgYears} tahun (minimal ${minMkg} tahun)`, metOn: null }
        : { key: 'masa_kerja_golongan', label: 'Masa kerja golongan', met: false, detail: `Masa kerja golongan ${facts.mkgYears} tahun, kurang dari ${minMkg} tahun`, metOn: null });
  }
  if (upkpRequired(current.code, target.code, rules)) {
    checks.push(edu.upkpPassed === true
      ? { key: 'upkp', label: 'UPKP', met: true, detail: 'Lulus ujian penyesuaian kenaikan pangkat', metOn: null }
      : { key: 'upkp', label: 'UPKP', met: false, detail: edu.upkpPassed === false ? 'Tidak lulus ujian penyesuaian kenaikan pangkat' : 'Belum lulus ujian penyesuaian kenaikan pangkat', metOn: null });
  }
  checks.push(skpCheck(facts.skp, [promotionSkpYears(period)[1]]));
  checks.push(disciplineCheck(facts.discipline, period, 'kp', rules.discipline));
  return conclude(kind, target.code, basis, checks, rules);
}
