// The columns Jenjang recognises in imported files, per kind: the SIASN "data utama" layout (
// 67 lowercase snake_case columns, with the aliases seen in importers) and Jenjang's own templates for SKP,
// kompetensi, potensi and diklat. Headers are matched case-, space- and punctuation-insensitively.

export const IMPORT_KINDS = ['pegawai', 'skp', 'kompetensi', 'potensi', 'diklat', 'disiplin', 'belajar', 'kgb', 'cltn', 'tanda_kehormatan'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  pegawai: 'Data pegawai (snapshot SIASN)',
  skp: 'Hasil SKP',
  kompetensi: 'Hasil asesmen kompetensi',
  potensi: 'Hasil asesmen potensi',
  diklat: 'Riwayat diklat',
  disiplin: 'Hukuman disiplin',
  belajar: 'Riwayat pendidikan (tugas/izin belajar)',
  kgb: 'Riwayat KGB',
  cltn: 'Cuti di luar tanggungan negara (CLTN)',
  tanda_kehormatan: 'Tanda kehormatan (Satyalancana Karya Satya)',
};

export interface ImportField {
  key: string;
  label: string;
  /** Other header spellings (already normalised). */
  aliases: readonly string[];
  /** False for SIASN columns Jenjang recognises but does not store (agama, NIK, NPWP, …). */
  used: boolean;
}

export interface ImportKindSpec {
  kind: ImportKind;
  fields: readonly ImportField[];
  /** Fields that must all be mapped. */
  requiredAll: readonly string[];
  /** At least one of these groups must be mapped completely ([] = no such rule). */
  anyOf: readonly (readonly string[])[];
  /** Extra columns named like a competency code ("M.01", "SK.01") are the wide form (kompetensi only). */
  competencyColumns?: boolean;
}

/** "Tgl. Lahir" → "tgl_lahir", "NIP BARU" → "nip_baru", "M.01" → "m_01". */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** A header that names a competency code: "M.01", "m01", "SK.01", "T.12" → "M.01" …; null otherwise. */
export function competencyCodeFromHeader(header: string): string | null {
  const m = /^([a-z]{1,3})_?(\d{1,2})$/.exec(normaliseHeader(header));
  return m ? `${m[1].toUpperCase()}.${m[2].padStart(2, '0')}` : null;
}

const f = (key: string, label: string, aliases: string[] = [], used = true): ImportField => ({ key, label, aliases, used });
const unused = (key: string, label: string, aliases: string[] = []) => f(key, label, aliases, false);

/** The SIASN data utama columns in the order of the SIASN download, plus the variants seen in importers. */
export const SIASN_COLUMNS = [
  'pns_id', 'nip_baru', 'nip_lama', 'nama', 'gelar_depan', 'gelar_belakang', 'tempat_lahir_id', 'tempat_lahir_nama', 'tanggal_lahir',
  'jenis_kelamin', 'agama_id', 'agama_nama', 'jenis_kawin_id', 'jenis_kawin_nama', 'nik', 'nomor_hp', 'email', 'email_gov', 'alamat',
  'npwp_nomor', 'bpjs', 'jenis_pegawai_id', 'jenis_pegawai_nama', 'kedudukan_hukum_id', 'kedudukan_hukum_nama', 'status_cpns_pns',
  'kartu_asn_virtual', 'nomor_sk_cpns', 'tanggal_sk_cpns', 'tmt_cpns', 'nomor_sk_pns', 'tanggal_sk_pns', 'tmt_pns', 'gol_awal_id',
  'gol_awal_nama', 'gol_akhir_id', 'gol_akhir_nama', 'tmt_golongan', 'mk_tahun', 'mk_bulan', 'jenis_jabatan_id', 'jenis_jabatan_nama',
  'jabatan_id', 'jabatan_nama', 'tmt_jabatan', 'tingkat_pendidikan_id', 'tingkat_pendidikan_nama', 'pendidikan_id', 'pendidikan_nama',
  'tahun_lulus', 'kpkn_id', 'kpkn_nama', 'lokasi_kerja_id', 'lokasi_kerja_nama', 'unor_id', 'unor_nama', 'instansi_induk_id',
  'instansi_induk_nama', 'instansi_kerja_id', 'instansi_kerja_nama', 'satuan_kerja_induk_id', 'satuan_kerja_induk_nama',
  'satuan_kerja_kerja_id', 'satuan_kerja_kerja_nama', 'is_valid_nik', 'nama_sekolah', 'flag_ikd',
] as const;

