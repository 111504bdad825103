// The demo district's organisation: the perangkat daerah of a kabupaten (PP 18/2016 pattern) with their
// bidang/bagian, and the JF families each one employs.

export const DISTRICT = {
  government: 'Pemerintah Kabupaten Sindangraja',
  name: 'Kabupaten Sindangraja',
  capital: 'Sindangraja',
  province: 'Provinsi Jawa Barat',
};

export type OpdType = 'setda' | 'setwan' | 'inspektorat' | 'badan' | 'dinas' | 'rsud' | 'satpol';

export interface OpdTemplate {
  name: string;
  short: string;
  type: OpdType;
  /** Heads of bidang/bagian (administrator), each with its pengawas sub-units where the OPD still has them. */
  divisions: string[];
  /** JF families the OPD employs besides pelaksana, weighted. */
  families: Array<readonly [string, number]>;
  /** Relative size of the OPD's non-structural staff. */
  weight: number;
}

export const OPD_TEMPLATES: OpdTemplate[] = [
  {
    name: 'Sekretariat Daerah', short: 'Setda', type: 'setda', weight: 5,
    divisions: ['Bagian Pemerintahan', 'Bagian Hukum', 'Bagian Kesejahteraan Rakyat', 'Bagian Perekonomian dan Sumber Daya Alam',
      'Bagian Administrasi Pembangunan', 'Bagian Pengadaan Barang dan Jasa', 'Bagian Organisasi', 'Bagian Umum',
      'Bagian Protokol dan Komunikasi Pimpinan', 'Bagian Perencanaan dan Keuangan'],
    families: [['Analis Kebijakan', 3], ['Pengelola Pengadaan Barang/Jasa', 2], ['Analis Hukum', 2], ['Pranata Hubungan Masyarakat', 1], ['Perancang Peraturan Perundang-undangan', 1]],
  },
  {
    name: 'Sekretariat DPRD', short: 'Setwan', type: 'setwan', weight: 2,
    divisions: ['Bagian Umum dan Keuangan', 'Bagian Persidangan dan Perundang-undangan', 'Bagian Fasilitasi Penganggaran dan Pengawasan'],
    families: [['Analis Kebijakan', 2], ['Pranata Hubungan Masyarakat', 1]],
  },
  {
    name: 'Inspektorat Daerah', short: 'Inspektorat', type: 'inspektorat', weight: 2,
    divisions: ['Inspektur Pembantu Wilayah I', 'Inspektur Pembantu Wilayah II', 'Inspektur Pembantu Wilayah III', 'Inspektur Pembantu Khusus'],
    families: [['Auditor', 5], ['Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah', 3]],
  },
  {
    name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah', short: 'Bapperida', type: 'badan', weight: 2,
    divisions: ['Bidang Perencanaan Pemerintahan dan Pembangunan Manusia', 'Bidang Perencanaan Perekonomian dan Sumber Daya Alam',
      'Bidang Infrastruktur dan Kewilayahan', 'Bidang Riset dan Inovasi'],
    families: [['Perencana', 5], ['Statistisi', 1], ['Peneliti', 1]],
  },
  {
    name: 'Badan Pengelolaan Keuangan dan Aset Daerah', short: 'BPKAD', type: 'badan', weight: 3,
    divisions: ['Bidang Anggaran', 'Bidang Perbendaharaan', 'Bidang Akuntansi', 'Bidang Pengelolaan Barang Milik Daerah'],
    families: [['Analis Keuangan Pusat dan Daerah', 3], ['Analis Pengelolaan Keuangan APBN', 1], ['Penata Kelola Barang Milik Negara', 1]],
  },
  {
    name: 'Badan Pendapatan Daerah', short: 'Bapenda', type: 'badan', weight: 2,
    divisions: ['Bidang Pendataan dan Penetapan', 'Bidang Penagihan', 'Bidang Pengembangan Pendapatan'],
    families: [['Analis Keuangan Pusat dan Daerah', 2]],
  },
  {
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', short: 'BKPSDM', type: 'badan', weight: 2,
    divisions: ['Bidang Pengadaan, Pemberhentian dan Informasi', 'Bidang Mutasi dan Promosi', 'Bidang Pengembangan Kompetensi Aparatur',
      'Bidang Penilaian Kinerja Aparatur dan Penghargaan'],
    families: [['Analis Sumber Daya Manusia Aparatur', 5], ['Pranata Komputer', 1], ['Asesor Sumber Daya Manusia Aparatur', 1], ['Widyaiswara', 1]],
  },
  {
    name: 'Badan Penanggulangan Bencana Daerah', short: 'BPBD', type: 'badan', weight: 1,
    divisions: ['Bidang Pencegahan dan Kesiapsiagaan', 'Bidang Kedaruratan dan Logistik', 'Bidang Rehabilitasi dan Rekonstruksi'],
    families: [['Analis Bencana', 2]],
  },
  {
    name: 'Badan Kesatuan Bangsa dan Politik', short: 'Kesbangpol', type: 'badan', weight: 1,
    divisions: ['Bidang Ideologi dan Wawasan Kebangsaan', 'Bidang Politik Dalam Negeri', 'Bidang Ketahanan Ekonomi, Sosial dan Budaya'],
    families: [['Analis Kebijakan', 1]],
  },
  {
    name: 'Dinas Pendidikan dan Kebudayaan', short: 'Disdikbud', type: 'dinas', weight: 3,
    divisions: ['Bidang Pembinaan Sekolah Dasar', 'Bidang Pembinaan Sekolah Menengah Pertama', 'Bidang Pendidikan Anak Usia Dini dan Nonformal',
      'Bidang Guru dan Tenaga Kependidikan', 'Bidang Kebudayaan'],
    families: [['Pengawas Sekolah', 3], ['Pamong Belajar', 1], ['Pamong Budaya', 1]],
  },
  {
    name: 'Dinas Kesehatan', short: 'Dinkes', type: 'dinas', weight: 3,
    divisions: ['Bidang Kesehatan Masyarakat', 'Bidang Pencegahan dan Pengendalian Penyakit', 'Bidang Pelayanan Kesehatan', 'Bidang Sumber Daya Kesehatan'],
    families: [['Administrator Kesehatan', 2], ['Epidemiolog Kesehatan', 1], ['Penyuluh Kesehatan Masyarakat', 2], ['Apoteker', 1]],
  },
  {
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang', short: 'DPUPR', type: 'dinas', weight: 3,
    divisions: ['Bidang Bina Marga', 'Bidang Sumber Daya Air', 'Bidang Cipta Karya', 'Bidang Penataan Ruang'],
    families: [['Teknik Jalan dan Jembatan', 3], ['Teknik Pengairan', 2], ['Penata Ruang', 1], ['Pengelola Pengadaan Barang/Jasa', 1]],
  },
  {
    name: 'Dinas Perumahan dan Kawasan Permukiman', short: 'Disperkim', type: 'dinas', weight: 1,
    divisions: ['Bidang Perumahan', 'Bidang Kawasan Permukiman', 'Bidang Pertanahan'],
    families: [['Teknik Tata Bangunan dan Perumahan', 2]],
  },
  {
    name: 'Dinas Sosial', short: 'Dinsos', type: 'dinas', weight: 1,
    divisions: ['Bidang Rehabilitasi Sosial', 'Bidang Perlindungan dan Jaminan Sosial', 'Bidang Pemberdayaan Sosial'],
    families: [['Pekerja Sosial', 3], ['Penyuluh Sosial', 1]],
  },
  {
    name: 'Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak', short: 'DP2KBP3A', type: 'dinas', weight: 2,
    divisions: ['Bidang Pengendalian Penduduk', 'Bidang Keluarga Berencana', 'Bidang Pemberdayaan Perempuan', 'Bidang Perlindungan Anak'],
    families: [['Penyuluh Keluarga Berencana', 5]],
  },
  {
    name: 'Dinas Kependudukan dan Pencatatan Sipil', short: 'Disdukcapil', type: 'dinas', weight: 2,
    divisions: ['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pelayanan Pencatatan Sipil', 'Bidang Pengelolaan Informasi Administrasi Kependudukan'],
    families: [['Administrator Database Kependudukan', 3], ['Pranata Komputer', 1]],
  },
  {
    name: 'Dinas Pemberdayaan Masyarakat dan Desa', short: 'DPMD', type: 'dinas', weight: 1,
    divisions: ['Bidang Pemerintahan Desa', 'Bidang Pemberdayaan Masyarakat', 'Bidang Keuangan dan Aset Desa'],
    families: [['Penggerak Swadaya Masyarakat', 2]],
  },
  {
    name: 'Dinas Perhubungan', short: 'Dishub', type: 'dinas', weight: 1,
    divisions: ['Bidang Lalu Lintas', 'Bidang Angkutan', 'Bidang Sarana dan Prasarana'],
    families: [['Penguji Kendaraan Bermotor', 2], ['Asisten Inspektur Angkutan Udara', 0.2]],
  },
  {
    name: 'Dinas Komunikasi, Informatika, Statistik dan Persandian', short: 'Diskominfo', type: 'dinas', weight: 1,
    divisions: ['Bidang Informasi dan Komunikasi Publik', 'Bidang Aplikasi Informatika', 'Bidang Statistik dan Persandian'],
    families: [['Pranata Komputer', 3], ['Pranata Hubungan Masyarakat', 2], ['Statistisi', 1], ['Sandiman', 1]],
  },
  {
    name: 'Dinas Koperasi, Usaha Kecil, Menengah dan Perdagangan', short: 'Diskopukmdag', type: 'dinas', weight: 1,
    divisions: ['Bidang Koperasi', 'Bidang Usaha Mikro', 'Bidang Perdagangan', 'Bidang Metrologi Legal'],
    families: [['Pengawas Koperasi', 1], ['Penera', 1], ['Pengawas Perdagangan', 1]],
  },
  {
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', short: 'DPMPTSP', type: 'dinas', weight: 1,
    divisions: ['Bidang Penanaman Modal', 'Bidang Pelayanan Perizinan', 'Bidang Pengaduan dan Informasi'],
    families: [['Analis Kebijakan', 1], ['Pengawas Penanaman Modal', 1]],
  },
  {
    name: 'Dinas Pertanian dan Ketahanan Pangan', short: 'Distanpangan', type: 'dinas', weight: 3,
    divisions: ['Bidang Tanaman Pangan', 'Bidang Hortikultura dan Perkebunan', 'Bidang Peternakan dan Kesehatan Hewan', 'Bidang Ketahanan Pangan', 'Bidang Penyuluhan'],
    families: [['Penyuluh Pertanian', 6], ['Medik Veteriner', 1], ['Paramedik Veteriner', 1], ['Pengawas Mutu Hasil Pertanian', 1]],
  },
  {
    name: 'Dinas Perikanan', short: 'Diskan', type: 'dinas', weight: 1,
    divisions: ['Bidang Perikanan Budidaya', 'Bidang Perikanan Tangkap dan Pengolahan'],
    families: [['Penyuluh Perikanan', 3]],
  },
  {
    name: 'Dinas Lingkungan Hidup', short: 'DLH', type: 'dinas', weight: 2,
    divisions: ['Bidang Tata Lingkungan', 'Bidang Pengelolaan Sampah', 'Bidang Pengendalian Pencemaran'],
    families: [['Pengendali Dampak Lingkungan', 2], ['Pengawas Lingkungan Hidup', 1]],
  },
  {
    name: 'Dinas Tenaga Kerja dan Transmigrasi', short: 'Disnakertrans', type: 'dinas', weight: 1,
    divisions: ['Bidang Pelatihan dan Penempatan', 'Bidang Hubungan Industrial'],
    families: [['Pengantar Kerja', 2], ['Mediator Hubungan Industrial', 1], ['Instruktur', 1]],
  },
  {
    name: 'Dinas Kepemudaan, Olahraga dan Pariwisata', short: 'Disporapar', type: 'dinas', weight: 1,
    divisions: ['Bidang Kepemudaan', 'Bidang Olahraga', 'Bidang Pariwisata'],
    families: [['Adyatama Kepariwisataan dan Ekonomi Kreatif', 1]],
  },
  {
    name: 'Dinas Perpustakaan dan Kearsipan', short: 'Dispusip', type: 'dinas', weight: 1,
    divisions: ['Bidang Perpustakaan', 'Bidang Kearsipan'],
    families: [['Pustakawan', 3], ['Arsiparis', 3]],
  },
  {
    name: 'Satuan Polisi Pamong Praja dan Pemadam Kebakaran', short: 'Satpol PP', type: 'satpol', weight: 2,
    divisions: ['Bidang Penegakan Peraturan Daerah', 'Bidang Ketertiban Umum', 'Bidang Pemadam Kebakaran dan Penyelamatan'],
    families: [['Polisi Pamong Praja', 6], ['Analis Kebakaran', 2]],
  },
  {
    name: 'Rumah Sakit Umum Daerah Sindangraja', short: 'RSUD', type: 'rsud', weight: 0,
    divisions: ['Bidang Pelayanan Medik', 'Bidang Keperawatan', 'Bidang Penunjang', 'Bagian Umum dan Keuangan'],
    families: [],
  },
];

