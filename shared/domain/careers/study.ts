// Tugas belajar and izin belajar (DOMAIN §14.5 [P]). shared/domain/README.md, "Administrasi karier"; tested in
// test/careers/study.test.ts.
//
// - Tugas belajar: study assigned and funded by the instansi. A structural official on tugas belajar longer than
//   6 months is released from the position (PP 100/2000 era rule, kept by practice) [P: the months are a setting,
//   Pengaturan › Aturan administrasi karier].
// - Izin belajar: study at own cost outside working hours; its degree counts for penyesuaian ijazah only if the
//   izin was granted before the study (promotion.ts studyBasisCheck) [P].
// - A finished degree feeds penyesuaian ijazah (promotion.ts assessDegreePromotion).

import { formatDateId } from '../../format/id-format';
import { addMonths, type IsoDate } from '../dates';
import { isStructuralLevel } from '../succession/requirements';
import type { NewEducation, StudyBasis } from './promotion';

export interface StudyRules {
  /** A structural official on tugas belajar longer than this many months is released from the position [P]. */
  releaseAfterMonths: number;
}
export const DEFAULT_STUDY_RULES: StudyRules = { releaseAfterMonths: 6 };

export const STUDY_STATUSES = [
  { code: 'berjalan', label: 'Sedang berjalan' },
  { code: 'selesai', label: 'Selesai' },
  { code: 'batal', label: 'Dibatalkan' },
] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number]['code'];

export interface StudyRecord {
  basis: StudyBasis;
  institution: string;
  programme: string;
  /** Education level the study leads to (education.ts code). */
  level: string;
  startDate: IsoDate;
  /** Planned end while running, actual end when finished; null: not known. */
  endDate: IsoDate | null;
  status: StudyStatus;
  /** The day the izin belajar was granted (izin belajar only). */
  izinDate: IsoDate | null;
  /** Date of the ijazah once finished. */
  graduationDate: IsoDate | null;
}

export interface ReleaseFlag {
  /** The day the release applies: the start of a tugas belajar planned longer than the limit, or the day a
   *  study without a known end passes it. */
  from: IsoDate;
  message: string;
}

/**
 * Whether a structural official is to be released from the position for this study on `asOf`: a tugas belajar
 * (not cancelled, not yet ended) whose planned length is longer than the limit, or which has run longer than it.
 */
export function releaseFromPositionFlag(positionLevel: string | null, study: StudyRecord, asOf: IsoDate, rules: StudyRules = DEFAULT_STUDY_RULES): ReleaseFlag | null {
  if (!isStructuralLevel(positionLevel) || study.basis !== 'tugas_belajar' || study.status === 'batal') return null;
  if (study.endDate && study.endDate < asOf) return null;
  // Six months from 1 January run to 30 June; a study still running on 1 July has run longer.
  const longerFrom = addMonths(study.startDate, rules.releaseAfterMonths);
  const longer = study.endDate ? study.endDate >= longerFrom : asOf >= longerFrom;
  if (!longer) return null;
  const from = study.endDate ? study.startDate : longerFrom;
  const span = study.endDate ? `${formatDateId(study.startDate)} – ${formatDateId(study.endDate)}` : `sejak ${formatDateId(study.startDate)}`;
  return { from, message: `Tugas belajar lebih dari ${rules.releaseAfterMonths} bulan (${span}); dibebaskan dari jabatan struktural` };
}

/**
 * A finished study as the new education of penyesuaian ijazah (promotion.ts), or null while it runs, was
 * cancelled or has no ijazah date. The office's judgement of need and the UPKP result come from elsewhere.
 */
export function degreeFromStudy(study: StudyRecord, judged: Pick<NewEducation, 'upkpPassed' | 'neededByPosition'>): NewEducation | null {
  if (study.status !== 'selesai' || !study.graduationDate) return null;
  return {
    level: study.level, graduationDate: study.graduationDate, basis: study.basis, studyStart: study.startDate,
    izinDate: study.basis === 'izin_belajar' ? study.izinDate : null, ...judged,
  };
}