const PEGAWAI_FIELDS: ImportField[] = [
  f('pns_id', 'ID PNS SIASN', ['id_pns', 'pnsid']),
  f('nip_baru', 'NIP', ['nip', 'nipbaru', 'nip_18']),
  f('nip_lama', 'NIP lama'),
  f('nama', 'Nama', ['nama_lengkap', 'nama_pegawai']),
  f('gelar_depan', 'Gelar depan', ['glr_depan']),
  f('gelar_belakang', 'Gelar belakang', ['gelar_blk', 'glr_belakang', 'glr_blk']),
  unused('tempat_lahir_id', 'ID tempat lahir'),
  f('tempat_lahir_nama', 'Tempat lahir', ['tempat_lahir']),
  f('tanggal_lahir', 'Tanggal lahir', ['tgl_lahir', 'tgl_lhr']),
  f('jenis_kelamin', 'Jenis kelamin', ['jk', 'kelamin', 'gender']),
  unused('agama_id', 'ID agama'), unused('agama_nama', 'Agama', ['agama']),
  unused('jenis_kawin_id', 'ID status kawin'), unused('jenis_kawin_nama', 'Status kawin', ['status_kawin', 'jenis_kawin', 'status_perkawinan']),
  unused('nik', 'NIK'),
  f('nomor_hp', 'Nomor HP', ['no_hp', 'telepon', 'hp']),
  f('email', 'Email'),
  unused('email_gov', 'Email dinas'),
  unused('alamat', 'Alamat'), unused('npwp_nomor', 'NPWP', ['npwp']), unused('bpjs', 'BPJS'),
  unused('jenis_pegawai_id', 'ID jenis pegawai'),
  f('jenis_pegawai_nama', 'Jenis pegawai', ['jenis_pegawai']),
  unused('kedudukan_hukum_id', 'ID kedudukan hukum', ['kedudukan_pns_id']),
  f('kedudukan_hukum_nama', 'Kedudukan hukum', ['kedudukan_pns_nama', 'kedudukan_hukum', 'kedudukan_pns']),
  f('status_cpns_pns', 'Status CPNS/PNS', ['status_pegawai']),
  unused('kartu_asn_virtual', 'Kartu ASN virtual'), unused('nomor_sk_cpns', 'Nomor SK CPNS'),
  unused('tanggal_sk_cpns', 'Tanggal SK CPNS', ['tgl_sk_cpns']),
  f('tmt_cpns', 'TMT CPNS'),
  unused('nomor_sk_pns', 'Nomor SK PNS'), unused('tanggal_sk_pns', 'Tanggal SK PNS', ['tgl_sk_pns']),
  f('tmt_pns', 'TMT PNS'),
  unused('gol_awal_id', 'ID golongan awal'), unused('gol_awal_nama', 'Golongan awal', ['gol_awal', 'golongan_awal']),
  f('gol_akhir_id', 'Kode golongan', ['gol_id', 'golongan_id']),
  f('gol_akhir_nama', 'Golongan', ['golongan', 'gol_ruang', 'golongan_ruang', 'pangkat_golongan', 'gol', 'gol_akhir', 'golongan_akhir', 'gol_ruang_akhir']),
  f('tmt_golongan', 'TMT golongan', ['tmt_gol', 'tmt_pangkat']),
  f('mk_tahun', 'Masa kerja golongan (tahun)', ['masa_kerja_tahun', 'mkg_tahun']), f('mk_bulan', 'Masa kerja golongan (bulan)', ['masa_kerja_bulan', 'mkg_bulan']),
  f('jenis_jabatan_id', 'ID jenis jabatan'),
  f('jenis_jabatan_nama', 'Jenis jabatan', ['jenis_jabatan']),
  f('jabatan_id', 'ID jabatan', ['kode_jabatan']),
  f('jabatan_nama', 'Jabatan', ['jabatan', 'nama_jabatan']),
  f('tmt_jabatan', 'TMT jabatan'),
  f('eselon_id', 'ID eselon'),
  f('eselon_nama', 'Eselon', ['eselon']),
  unused('tingkat_pendidikan_id', 'ID tingkat pendidikan'),
  f('tingkat_pendidikan_nama', 'Tingkat pendidikan', ['tingkat_pendidikan', 'pendidikan_terakhir']),
  unused('pendidikan_id', 'ID pendidikan'),
  f('pendidikan_nama', 'Jurusan', ['jurusan', 'pendidikan', 'nama_pendidikan']),
  f('tahun_lulus', 'Tahun lulus'),
  unused('kpkn_id', 'ID KPPN'), unused('kpkn_nama', 'KPPN', ['kpkn', 'kppn']),
  unused('lokasi_kerja_id', 'ID lokasi kerja'), unused('lokasi_kerja_nama', 'Lokasi kerja', ['lokasi_kerja']),
  f('unor_id', 'ID unit organisasi', ['kode_unor', 'kode_unit']),
  f('unor_nama', 'Unit organisasi', ['unor', 'unit_kerja', 'nama_unor']),
  f('unor_induk_id', 'ID unit organisasi induk', ['id_unor_induk', 'kode_unor_induk']),
  f('unor_induk_nama', 'Unit organisasi induk', ['unor_induk', 'nama_unor_induk']),
  // The instansi a snapshot belongs to: compared with the agency's own before anything is imported.
  f('instansi_induk_id', 'ID instansi induk', ['id_instansi_induk', 'kode_instansi_induk']),
  f('instansi_induk_nama', 'Instansi induk', ['instansi_induk', 'nama_instansi_induk']),
  f('instansi_kerja_id', 'ID instansi kerja', ['id_instansi_kerja']),
  f('instansi_kerja_nama', 'Instansi kerja', ['instansi', 'instansi_kerja', 'nama_instansi_kerja']),
  f('satuan_kerja_induk_id', 'ID satuan kerja induk'),
  f('satuan_kerja_induk_nama', 'Satuan kerja induk', ['satker_induk', 'opd', 'perangkat_daerah', 'satuan_kerja_induk']),
  f('satuan_kerja_kerja_id', 'ID satuan kerja'),
  f('satuan_kerja_kerja_nama', 'Satuan kerja', ['satuan_kerja', 'satker', 'satuan_kerja_nama']),
  unused('is_valid_nik', 'NIK tervalidasi'),
  f('nama_sekolah', 'Nama sekolah/perguruan tinggi', ['nama_perguruan_tinggi', 'sekolah']),
  unused('flag_ikd', 'Identitas kependudukan digital'),
  unused('gol_darah', 'Golongan darah'), unused('kartu_pegawai', 'Kartu pegawai', ['karpeg']),
];

