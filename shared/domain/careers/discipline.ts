// Hukuman disiplin (PP 94/2021 tentang Disiplin Pegawai Negeri Sipil): the categories and kinds of punishment,
// when one is running, and what a running one blocks. shared/domain/README.md, "Administrasi karier";
// tested in test/careers/discipline.test.ts.
//
// - Ringan: teguran lisan, teguran tertulis, pernyataan tidak puas secara tertulis. Sedang: pemotongan tunjangan
//   kinerja 25 % for 6, 9 or 12 months. Berat: penurunan jabatan setingkat lebih rendah for 12 months, pembebasan
//   dari jabatan menjadi jabatan pelaksana for 12 months, pemberhentian dengan hormat tidak atas permintaan sendiri.
// - A punishment runs from its TMT to its last day inclusive (TMT + its months − 1 day, or the end recorded on the
//   decree). One ending the day before a period does not block it.
// - A PNS serving a punishment is not proposed for KP, promotion lists or succession while it runs [P]: which
//   categories block is a setting (DEFAULT_DISCIPLINE_RULES). A ringan punishment has no duration in PP 94/2021;
//   how long it counts as running is a setting, 0 months by default (it never blocks).

import { formatDateId } from '../../format/id-format';
import { addDays, addMonths, type IsoDate } from '../dates';
import type { RequirementCheck } from './requirement';

export const DISCIPLINE_CATEGORIES = [
  { code: 'ringan', label: 'ringan' },
  { code: 'sedang', label: 'sedang' },
  { code: 'berat', label: 'berat' },
] as const;
export type DisciplineCategory = (typeof DISCIPLINE_CATEGORIES)[number]['code'];

/** The kinds of PP 94/2021 with their category and duration in months (null: no duration of its own). */
export const DISCIPLINE_KINDS = [
  { code: 'teguran_lisan', category: 'ringan', label: 'teguran lisan', months: null },
  { code: 'teguran_tertulis', category: 'ringan', label: 'teguran tertulis', months: null },
  { code: 'pernyataan_tidak_puas', category: 'ringan', label: 'pernyataan tidak puas secara tertulis', months: null },
  { code: 'potongan_tukin_6', category: 'sedang', label: 'pemotongan tunjangan kinerja 25% selama 6 bulan', months: 6 },
  { code: 'potongan_tukin_9', category: 'sedang', label: 'pemotongan tunjangan kinerja 25% selama 9 bulan', months: 9 },
  { code: 'potongan_tukin_12', category: 'sedang', label: 'pemotongan tunjangan kinerja 25% selama 12 bulan', months: 12 },
  { code: 'penurunan_jabatan', category: 'berat', label: 'penurunan jabatan setingkat lebih rendah selama 12 bulan', months: 12 },
  { code: 'pembebasan_jabatan', category: 'berat', label: 'pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan', months: 12 },
  { code: 'pemberhentian', category: 'berat', label: 'pemberhentian dengan hormat tidak atas permintaan sendiri', months: null },
] as const satisfies ReadonlyArray<{ code: string; category: DisciplineCategory; label: string; months: number | null }>;
export type DisciplineKind = (typeof DISCIPLINE_KINDS)[number]['code'];

const KIND_BY_CODE = new Map<string, (typeof DISCIPLINE_KINDS)[number]>(DISCIPLINE_KINDS.map((k) => [k.code, k]));

export function disciplineKindInfo(kind: string) {
  return KIND_BY_CODE.get(kind) ?? null;
}

/** What a running punishment keeps someone out of. */
export const DISCIPLINE_EFFECTS = [
  { code: 'kp', label: 'usulan kenaikan pangkat' },
  { code: 'promotion_list', label: 'daftar usulan promosi jabatan' },
  { code: 'succession', label: 'kandidat suksesi' },
] as const;
export type DisciplineEffect = (typeof DISCIPLINE_EFFECTS)[number]['code'];

export interface DisciplineRules {
  /** Categories whose running punishment blocks each effect [P]. */
  blockingCategories: Record<DisciplineEffect, readonly DisciplineCategory[]>;
  /** Months a ringan punishment counts as running from its TMT (PP 94/2021 gives it no duration) [U]. */
  ringanRunningMonths: number;
}

export const DEFAULT_DISCIPLINE_RULES: DisciplineRules = {
  blockingCategories: { kp: ['ringan', 'sedang', 'berat'], promotion_list: ['ringan', 'sedang', 'berat'], succession: ['ringan', 'sedang', 'berat'] },
  ringanRunningMonths: 0,
};

