// Name material for the demo district: a West Javanese kabupaten, so mostly Sundanese and general Indonesian
// Muslim names, with Javanese, Batak, Minang and Christian names as a real district's staff would have.

export const MALE_FIRST = [
  'Asep', 'Dede', 'Ujang', 'Cecep', 'Yayan', 'Agus', 'Budi', 'Dadang', 'Deden', 'Eko', 'Endang', 'Hendra', 'Iwan', 'Jajang',
  'Kurnia', 'Lukman', 'Mamat', 'Nandang', 'Oman', 'Rahmat', 'Ridwan', 'Saepul', 'Tatang', 'Ujang', 'Wawan', 'Yusuf',
  'Ahmad', 'Muhammad', 'Rizki', 'Fajar', 'Gilang', 'Hadi', 'Irfan', 'Dodi', 'Rudi', 'Andi', 'Aris', 'Bambang', 'Dedi',
  'Engkos', 'Firman', 'Galih', 'Heri', 'Ikhsan', 'Jaka', 'Komarudin', 'Nanang', 'Opik', 'Pepen', 'Rohman', 'Sutisna',
  'Taufik', 'Ade', 'Aceng', 'Dindin', 'Enjang', 'Maman', 'Ruhiyat', 'Suherman', 'Wahyu', 'Yogi', 'Arif', 'Bayu', 'Dimas',
  'Teguh', 'Joko', 'Slamet', 'Sugeng', 'Parlindungan', 'Robert', 'Yohanes', 'Fauzi', 'Ilham', 'Reza', 'Syarif', 'Zaenal',
];

export const FEMALE_FIRST = [
  'Siti', 'Euis', 'Neneng', 'Tati', 'Yeni', 'Rina', 'Dewi', 'Sri', 'Nining', 'Lilis', 'Iis', 'Enung', 'Nurul', 'Ani',
  'Cucu', 'Dian', 'Eni', 'Fitri', 'Ika', 'Imas', 'Kokom', 'Leni', 'Mimin', 'Nia', 'Nunung', 'Popon', 'Rini', 'Santi',
  'Tuti', 'Wida', 'Yuli', 'Ai', 'Elis', 'Heni', 'Intan', 'Lina', 'Mira', 'Nina', 'Rosita', 'Sari', 'Titin', 'Uum',
  'Wulan', 'Ayu', 'Desi', 'Evi', 'Fenny', 'Gita', 'Hana', 'Indah', 'Kartika', 'Linda', 'Maya', 'Nova', 'Puspita',
  'Ratna', 'Sinta', 'Tina', 'Vera', 'Winda', 'Yanti', 'Endah', 'Sulastri', 'Maria', 'Theresia', 'Annisa', 'Aisyah',
];

export const LAST_NAMES = [
  'Hidayat', 'Kurniawan', 'Saepudin', 'Supriatna', 'Permana', 'Ramdani', 'Hermawan', 'Setiawan', 'Gunawan', 'Suryana',
  'Nurjaman', 'Rustandi', 'Sulaeman', 'Mulyana', 'Sopian', 'Firmansyah', 'Kusnadi', 'Nugraha', 'Wijaya', 'Saputra',
  'Hidayah', 'Rahmawati', 'Komalasari', 'Nurhayati', 'Marlina', 'Sulastri', 'Kartini', 'Rohayati', 'Maryani', 'Suryani',
  'Fatimah', 'Lestari', 'Wulandari', 'Handayani', 'Purnamasari', 'Herlina', 'Yuliani', 'Susanti', 'Apriani', 'Nuraeni',
  'Ruhimat', 'Syamsudin', 'Solihin', 'Abdullah', 'Iskandar', 'Rachman', 'Prasetyo', 'Santoso', 'Wibowo', 'Siregar',
  'Nasution', 'Simanjuntak', 'Harahap', 'Chaniago', 'Tanjung', 'Lubis', 'Pratama', 'Ramadhan', 'Maulana', 'Fauzan',
  'Hakim', 'Zakaria', 'Mustofa', 'Hasanah', 'Rosdiana', 'Nurlaela', 'Sumarni', 'Juariah', 'Kurniasih', 'Rukmana',
];