export const IMPORT_SPECS: Record<ImportKind, ImportKindSpec> = {
  // Golongan is part of every employee's record (PNS golongan, PPPK grade): a file without its column is a mapping
  // problem named once before the preview, not "golongan belum diisi" on every row.
  pegawai: { kind: 'pegawai', fields: PEGAWAI_FIELDS, requiredAll: ['nip_baru', 'nama'], anyOf: [['gol_akhir_nama'], ['gol_akhir_id']] },
  skp: {
    kind: 'skp',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('tahun', 'Tahun', ['tahun_penilaian']), f('periode', 'Periode', ['periode_penilaian']),
      f('hasil_kerja', 'Rating hasil kerja', ['rating_hasil_kerja']), f('perilaku_kerja', 'Rating perilaku kerja', ['rating_perilaku_kerja', 'rating_perilaku']),
      f('predikat', 'Predikat', ['predikat_kinerja', 'sebutan']), f('nilai', 'Nilai (skala lama)', ['nilai_skp', 'nilai_prestasi_kerja', 'nilai_prestasi']),
      f('nip_penilai', 'NIP pejabat penilai', ['penilai_nip']), f('catatan', 'Catatan', ['keterangan']),
    ],
    requiredAll: ['nip', 'tahun'],
    anyOf: [['hasil_kerja', 'perilaku_kerja'], ['nilai'], ['predikat']],
  },
  kompetensi: {
    kind: 'kompetensi',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('tanggal', 'Tanggal asesmen', ['tanggal_asesmen', 'tgl_asesmen', 'tanggal_penilaian']),
      f('metode', 'Metode', ['metode_asesmen', 'metode_penilaian']), f('kode_kompetensi', 'Kode kompetensi', ['kompetensi', 'kode']),
      f('level', 'Level', ['level_kompetensi', 'nilai_level']), f('asesor', 'Asesor', ['assessor', 'lembaga']), f('catatan', 'Catatan', ['keterangan']),
    ],
    requiredAll: ['nip', 'tanggal', 'metode'],
    anyOf: [['kode_kompetensi', 'level']],
    competencyColumns: true,
  },
  potensi: {
    kind: 'potensi',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('tanggal', 'Tanggal asesmen', ['tanggal_asesmen', 'tgl_asesmen']),
      f('potensi', 'Level potensi', ['level_potensi', 'kategori_potensi']), f('nilai_potensi', 'Nilai potensi (0–100)', ['skor_potensi']),
      f('metode', 'Metode', ['metode_asesmen']), f('catatan', 'Catatan', ['keterangan']),
    ],
    requiredAll: ['nip', 'tanggal'],
    anyOf: [['potensi'], ['nilai_potensi']],
  },
  diklat: {
    kind: 'diklat',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('nama_diklat', 'Nama diklat', ['judul_diklat', 'nama_pelatihan', 'diklat']),
      f('jenis', 'Jenis diklat', ['jenis_diklat', 'jenis_pelatihan']), f('penyelenggara', 'Penyelenggara', ['lembaga_penyelenggara', 'instansi_penyelenggara']),
      f('tanggal_mulai', 'Tanggal mulai', ['tgl_mulai', 'mulai']), f('tanggal_selesai', 'Tanggal selesai', ['tgl_selesai', 'selesai']),
      f('jp', 'Jam pelajaran (JP)', ['jumlah_jp', 'jam_pelajaran']), f('biaya', 'Biaya (Rp)', ['biaya_rp']),
      f('nomor_sertifikat', 'Nomor sertifikat', ['no_sertifikat', 'nomor_sttpp', 'no_sttpp']),
    ],
    requiredAll: ['nip', 'nama_diklat', 'tanggal_mulai', 'tanggal_selesai', 'jp'],
    anyOf: [],
  },
  // The career kinds name their columns apart from diklat's (tanggal_mulai …) so a file's kind is recognised.
  disiplin: {
    kind: 'disiplin',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('jenis_hukuman', 'Jenis hukuman disiplin', ['hukuman', 'jenis_hukuman_disiplin', 'hukuman_disiplin']),
      f('tmt_hukuman', 'TMT hukuman', ['tmt_hukuman_disiplin', 'tanggal_mulai_hukuman']), f('akhir_hukuman', 'Akhir hukuman', ['tanggal_akhir_hukuman', 'tanggal_selesai_hukuman']),
      f('nomor_sk', 'Nomor SK', ['no_sk', 'nomor_sk_hukuman']), f('tanggal_sk', 'Tanggal SK', ['tgl_sk']), f('keterangan', 'Keterangan', ['catatan', 'alasan']),
    ],
    requiredAll: ['nip', 'jenis_hukuman', 'tmt_hukuman'],
    anyOf: [],
  },
  belajar: {
    kind: 'belajar',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('jenis_belajar', 'Tugas belajar / izin belajar', ['jenis_tugas_belajar', 'tugas_izin_belajar', 'dasar_belajar']),
      f('perguruan_tinggi', 'Perguruan tinggi', ['institusi', 'nama_perguruan_tinggi', 'universitas']), f('program_studi', 'Program studi', ['prodi', 'jurusan_studi']),
      f('jenjang_studi', 'Jenjang', ['jenjang_pendidikan', 'tingkat_studi']), f('tanggal_mulai_studi', 'Tanggal mulai', ['mulai_studi', 'tmt_belajar']),
      f('tanggal_selesai_studi', 'Tanggal selesai', ['selesai_studi', 'akhir_studi']), f('status_studi', 'Status', ['status_belajar']),
      f('pembiayaan', 'Pembiayaan', ['sumber_biaya', 'beasiswa']), f('tanggal_izin', 'Tanggal izin belajar', ['tanggal_surat_izin']),
      f('tanggal_lulus', 'Tanggal lulus', ['tgl_lulus']), f('lulus_upkp', 'Lulus UPKP', ['upkp']), f('dibutuhkan_jabatan', 'Dibutuhkan jabatan', ['sesuai_kebutuhan_jabatan']),
    ],
    requiredAll: ['nip', 'jenis_belajar', 'perguruan_tinggi', 'program_studi', 'jenjang_studi', 'tanggal_mulai_studi'],
    anyOf: [],
  },
  kgb: {
    kind: 'kgb',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('tmt_kgb', 'TMT KGB', ['tmt_gaji_berkala', 'tmt_berkala']), f('mkg_tahun', 'Masa kerja golongan (tahun)', ['mk_tahun', 'masa_kerja_tahun']),
      f('mkg_bulan', 'Masa kerja golongan (bulan)', ['mk_bulan', 'masa_kerja_bulan']), f('golongan_kgb', 'Golongan', ['golongan', 'gol_ruang']),
      f('gaji_pokok', 'Gaji pokok (Rp)', ['gaji_pokok_baru', 'gapok']), f('nomor_surat_kgb', 'Nomor surat', ['nomor_sk', 'no_surat']), f('tanggal_surat_kgb', 'Tanggal surat', ['tanggal_sk', 'tgl_surat']),
    ],
    requiredAll: ['nip', 'tmt_kgb', 'mkg_tahun'],
    anyOf: [],
  },
  cltn: {
    kind: 'cltn',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('mulai_cltn', 'Mulai CLTN', ['tmt_cltn', 'tanggal_mulai_cltn']), f('akhir_cltn', 'Akhir CLTN', ['tanggal_akhir_cltn', 'selesai_cltn']),
      f('nomor_sk_cltn', 'Nomor SK', ['nomor_sk', 'no_sk']),
    ],
    requiredAll: ['nip', 'mulai_cltn'],
    anyOf: [],
  },
  tanda_kehormatan: {
    kind: 'tanda_kehormatan',
    fields: [
      f('nip', 'NIP', ['nip_baru']), f('kelas_satyalancana', 'Kelas Satyalancana Karya Satya', ['satyalancana', 'kelas', 'tanda_kehormatan']),
      f('nomor_keppres', 'Nomor Keppres', ['nomor_keputusan', 'no_keppres']), f('tanggal_keppres', 'Tanggal Keppres', ['tanggal_keputusan', 'tgl_keppres']),
    ],
    requiredAll: ['nip', 'kelas_satyalancana'],
    anyOf: [],
  },
};

