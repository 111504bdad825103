// Reports of the issue whose data comes from capabilities that are not built yet. They are in the catalogue
// (the Laporan page and the CLI know them, with their parameters), and they print a letterhead, their title,
// their parameters and a clear sentence that the data is not there yet, never an empty chart.
// When a capability lands, its engineer moves its report to its own file (see README.md here) with a real
// data schema, a loader and a component.

import { z } from 'zod';
import { defineReport, reportParam } from './define';

const unitParam = { unit: reportParam.id('Unit kerja').optional() };
const unitField = { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' } as const;
const yearField = { key: 'year', kind: 'year', label: 'Tahun', hint: 'Kosong: tahun berjalan' } as const;

export const petaKompetensiReport = defineReport({
  id: 'peta-kompetensi',
  title: 'Peta Kompetensi Unit',
  summary: 'Peta panas kesenjangan unit × kompetensi, sebaran Job-Person Match dan kesenjangan terbesar.',
  source: 'Peta Kompetensi',
  pending: 'Data peta kompetensi belum tersedia di Jenjang versi ini. Laporan ini akan memuat peta panas kesenjangan unit × kompetensi, sebaran JPM dan kesenjangan terbesar setelah fitur Peta Kompetensi (standar kompetensi jabatan dan hasil asesmen) dipasang.',
  params: z.object(unitParam).strict(),
  fields: [unitField],
  data: z.never(),
  tables: () => [],
});

export const rekapKinerjaReport = defineReport({
  id: 'rekap-kinerja',
  title: 'Rekap Kinerja',
  summary: 'Sebaran predikat kinerja (SKP) per tahun dan unit, dan daftar pegawai yang perlu tindak lanjut.',
  source: 'Kinerja',
  pending: 'Data kinerja (SKP) belum tersedia di Jenjang versi ini. Laporan ini akan memuat sebaran predikat kinerja per tahun dan unit serta daftar pegawai yang perlu tindak lanjut setelah fitur Kinerja (riwayat SKP) dipasang.',
  params: z.object({ ...unitParam, year: reportParam.year('Tahun').optional() }).strict(),
  fields: [unitField, yearField],
  data: z.never(),
  tables: () => [],
});

export const manajemenTalentaReport = defineReport({
  id: 'manajemen-talenta',
  title: 'Manajemen Talenta',
  summary: 'Kotak 9 (kinerja × potensial) dengan jumlah dan nama per kotak, dan kelompok rencana suksesi.',
  source: 'Manajemen Talenta',
  pending: 'Data manajemen talenta belum tersedia di Jenjang versi ini. Laporan ini akan memuat kotak 9 dengan jumlah dan nama pegawai per kotak serta kelompok rencana suksesi setelah fitur Manajemen Talenta dipasang.',
  params: z.object({ ...unitParam, year: reportParam.year('Tahun').optional() }).strict(),
  fields: [unitField, yearField],
  data: z.never(),
  tables: () => [],
});

export const rencanaSuksesiReport = defineReport({
  id: 'rencana-suksesi',
  title: 'Rencana Suksesi',
  summary: 'Jabatan kritikal, risiko kekosongan, kandidat pengganti dan kesiapannya.',
  source: 'Suksesi',
  pending: 'Data rencana suksesi belum tersedia di Jenjang versi ini. Laporan ini akan memuat jabatan kritikal, risiko kekosongan, kandidat pengganti dan kesiapannya setelah fitur Suksesi dipasang.',
  params: z.object(unitParam).strict(),
  fields: [unitField],
  data: z.never(),
  tables: () => [],
});