/** Last names that read as female when given to a woman (the rest are used for both). */
export const FEMALE_ONLY_LAST = new Set([
  'Hidayah', 'Rahmawati', 'Komalasari', 'Nurhayati', 'Marlina', 'Sulastri', 'Kartini', 'Rohayati', 'Maryani', 'Suryani',
  'Fatimah', 'Lestari', 'Wulandari', 'Handayani', 'Purnamasari', 'Herlina', 'Yuliani', 'Susanti', 'Apriani', 'Nuraeni',
  'Hasanah', 'Rosdiana', 'Nurlaela', 'Sumarni', 'Juariah', 'Kurniasih',
]);

export const BIRTH_PLACES = [
  'Sindangraja', 'Sindangraja', 'Sindangraja', 'Cibeureum', 'Sukaresmi', 'Bandung', 'Garut', 'Tasikmalaya', 'Ciamis',
  'Sumedang', 'Cianjur', 'Kuningan', 'Majalengka', 'Subang', 'Bogor', 'Sukabumi', 'Cirebon', 'Jakarta', 'Bekasi',
  'Purwakarta', 'Indramayu', 'Banjar', 'Brebes', 'Cilacap', 'Yogyakarta', 'Semarang', 'Medan', 'Padang', 'Palembang',
];

export const KECAMATAN = [
  'Sindangraja', 'Cibeureum', 'Sukaresmi', 'Mekarjaya', 'Karangsari', 'Pasirwangi', 'Cikalong', 'Sukamulya', 'Situraja',
  'Tanjungsari', 'Cisarua', 'Pagerageung', 'Jatinunggal', 'Cimanggu', 'Legokwangi', 'Sukahaji', 'Bojongsari', 'Cilimus',
  'Karangtengah', 'Margaluyu', 'Sirnagalih', 'Cibodas', 'Cipanas', 'Mandalawangi', 'Sagalaherang', 'Cilengkrang',
  'Sukajadi', 'Girimukti', 'Parakansalam', 'Cikadu', 'Ciawigebang', 'Cintaraja', 'Mangunreja', 'Sukasari', 'Warungkiara',
  'Cijambe', 'Pamulihan', 'Rancakalong', 'Sindangkerta', 'Cipeundeuy',
];

export const UNIVERSITIES = {
  education: ['Universitas Pendidikan Indonesia', 'Universitas Galuh', 'Universitas Siliwangi', 'Universitas Terbuka', 'STKIP Sindangraja', 'Universitas Pasundan'],
  health: ['Politeknik Kesehatan Kemenkes Bandung', 'STIKes Sindangraja Husada', 'Universitas Padjadjaran', 'STIKes Bakti Tunas Husada', 'Universitas Muhammadiyah Tasikmalaya'],
  medicine: ['Universitas Padjadjaran', 'Universitas Indonesia', 'Universitas Islam Bandung', 'Universitas Jenderal Achmad Yani'],
  general: ['Universitas Padjadjaran', 'Universitas Pasundan', 'Universitas Galuh', 'Institut Pemerintahan Dalam Negeri', 'Universitas Terbuka', 'STIA LAN Bandung', 'Universitas Siliwangi', 'Universitas Islam Nusantara'],
  technical: ['Institut Teknologi Bandung', 'Politeknik Negeri Bandung', 'Universitas Pasundan', 'Institut Teknologi Nasional'],
  highSchool: ['SMA Negeri 1 Sindangraja', 'SMA Negeri 2 Sindangraja', 'SMK Negeri 1 Sindangraja', 'MA Negeri Sindangraja', 'SMA Negeri 1 Cibeureum'],
} as const;