/** Normalised header → field key, per kind (a file may have up to 16,384 columns, looked up for every kind). */
const FIELD_BY_HEADER = new Map<ImportKind, Map<string, string>>(IMPORT_KINDS.map((kind) => {
  const byHeader = new Map<string, string>();
  for (const field of IMPORT_SPECS[kind].fields) {
    for (const name of [field.key, ...field.aliases]) if (!byHeader.has(name)) byHeader.set(name, field.key);
  }
  return [kind, byHeader];
}));

/** Field key for a normalised header in one kind, or null. */
export function fieldForHeader(kind: ImportKind, normalisedHeader: string): string | null {
  return FIELD_BY_HEADER.get(kind)!.get(normalisedHeader) ?? null;
}

export function importFieldLabel(kind: ImportKind, key: string): string {
  return IMPORT_SPECS[kind].fields.find((field) => field.key === key)?.label ?? key;
}

/** Which required columns a mapping lacks, as the user reads them ("nip", "tahun", "hasil_kerja + perilaku_kerja atau nilai"). */
export function missingRequired(kind: ImportKind, mappedFields: ReadonlySet<string>, hasCompetencyColumns = false): string[] {
  const spec = IMPORT_SPECS[kind];
  const missing = spec.requiredAll.filter((key) => !mappedFields.has(key));
  if (spec.anyOf.length > 0) {
    const satisfied = spec.anyOf.some((group) => group.every((key) => mappedFields.has(key))) || (spec.competencyColumns && hasCompetencyColumns);
    if (!satisfied) {
      const options = spec.anyOf.map((group) => group.join(' + '));
      if (spec.competencyColumns) options.push('kolom per kode kompetensi (M.01 … M.08, SK.01)');
      missing.push(options.join(' atau '));
    }
  }
  return missing;
}
