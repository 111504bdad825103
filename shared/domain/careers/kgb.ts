// Kenaikan gaji berkala (KGB; DOMAIN §14.2). shared/domain/README.md, "Administrasi karier"; tested in
// test/careers/kgb.test.ts.
//
// - A KGB falls due every 2 years of masa kerja golongan (MKG), counted from the MKG and TMT of the last KP decree
//   or the last KGB notice, whichever is later [C].
// - Golongan I and II step at odd MKG years (1, 3, 5 …), golongan III and IV at even ones (2, 4, 6 …), as the
//   salary table's columns run; so the first KGB after a KP may come sooner than 2 years (a decree with MKG
//   3 tahun 3 bulan in III/a steps at MKG 4 tahun, 9 months later).
// - The salary table ends at a highest MKG per golongan (PP 15/2019: I 27, II 33, III and IV 32 years) [U: a
//   setting]; past it no KGB falls due.
// - It needs a performance evaluation of at least "baik/cukup" [P]: the level (Baik by default) is a setting,
//   read on the latest annual SKP that is final by the due date (development.ts skpDueDate).

import { formatDateId } from '../../format/id-format';
import { addMonths, type IsoDate } from '../dates';
import { DEFAULT_PROMOTION_SKP_RULE, skpDueDate, skpLabel, skpMeetsBaik, type AnnualSkp, type PromotionSkpRule } from '../development';
import { golonganByCode, type GolonganCode } from '../golongan';

export interface KgbRules {
  /** Minimum performance of the latest final annual SKP [P]: 'baik' (PermenPANRB 6/2022 predikat Baik) or
   *  'cukup' (also PP 46/2011 Cukup, 61–75, and predikat Butuh Perbaikan). */
  minimumPerformance: 'baik' | 'cukup';
  /** Highest MKG (years) of the salary table per golongan group I–IV [U]. */
  maxMkgYears: Record<1 | 2 | 3 | 4, number>;
  skp: PromotionSkpRule;
}

export const DEFAULT_KGB_RULES: KgbRules = {
  minimumPerformance: 'baik',
  maxMkgYears: { 1: 27, 2: 33, 3: 32, 4: 32 },
  skp: DEFAULT_PROMOTION_SKP_RULE,
};

export interface KgbBasisRecord {
  /** A KP decree or a KGB notice. */
  source: 'kp' | 'kgb';
  tmt: IsoDate;
  /** MKG on the record at its TMT. */
  mkgYears: number;
  mkgMonths: number;
}

export interface KgbFacts {
  employmentType: string | null;
  status: string | null;
  golongan: GolonganCode | null;
  /** The KP decrees and KGB notices on record (any order). */
  records: readonly KgbBasisRecord[];
  skp: readonly AnnualSkp[];
}

export interface KgbAssessment {
  /** due: falls due on dueDate; blocked: due, but performance keeps it back; not_applicable: no KGB to count. */
  status: 'due' | 'blocked' | 'not_applicable';
  dueDate: IsoDate | null;
  /** MKG at the due date. */
  mkgYearsAtDue: number | null;
  basis: KgbBasisRecord | null;
  /** "KGB terakhir 1 Maret 2025 (MKG 10 tahun 0 bulan)" or why none applies. */
  basisText: string;
  reasons: string[];
}

/** The later of the KP decrees and KGB notices (on the same TMT, the one with the higher MKG). */
export function latestKgbBasis(records: readonly KgbBasisRecord[]): KgbBasisRecord | null {
  let best: KgbBasisRecord | null = null;
  for (const r of records) {
    const mkg = r.mkgYears * 12 + r.mkgMonths;
    if (!best || r.tmt > best.tmt || (r.tmt === best.tmt && mkg > best.mkgYears * 12 + best.mkgMonths)) best = r;
  }
  return best;
}

/** Whether golongan group `group` steps at this MKG year: I and II odd, III and IV even. */
export function isKgbYear(golonganGroup: number, mkgYears: number): boolean {
  return golonganGroup <= 2 ? mkgYears % 2 === 1 : mkgYears % 2 === 0 && mkgYears > 0;
}

/** The first KGB after a basis record: the next MKG year of the golongan's parity above the record's MKG. */
export function nextKgbAfter(basis: KgbBasisRecord, golonganGroup: number): { dueDate: IsoDate; mkgYears: number } {
  const mkgMonths = basis.mkgYears * 12 + basis.mkgMonths;
  let year = Math.floor(mkgMonths / 12) + 1;
  if (!isKgbYear(golonganGroup, year)) year += 1;
  return { dueDate: addMonths(basis.tmt, year * 12 - mkgMonths), mkgYears: year };
}

