// Career administration rules (DOMAIN §14): kenaikan pangkat pilihan and penyesuaian ijazah, KGB, Satyalancana
// Karya Satya, hukuman disiplin, tugas/izin belajar, moves between positions and career-path steps. Each with its
// regulation in shared/domain/README.md, "Administrasi karier".
export * from './requirement';
export * from './discipline';
export * from './promotion';
export * from './kgb';
export * from './satyalancana';
export * from './study';
export * from './moves';
