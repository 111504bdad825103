// The screens of Jenjang, in sidebar order. `ready: false` screens show an honest empty state until the
// capability that fills them lands. Each names the permission its page needs to show anything (the channels it
// reads declare the same in the contract): the sidebar lists only the screens the account's role may use.

import type { Permission } from '../../../shared/auth/roles';

export interface Screen {
  path: string;
  label: string;
  icon: string;
  ready: boolean;
  /** What the screen will do, shown in its empty state. */
  summary: string;
  /** Its chapter of the user guide (docs/panduan/<guide>.md), opened by Bantuan and F1 on the screen. */
  guide: string;
  /** What the account's role must hold to open the screen (shared/auth/roles.ts). */
  permission: Permission;
}

export const SCREENS: Screen[] = [
  { path: '/', permission: 'data:read', guide: 'beranda', label: 'Beranda', icon: '⌂', ready: true, summary: 'Ringkasan pegawai dan proyeksi pensiun.' },
  { path: '/pegawai', permission: 'employees:read', guide: 'pegawai', label: 'Pegawai', icon: '☰', ready: true, summary: 'Daftar dan profil pegawai.' },
  { path: '/peta-kompetensi', permission: 'data:read', guide: 'peta-kompetensi', label: 'Peta Kompetensi', icon: '◫', ready: true,
    summary: 'Standar kompetensi per jabatan, hasil asesmen, kesenjangan, Job-Person Match dan peta panas unit × kompetensi.' },
  { path: '/kinerja', permission: 'data:read', guide: 'kinerja', label: 'Kinerja', icon: '↗', ready: true,
    summary: 'Riwayat SKP per pegawai dan unit: sebaran predikat per tahun, tren, dan daftar yang perlu tindak lanjut.' },
  { path: '/talenta', permission: 'talent:read', guide: 'manajemen-talenta', label: 'Manajemen Talenta', icon: '▦', ready: true,
    summary: 'Kotak 9 (kinerja × potensial) per tahun dan populasi, kalibrasi dalam sidang Komite Talenta, dan kelompok rencana suksesi.' },
  { path: '/suksesi', permission: 'data:read', guide: 'suksesi', label: 'Suksesi', icon: '⇪', ready: true,
    summary: 'Jabatan kritikal, risiko kekosongan karena pensiun, kandidat pengganti yang diperingkat dan kesiapannya.' },
  { path: '/pengembangan', permission: 'data:read', guide: 'pengembangan', label: 'Pengembangan', icon: '✎', ready: true,
    summary: 'Diklat dan pemenuhan 20 JP per tahun, rencana pengembangan individu, mentoring, rotasi dan kenaikan pangkat.' },
  { path: '/jalur-karier', permission: 'data:read', guide: 'jalur-karier', label: 'Jalur Karier', icon: '⤴', ready: true,
    summary: 'Pola karier instansi: langkah antarjenjang jabatan beserta syaratnya, berapa pegawai berada di tiap langkah dan berapa yang siap.' },
  { path: '/kualitas-data', permission: 'data:read', guide: 'kualitas-data', label: 'Kualitas Data', icon: '✓', ready: true,
    summary: 'Indeks kelengkapan dan konsistensi data per perangkat daerah, dan daftar pegawai yang datanya perlu diperbaiki.' },
  { path: '/impor', permission: 'import', guide: 'impor-data', label: 'Impor Data', icon: '⇩', ready: true,
    summary: 'Impor berkas SIASN dan templat Jenjang (pegawai, SKP, kompetensi, potensi, diklat) dengan pratinjau, selisih dan pembatalan.' },
  { path: '/laporan', permission: 'reports', guide: 'laporan', label: 'Laporan', icon: '▤', ready: true,
    summary: 'Laporan PDF berkop surat untuk pimpinan: profil pegawai, peta kompetensi, rekap kinerja, talenta, suksesi dan proyeksi pensiun.' },
  { path: '/pengaturan', permission: 'settings', guide: 'pengaturan', label: 'Pengaturan', icon: '⚙', ready: true, summary: 'Akun pengguna, cadangan dan pemulihan database, identitas instansi untuk kop surat, data pribadi dan log ekspor, log audit.' },
];

/** The screens a role may open, in sidebar order. */
export function screensFor(permissions: readonly Permission[]): Screen[] {
  return SCREENS.filter((screen) => permissions.includes(screen.permission));
}