function meetsPerformance(skp: AnnualSkp, level: KgbRules['minimumPerformance']): 'yes' | 'no' | 'unknown' {
  const baik = skpMeetsBaik(skp);
  if (level === 'baik' || baik === 'yes') return baik;
  if (skp.predikat) return skp.predikat === 'butuh_perbaikan' ? 'yes' : 'no';
  const label = skp.legacyLabel?.trim().toLowerCase();
  if (label === 'cukup') return 'yes';
  if (skp.legacyScore !== null && (skp.regime === 'PP46_2011' || skp.regime === null)) return skp.legacyScore >= 61 ? 'yes' : 'no';
  return baik;
}

/** The annual SKP year read for a KGB due on `dueDate`: the latest whose SKP is final by then. */
export function kgbSkpYear(dueDate: IsoDate, rule: PromotionSkpRule = DEFAULT_KGB_RULES.skp): number {
  let year = Number(dueDate.slice(0, 4)) - 1;
  while (skpDueDate(year, rule) > dueDate) year -= 1;
  return year;
}

/** The next KGB of one person: due date, MKG at it, and what blocks it. */
export function assessKgb(facts: KgbFacts, rules: KgbRules = DEFAULT_KGB_RULES): KgbAssessment {
  const none = (text: string): KgbAssessment => ({ status: 'not_applicable', dueDate: null, mkgYearsAtDue: null, basis: null, basisText: text, reasons: [text] });
  if (facts.employmentType !== 'PNS' || facts.status !== 'active') return none('Hanya untuk PNS aktif');
  const golongan = golonganByCode(facts.golongan);
  if (!golongan || golongan.scheme !== 'pns') return none('Golongan belum diisi');
  const basis = latestKgbBasis(facts.records);
  if (!basis) return none('Belum ada SK kenaikan pangkat atau pemberitahuan KGB dengan masa kerja golongan');
  const group = Math.floor(golongan.code / 10) as 1 | 2 | 3 | 4;
  const basisText = `${basis.source === 'kp' ? 'SK kenaikan pangkat' : 'KGB'} terakhir TMT ${formatDateId(basis.tmt)} (masa kerja golongan ${basis.mkgYears} tahun ${basis.mkgMonths} bulan)`;
  const next = nextKgbAfter(basis, group);
  if (next.mkgYears > rules.maxMkgYears[group]) {
    return { ...none(`Masa kerja golongan sudah mencapai batas tabel gaji golongan ${golongan.label.split('/')[0]}`), basis, basisText };
  }
  const reasons: string[] = [];
  const year = kgbSkpYear(next.dueDate, rules.skp);
  let skp: AnnualSkp | undefined;
  for (const s of facts.skp) if (s.year === year) skp = s;
  const minimum = rules.minimumPerformance === 'baik' ? 'Baik' : 'Cukup';
  if (!skp) reasons.push(`SKP tahun ${year} belum ada`);
  else {
    const meets = meetsPerformance(skp, rules.minimumPerformance);
    if (meets === 'no') reasons.push(`Predikat SKP ${year}: ${skpLabel(skp)} (minimal ${minimum})`);
    if (meets === 'unknown') reasons.push(`Nilai SKP ${year} (${skpLabel(skp)}) tanpa predikat; periksa manual`);
  }
  return { status: reasons.length === 0 ? 'due' : 'blocked', dueDate: next.dueDate, mkgYearsAtDue: next.mkgYears, basis, basisText, reasons };
}

/** Whether a KGB due date falls in the months `fromMonth`..`toMonth` ("YYYY-MM", both included). */
export function isDueInMonths(dueDate: IsoDate | null, fromMonth: string, toMonth: string): boolean {
  if (!dueDate) return false;
  const month = dueDate.slice(0, 7);
  return month >= fromMonth && month <= toMonth;
}

/** Who falls due (or is due but blocked) in the chosen months, earliest first; the list keeps each person's id. */
export function kgbDueInMonths<T extends { id: number; facts: KgbFacts }>(people: readonly T[], fromMonth: string, toMonth: string, rules: KgbRules = DEFAULT_KGB_RULES): Array<{ person: T; assessment: KgbAssessment }> {
  const out: Array<{ person: T; assessment: KgbAssessment }> = [];
  for (const person of people) {
    const assessment = assessKgb(person.facts, rules);
    if (assessment.status !== 'not_applicable' && isDueInMonths(assessment.dueDate, fromMonth, toMonth)) out.push({ person, assessment });
  }
  return out.sort((a, b) => (a.assessment.dueDate! < b.assessment.dueDate! ? -1 : a.assessment.dueDate! > b.assessment.dueDate! ? 1 : a.person.id - b.person.id));
}
