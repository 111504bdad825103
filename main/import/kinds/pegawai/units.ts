// Units named in a snapshot (SIASN satuan_kerja_induk → satuan_kerja_kerja → unor): the kind a new unit gets
// from its name, and the test that drops the pemda itself from the top of the chain (Jenjang's roots are the
// perangkat daerah).

export function inferUnitKind(name: string, depth: number): string {
  const n = name.trim().toUpperCase();
  if (/^(UPTD |UPT )?PUSKESMAS|PUSKESMAS /.test(n)) return 'puskesmas';
  if (/^(SD|SMP|SMA|SMK|SLB|TK)\b|^SEKOLAH /.test(n)) return 'sekolah';
  if (/^(SUB ?BAGIAN|SUBBAG)/.test(n)) return 'subbagian';
  if (/^(SUB ?BIDANG|SUBBID)/.test(n)) return 'subbidang';
  if (/^SEKSI/.test(n)) return 'seksi';
  if (/^BIDANG/.test(n)) return 'bidang';
  if (/^BAGIAN/.test(n)) return 'bagian';
  if (/^SEKRETARIAT/.test(n) && depth > 0) return 'sekretariat';
  if (/^INSPEKTUR PEMBANTU|^INSPEKTORAT PEMBANTU/.test(n)) return 'inspektorat_pembantu';
  if (/^(UPTD|UPT)\b/.test(n)) return 'uptd';
  if (/^KELURAHAN/.test(n)) return 'kelurahan';
  if (/^KECAMATAN/.test(n)) return depth === 0 ? 'kecamatan' : 'kecamatan';
  return depth === 0 ? 'opd' : 'unit';
}

/** "Pemerintah Kabupaten Sindangraja", "PEMKAB …": the whole government, not a unit of it. */
export function isGovernmentLevel(name: string, instansiName: string | null): boolean {
  const n = name.trim().toUpperCase();
  if (instansiName && n === instansiName.trim().toUpperCase()) return true;
  return /^(PEMERINTAH (KABUPATEN|KOTA|PROVINSI|KAB\.?|PROV\.?)|PEMKAB|PEMKOT|PEMPROV)\b/.test(n);
}

const keys = new Map<string, string>();

/** Upper-case, single spaces: how names are compared when no code is given. Memoised: a snapshot names the
 *  same few hundred units and positions tens of thousands of times. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.trim().toUpperCase().replace(/\s+/g, ' ');
    if (keys.size > 100_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}