export interface DisciplineRecord {
  kind: DisciplineKind;
  /** TMT of the punishment. */
  startDate: IsoDate;
  /** Last day as the decree sets it; null: from the kind's months (pemberhentian never ends). */
  endDate: IsoDate | null;
}

/**
 * The period a punishment runs, both days included; `end` null means it does not end (pemberhentian).
 * Null when it never runs (a ringan punishment with ringanRunningMonths 0).
 */
export function disciplinePeriod(record: DisciplineRecord, rules: DisciplineRules = DEFAULT_DISCIPLINE_RULES): { start: IsoDate; end: IsoDate | null } | null {
  const info = disciplineKindInfo(record.kind);
  if (!info) throw new RangeError(`Jenis hukuman disiplin tidak dikenal: ${record.kind}`);
  if (record.endDate) return { start: record.startDate, end: record.endDate };
  if (info.code === 'pemberhentian') return { start: record.startDate, end: null };
  const months = info.months ?? (info.category === 'ringan' ? rules.ringanRunningMonths : 0);
  if (months <= 0) return null;
  return { start: record.startDate, end: addDays(addMonths(record.startDate, months), -1) };
}

export function disciplineCategory(kind: string): DisciplineCategory | null {
  return disciplineKindInfo(kind)?.category ?? null;
}

/** Whether the punishment runs on `date` (its TMT and its last day included). */
export function isRunningOn(record: DisciplineRecord, date: IsoDate, rules: DisciplineRules = DEFAULT_DISCIPLINE_RULES): boolean {
  const period = disciplinePeriod(record, rules);
  return period !== null && period.start <= date && (period.end === null || date <= period.end);
}

/** Whether the punishment runs on any day from `from` to `to` (both included). */
export function runsDuring(record: DisciplineRecord, from: IsoDate, to: IsoDate, rules: DisciplineRules = DEFAULT_DISCIPLINE_RULES): boolean {
  const period = disciplinePeriod(record, rules);
  return period !== null && period.start <= to && (period.end === null || period.end >= from);
}

/** "hukuman disiplin sedang (pemotongan tunjangan kinerja 25% selama 9 bulan)". */
export function disciplineText(record: DisciplineRecord): string {
  const info = disciplineKindInfo(record.kind)!;
  return `hukuman disiplin ${info.category} (${info.label})`;
}

export interface DisciplineBlock {
  blocked: boolean;
  /** The running punishments that block. */
  running: DisciplineRecord[];
  /** The first day none of them runs; null when not blocked or when one never ends. */
  clearOn: IsoDate | null;
  /** Indonesian sentence; empty when not blocked. */
  message: string;
}

/** Whether running punishments keep the person out of `effect` on `date`, and until when. */
export function disciplineBlock(records: readonly DisciplineRecord[], date: IsoDate, effect: DisciplineEffect, rules: DisciplineRules = DEFAULT_DISCIPLINE_RULES): DisciplineBlock {
  const categories = rules.blockingCategories[effect];
  const running = records.filter((r) => categories.includes(disciplineKindInfo(r.kind)!.category) && isRunningOn(r, date, rules));
  if (running.length === 0) return { blocked: false, running: [], clearOn: null, message: '' };
  // The last day any of them runs; null when one never ends.
  const ends = running.map((r) => disciplinePeriod(r, rules)!.end);
  const lastEnd = ends.includes(null) ? null : (ends as IsoDate[]).reduce((a, b) => (b > a ? b : a));
  const effectLabel = DISCIPLINE_EFFECTS.find((e) => e.code === effect)!.label;
  // The sentence names the punishment that runs longest: the one that decides when the block clears.
  const longest = running[ends.indexOf(lastEnd)];
  const until = lastEnd === null ? '' : ` sampai ${formatDateId(lastEnd)}`;
  const message = `Sedang menjalani ${disciplineText(longest)}${until}; tidak dapat masuk ${effectLabel}`;
  return { blocked: true, running, clearOn: lastEnd === null ? null : addDays(lastEnd, 1), message };
}

/** The block as a requirement check: met when nothing runs; a punishment that ends by itself is time alone. */
export function disciplineCheck(records: readonly DisciplineRecord[], date: IsoDate, effect: DisciplineEffect, rules: DisciplineRules = DEFAULT_DISCIPLINE_RULES): RequirementCheck {
  const block = disciplineBlock(records, date, effect, rules);
  if (!block.blocked) return { key: 'hukuman_disiplin', label: 'Hukuman disiplin', met: true, detail: 'Tidak sedang menjalani hukuman disiplin', metOn: null };
  return { key: 'hukuman_disiplin', label: 'Hukuman disiplin', met: false, detail: block.message, metOn: block.clearOn };
}
