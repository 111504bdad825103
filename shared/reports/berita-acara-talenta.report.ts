import { z } from 'zod';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

const box = z.object({
  box: z.number().int(),
  kinerja: z.string(),
  potensi: z.string(),
  name: z.string(),
  inPool: z.boolean(),
  /** Placements recorded when the session opened. */
  computed: z.number().int(),
  /** After the session's calibrations. */
  final: z.number().int(),
});

export const beritaAcaraTalentaData = z.object({
  session: z.object({
    name: z.string(),
    year: z.number().int(),
    /** "Draf", "Ditinjau Komite", "Ditetapkan". */
    statusLabel: z.string(),
    fixed: z.boolean(),
    heldOn: z.string(),
    /** "Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam" */
    heldOnInWords: z.string(),
    place: z.string().nullable(),
    /** "Dinas Kesehatan, jenjang Ahli Muda dan Ahli Pertama" or "seluruh perangkat daerah". */
    population: z.string(),
    fixedAt: z.string().nullable(),
  }),
  members: z.array(z.object({ name: z.string(), nip: z.string().nullable(), role: z.string() })),
  placements: z.number().int(),
  boxes: z.array(box),
  moves: z.array(z.object({
    nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable(),
    fromBox: z.number().int(), fromName: z.string(), toBox: z.number().int(), toName: z.string(), reason: z.string(),
  })),
  /** The Pejabat Pembina Kepegawaian who fixes the result and signs. */
  ppk: z.object({ name: z.string().nullable(), position: z.string().nullable(), nip: z.string().nullable() }),
  /** The officer who recorded the session: the account that prints it, by full name and (where the account has
   *  one) NIP; never the computer's account. */
  recorder: z.object({ name: z.string(), nip: z.string().nullable() }),
  /** The place written before the date of the signatures (Pengaturan › Identitas Instansi). */
  datePlace: z.string().nullable(),
});
export type BeritaAcaraTalentaData = z.infer<typeof beritaAcaraTalentaData>;

export const beritaAcaraTalentaReport = defineReport({
  id: 'berita-acara-talenta',
  title: 'Berita Acara Komite Talenta',
  summary: 'Berita acara satu sidang Komite Talenta: anggota, hasil pemetaan, setiap kalibrasi dengan alasannya, tanda tangan PPK.',
  source: 'Manajemen Talenta',
  params: z.object({ sidang: reportParam.id('Sidang Komite Talenta').optional() }).strict(),
  fields: [{ key: 'sidang', kind: 'integer', label: 'Sidang Komite Talenta (nomor ID)', min: 1, max: 999_999_999, hint: 'Pilih dari halaman Manajemen Talenta' }],
  data: beritaAcaraTalentaData,
  signature: 'report',
  tables(data): ExportTable[] {
    const scope = `${data.session.name}, tahun penilaian ${data.session.year}`;
    return [
      {
        title: 'Anggota komite', subtitle: [scope],
        columns: [{ key: 'no', header: 'No', type: 'integer' }, { key: 'name', header: 'Nama', type: 'text', width: 36 },
          { key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'role', header: 'Peran', type: 'text', width: 24 }],
        rows: data.members.map((m, i) => ({ no: i + 1, name: m.name, nip: m.nip, role: m.role })),
      },
      {
        title: 'Hasil pemetaan', subtitle: [scope],
        columns: [{ key: 'box', header: 'Kotak', type: 'integer' }, { key: 'name', header: 'Nama kotak', type: 'text', width: 40 },
          { key: 'computed', header: 'Hasil perhitungan', type: 'integer' }, { key: 'final', header: 'Setelah kalibrasi', type: 'integer' }],
        rows: [...data.boxes].sort((a, b) => b.box - a.box).map((b) => ({ box: b.box, name: b.name, computed: b.computed, final: b.final })),
      },
      {
        title: 'Kalibrasi', subtitle: [scope],
        columns: [{ key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'fullName', header: 'Nama', type: 'text', width: 36 },
          { key: 'fromBox', header: 'Dari kotak', type: 'integer' }, { key: 'toBox', header: 'Ke kotak', type: 'integer' },
          { key: 'reason', header: 'Alasan', type: 'text', width: 60 }],
        rows: data.moves.map((m) => ({ nip: m.nip, fullName: m.fullName, fromBox: m.fromBox, toBox: m.toBox, reason: m.reason })),
      },
    ];
  },
});
