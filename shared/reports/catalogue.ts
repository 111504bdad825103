// The report catalogue: every report of the Laporan page and of `npm run cli -- report NAME`: the leadership
// reports first (the berita acara of a Komite Talenta session beside the Manajemen Talenta report), then the
// registers a BKPSDM prints (daftar nominatif, DUK, usulan pensiun, usulan kenaikan pangkat, usulan KGB, usulan
// Satyalancana) and the budget proposal of the annual development plan. Adding a report = one line here, plus its loader (main/reports/loaders) and its component
// (renderer/src/print); the `satisfies` maps there make a missing one a compile error.

import { z } from 'zod';
import { agencyIdentity, agencyLogo } from '../schemas/agency';
import { beritaAcaraTalentaReport } from './berita-acara-talenta.report';
import { daftarNominatifReport } from './daftar-nominatif.report';
import { reportContent, type ReportContent, type ReportDefinition } from './define';
import { dukReport } from './duk.report';
import { manajemenTalentaReport } from './manajemen-talenta.report';
import { petaKarierReport } from './peta-karier.report';
import { petaKompetensiReport } from './peta-kompetensi.report';
import { profilPegawaiReport } from './profil-pegawai.report';
import { proyeksiPensiunReport } from './proyeksi-pensiun.report';
import { rekapKinerjaReport } from './rekap-kinerja.report';
import { rencanaSuksesiReport } from './rencana-suksesi.report';
import { usulanKenaikanPangkatReport } from './usulan-kenaikan-pangkat.report';
import { usulanAnggaranPengembanganReport } from './usulan-anggaran-pengembangan.report';
import { usulanKgbReport } from './usulan-kgb.report';
import { usulanPensiunReport } from './usulan-pensiun.report';
import { usulanSatyalancanaReport } from './usulan-satyalancana.report';

export const REPORTS = {
  'profil-pegawai': profilPegawaiReport,
  'peta-karier': petaKarierReport,
  'peta-kompetensi': petaKompetensiReport,
  'rekap-kinerja': rekapKinerjaReport,
  'manajemen-talenta': manajemenTalentaReport,
  'berita-acara-talenta': beritaAcaraTalentaReport,
  'rencana-suksesi': rencanaSuksesiReport,
  'proyeksi-pensiun': proyeksiPensiunReport,
  'daftar-nominatif': daftarNominatifReport,
  duk: dukReport,
  'usulan-pensiun': usulanPensiunReport,
  'usulan-kenaikan-pangkat': usulanKenaikanPangkatReport,
  'usulan-kgb': usulanKgbReport,
  'usulan-satyalancana': usulanSatyalancanaReport,
  'usulan-anggaran-pengembangan': usulanAnggaranPengembanganReport,
} as const;

type Reports = typeof REPORTS;
export type ReportId = keyof Reports;
export const REPORT_IDS = Object.keys(REPORTS) as [ReportId, ...ReportId[]];

export type ReportParams<R extends ReportId> = z.output<Reports[R]['params']>;
export type ReportData<R extends ReportId> = z.output<Reports[R]['data']>;

export function isReportId(value: unknown): value is ReportId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REPORTS, value);
}

export function reportDefinition(id: ReportId): ReportDefinition {
  return REPORTS[id] as unknown as ReportDefinition;
}

/** The letterhead and signature data a printed report carries. */
export const documentAgency = z.object({ identity: agencyIdentity, logo: agencyLogo.nullable() });

const documentMeta = {
  /** The printed heading ("Proyeksi Pensiun Pegawai ASN 2027–2031"). */
  title: z.string(),
  /** Parameters as printed under the title ("Unit kerja: Semua perangkat daerah"). */
  parameters: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The day the data describes and the date on the signature line (the app's "today"). */
  printedOn: z.string(),
  agency: documentAgency,
  /** Who prepared it: the acting account's name and NIP (shared/auth/document-author.ts), null for a built-in actor
   *  without an account; the XLSX names them as author. */
  preparedBy: z.string().nullable(),
  /** Whether "Ekspor XLSX" has tables for these parameters (also when the list is too long to print). */
  workbook: z.boolean(),
  /** Who prints it (the acting person) and when (ISO timestamp of the app clock): the footer of every page. */
  printedBy: z.string(),
  printedAt: z.string(),
  /** Printed "untuk pimpinan": phone, e-mail, address and the full birth date are left out of the data. */
  forLeadership: z.boolean(),
  /** The Kualitas Data index of the report's population (its unit, else the whole district): the footer's second line. */
  dataQuality: z.object({ scope: z.string(), population: z.number().int(), index: z.number().nullable() }).nullable(),
};

function documentSchema(id: ReportId) {
  return z.object({ reportId: z.literal(id), ...documentMeta, content: reportContent(REPORTS[id].data) });
}

/** One report, ready to be drawn: what `reports:render` answers. */
export const reportDocument = z.discriminatedUnion('reportId', REPORT_IDS.map(documentSchema) as unknown as [ReturnType<typeof documentSchema>]) as unknown as z.ZodType<ReportDocument>;

export type ReportDocumentOf<R extends ReportId> = {
  reportId: R;
  title: string;
  parameters: Array<{ label: string; value: string }>;
  printedOn: string;
  agency: z.output<typeof documentAgency>;
  preparedBy: string | null;
  workbook: boolean;
  printedBy: string;
  printedAt: string;
  forLeadership: boolean;
  dataQuality: { scope: string; population: number; index: number | null } | null;
  content: ReportContent<ReportData<R>>;
};
export type ReportDocument = { [R in ReportId]: ReportDocumentOf<R> }[ReportId];
