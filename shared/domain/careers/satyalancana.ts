// Tanda Kehormatan Satyalancana Karya Satya X, XX and XXX (UU 20/2009, PP 35/2010; DOMAIN §14.3).
// shared/domain/README.md, "Administrasi karier"; tested in test/careers/satyalancana.test.ts.
//
// - X, XX, XXX: at least 10, 20, 30 years of continuous service counted from TMT CPNS to the proposal (service
//   outside PNS not counted) [C]: reached on TMT CPNS + 10 years to the day (29 February → 28 February).
// - Never a hukuman disiplin sedang or berat in that time; no cuti di luar tanggungan negara (CLTN) in it [C]:
//   such a period in the counted time blocks. Whether service is instead counted again from the day after such a
//   period ends is a setting [P: practice differs] ('block' by default, as the text reads).
// - XX requires X held, or is proposed together with it; XXX requires XX likewise [P].
// - A decoration already held is not proposed again.

import { formatDateId } from '../../format/id-format';
import { addDays, addYears, type IsoDate } from '../dates';
import { DEFAULT_DISCIPLINE_RULES, disciplineCategory, disciplinePeriod, disciplineText, type DisciplineRecord, type DisciplineRules } from './discipline';

export const SATYALANCANA_CLASSES = [
  { code: 'X', label: 'Satyalancana Karya Satya X Tahun', years: 10 },
  { code: 'XX', label: 'Satyalancana Karya Satya XX Tahun', years: 20 },
  { code: 'XXX', label: 'Satyalancana Karya Satya XXX Tahun', years: 30 },
] as const;
export type SatyalancanaClass = (typeof SATYALANCANA_CLASSES)[number]['code'];

export interface SatyalancanaRules {
  /** 'block': a punishment sedang/berat or a CLTN in the counted time blocks the class; 'restart': service is
   *  counted again from the day after it ends [P]. */
  interruption: 'block' | 'restart';
  discipline: DisciplineRules;
}

export const DEFAULT_SATYALANCANA_RULES: SatyalancanaRules = { interruption: 'block', discipline: DEFAULT_DISCIPLINE_RULES };

export interface CltnPeriod {
  start: IsoDate;
  /** Last day; null: still running. */
  end: IsoDate | null;
}

export interface SatyalancanaFacts {
  employmentType: string | null;
  status: string | null;
  cpnsTmt: IsoDate | null;
  /** Cuti di luar tanggungan negara. */
  cltn: readonly CltnPeriod[];
  discipline: readonly DisciplineRecord[];
  held: readonly SatyalancanaClass[];
}

export interface SatyalancanaAssessment {
  class: SatyalancanaClass;
  label: string;
  /** held: already awarded; eligible: service reached by the proposal date, not blocked; not_yet: reached later;
   *  blocked: an interruption in the counted time. */
  status: 'held' | 'eligible' | 'not_yet' | 'blocked' | 'not_applicable';
  /** The day the years of service are reached (null: unknown, or never under the 'block' setting). */
  reachedOn: IsoDate | null;
  /** TMT CPNS + the class's years: the day reached without any interruption (null: TMT CPNS unknown). */
  serviceYearsOn: IsoDate | null;
  /** The lower class to propose together with this one, when not held yet. */
  proposeWith: SatyalancanaClass | null;
  reasons: string[];
}

interface Interruption { start: IsoDate; end: IsoDate | null; text: string }

function interruptions(facts: SatyalancanaFacts, rules: SatyalancanaRules): Interruption[] {
  const out: Interruption[] = [];
  for (const c of facts.cltn) {
    out.push({ start: c.start, end: c.end, text: `cuti di luar tanggungan negara ${formatDateId(c.start)}${c.end ? ` – ${formatDateId(c.end)}` : ' (belum berakhir)'}` });
  }
  for (const d of facts.discipline) {
    const category = disciplineCategory(d.kind);
    if (category !== 'sedang' && category !== 'berat') continue;
    // Every sedang and berat kind has a period (a dismissal one without end).
    const period = disciplinePeriod(d, rules.discipline)!;
    out.push({ start: period.start, end: period.end, text: `${disciplineText(d)} TMT ${formatDateId(d.startDate)}` });
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Each class for a proposal on `proposalDate`. */
export function assessSatyalancana(facts: SatyalancanaFacts, proposalDate: IsoDate, rules: SatyalancanaRules = DEFAULT_SATYALANCANA_RULES): SatyalancanaAssessment[] {
  const applicable = (facts.employmentType === 'PNS' || facts.employmentType === 'CPNS') && facts.status === 'active';
  const breaks = interruptions(facts, rules);
  return SATYALANCANA_CLASSES.map((cls, index) => {
    const base = { class: cls.code, label: cls.label, serviceYearsOn: facts.cpnsTmt ? addYears(facts.cpnsTmt, cls.years) : null };
    if (facts.held.includes(cls.code)) return { ...base, status: 'held' as const, reachedOn: null, proposeWith: null, reasons: [] };
    if (!applicable) return { ...base, status: 'not_applicable' as const, reachedOn: null, proposeWith: null, reasons: ['Hanya untuk PNS aktif'] };
    if (!facts.cpnsTmt) return { ...base, status: 'not_applicable' as const, reachedOn: null, proposeWith: null, reasons: ['TMT CPNS belum diisi'] };
    const lower = index > 0 ? SATYALANCANA_CLASSES[index - 1].code : null;
    const proposeWith = lower && !facts.held.includes(lower) ? lower : null;

    let countFrom = facts.cpnsTmt;
    for (;;) {
      const reachedOn = addYears(countFrom, cls.years);
      const until = reachedOn < proposalDate ? proposalDate : reachedOn;
      // Interruptions in the counted time: any day from the start of the count to the later of the day reached and
      // the proposal.
      const hit = breaks.find((b) => b.start <= until && (b.end === null || b.end >= countFrom));
      if (!hit) {
        return reachedOn <= proposalDate
          ? { ...base, status: 'eligible' as const, reachedOn, proposeWith, reasons: [] }
          : { ...base, status: 'not_yet' as const, reachedOn, proposeWith, reasons: [`Masa kerja ${cls.years} tahun tercapai pada ${formatDateId(reachedOn)}`] };
      }
      if (rules.interruption === 'block' || hit.end === null) {
        return { ...base, status: 'blocked' as const, reachedOn: null, proposeWith: null, reasons: [`Terhalang ${hit.text}`] };
      }
      countFrom = addDays(hit.end, 1);
    }
  });
}

/** The classes whose years of service are reached in `year`, judged for a proposal at its end (the nominative
 *  list of that year's proposal): the eligible ones, and the blocked ones with their reason. */
export function satyalancanaReachedInYear(facts: SatyalancanaFacts, year: number, rules: SatyalancanaRules = DEFAULT_SATYALANCANA_RULES): SatyalancanaAssessment[] {
  return assessSatyalancana(facts, `${year}-12-31`, rules).filter((a) => {
    const day = a.status === 'eligible' ? a.reachedOn : a.status === 'blocked' ? a.serviceYearsOn : null;
    return day !== null && day.startsWith(`${year}-`);
  });
}
