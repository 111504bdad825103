import { z } from 'zod';
import { MAX_LOGO_BYTES } from '../domain/logo';
import { normaliseNipInput } from '../domain/nip';
import { empty, optionalText } from './common';
import { editVersion } from './edit-version';

/**
 * The agency identity printed on every report: the kop surat (government, office, address, contact line, logo)
 * and the signature block (place of the date line, signatory). Stored in app_setting under `agency.identity`;
 * the logo separately under `agency.logo` (see main/services/agency.service.ts for why, main/db/agency-settings.ts for the keys).
 */
export const agencyIdentity = z.object({
  /** "Pemerintah Kabupaten Sindangraja": first line of the kop surat. */
  governmentName: optionalText(120),
  /** "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia": second, largest line. */
  officeName: optionalText(160),
  /** Street, town and postcode. */
  address: optionalText(240),
  /** Telephone, e-mail, website: one small line under the address. */
  contact: optionalText(240),
  /** Town written before the date above the signature: "Sindangraja, 24 November 2026". */
  datePlace: optionalText(60),
  /** Jabatan of the signatory: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia". */
  signatoryPosition: optionalText(200),
  signatoryName: optionalText(120),
  /** Pangkat as printed under the name: "Pembina Utama Muda (IV/c)". */
  signatoryRank: optionalText(80),
  /** 18 digits; typed with or without spaces. */
  signatoryNip: z.string().trim().max(40).nullish()
    .transform((v) => (v ? normaliseNipInput(v) : null))
    .refine((v) => v === null || /^\d{18}$/.test(v), { message: 'NIP penanda tangan harus 18 angka.' }),
  /** SIASN's instansi_induk_id of this agency: recorded from its first employee snapshot; a snapshot of another
   *  instansi is refused unless confirmed. */
  instansiIndukId: optionalText(64),
  /** SIASN's instansi_induk_nama, e.g. "Pemerintah Kab. Sindangraja". */
  instansiIndukName: optionalText(160),
}).strict();

export type AgencyIdentity = z.output<typeof agencyIdentity>;

export type AgencyIdentityInput = z.input<typeof agencyIdentity>;

export const EMPTY_AGENCY_IDENTITY: AgencyIdentity = {
  governmentName: null, officeName: null, address: null, contact: null, datePlace: null,
  signatoryPosition: null, signatoryName: null, signatoryRank: null, signatoryNip: null,
  instansiIndukId: null, instansiIndukName: null,
};

/** The fields a complete letterhead and signature block need (contact is optional). */
export const REQUIRED_AGENCY_FIELDS = ['governmentName', 'officeName', 'address', 'datePlace', 'signatoryPosition', 'signatoryName', 'signatoryNip'] as const;

export const AGENCY_FIELD_LABELS: Record<keyof AgencyIdentity, string> = {
  governmentName: 'Nama pemerintah daerah',
  officeName: 'Nama instansi',
  address: 'Alamat',
  contact: 'Telepon, pos-el, laman',
  datePlace: 'Tempat pada baris tanggal',
  signatoryPosition: 'Jabatan penanda tangan',
  signatoryName: 'Nama penanda tangan',
  signatoryRank: 'Pangkat penanda tangan',
  signatoryNip: 'NIP penanda tangan',
  instansiIndukId: 'ID instansi induk (SIASN)',
  instansiIndukName: 'Instansi induk (SIASN)',
};

export function missingAgencyFields(identity: AgencyIdentity, hasLogo: boolean): string[] {
  const missing: string[] = REQUIRED_AGENCY_FIELDS.filter((key) => !identity[key]).map((key) => AGENCY_FIELD_LABELS[key]);
  if (!hasLogo) missing.push('Logo');
  return missing;
}

export const agencyLogo = z.object({
  fileName: z.string(),
  mimeType: z.enum(['image/png', 'image/svg+xml']),
  /** `data:` URL, used as the <img> source in the kop surat (works under app:// and the web host alike). */
  dataUrl: z.string(),
  bytes: z.number().int(),
  /** Pixel size for PNG; the SVG's declared size or viewBox when it has one. */
  width: z.number().nullable(),
  height: z.number().nullable(),
});

export type AgencyLogo = z.infer<typeof agencyLogo>;

export const agencySettings = z.object({
  identity: agencyIdentity,
  logo: agencyLogo.nullable(),
  /** Labels of what a complete letterhead still lacks; empty when complete. */
  missing: z.array(z.string()),
  /** The version the form read (identity and logo are one form), sent back with a change. */
  version: editVersion,
});

export type AgencySettings = z.infer<typeof agencySettings>;