/** JF families with their track: keahlian (Ahli Pertama … Utama) or keterampilan (Terampil … Penyelia), or both. */
export const FAMILY_TRACKS: Record<string, 'ahli' | 'terampil' | 'both'> = {
  'Polisi Pamong Praja': 'both', 'Penyuluh Pertanian': 'both', 'Arsiparis': 'both', 'Pustakawan': 'both',
  'Pranata Komputer': 'both', 'Penyuluh Keluarga Berencana': 'ahli', 'Perawat': 'both', 'Bidan': 'both',
  'Paramedik Veteriner': 'terampil', 'Penguji Kendaraan Bermotor': 'both', 'Penera': 'both', 'Sanitarian': 'both',
  'Nutrisionis': 'both', 'Pranata Laboratorium Kesehatan': 'both', 'Perekam Medis': 'both', 'Radiografer': 'both',
  'Asisten Apoteker': 'terampil', 'Fisioterapis': 'both', 'Penyuluh Perikanan': 'both', 'Analis Kebakaran': 'both',
  'Asisten Inspektur Angkutan Udara': 'terampil', 'Penggerak Swadaya Masyarakat': 'both',
};

/** Pelaksana positions (nomenclature after the 2024 simplification), by minimum education. */
export const PELAKSANA_POSITIONS = [
  { name: 'Penata Layanan Operasional', education: 'S1' },
  { name: 'Pengelola Layanan Operasional', education: 'D3' },
  { name: 'Pengadministrasi Perkantoran', education: 'SLTA' },
  { name: 'Operator Layanan Operasional', education: 'SLTA' },
  { name: 'Pengelola Keuangan', education: 'D3' },
  { name: 'Pengelola Data dan Informasi', education: 'S1' },
  { name: 'Pengemudi', education: 'SLTA' },
] as const;

export const SCHOOL_SUBJECTS = [
  'Pendidikan Guru Sekolah Dasar', 'Pendidikan Guru Sekolah Dasar', 'Pendidikan Guru Sekolah Dasar', 'Pendidikan Matematika',
  'Pendidikan Bahasa Indonesia', 'Pendidikan Bahasa Inggris', 'Pendidikan Agama Islam', 'Pendidikan Jasmani', 'Pendidikan IPA',
  'Pendidikan Ekonomi', 'Pendidikan Bahasa Sunda', 'Bimbingan dan Konseling', 'Pendidikan Pancasila dan Kewarganegaraan',
];
