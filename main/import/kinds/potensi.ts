// Potential assessments: a level (Rendah / Menengah / Tinggi), a 0–100 score, or both (PermenPANRB 3/2020; shared/domain/README.md).
// The score is stored as given; turning it into an axis is the talent capability's job (configurable).

import { readNip, type RecordKindSpec } from './records';

export function parsePotentialLevel(input: string): 'rendah' | 'menengah' | 'tinggi' | null {
  const t = input.trim().toUpperCase().replace(/^POTENSI(AL)?\s+/, '');
  if (t === 'RENDAH' || t === 'R') return 'rendah';
  if (t === 'MENENGAH' || t === 'SEDANG' || t === 'M') return 'menengah';
  if (t === 'TINGGI' || t === 'T') return 'tinggi';
  return null;
}

export const POTENTIAL_LABELS: Record<string, string> = { rendah: 'Rendah', menengah: 'Menengah', tinggi: 'Tinggi' };

export const potensiSpec: RecordKindSpec = {
  kind: 'potensi',
  table: 'potential_assessment',
  identity: ['assessed_on'],
  columns: ['level', 'score', 'method', 'notes'],
  keepWhenEmpty: ['method', 'notes'],
  labels: { level: 'Level potensi', score: 'Nilai potensi', method: 'Metode', notes: 'Catatan' },
  display: (column, value) => (value === null ? null : column === 'level' ? POTENTIAL_LABELS[String(value)] ?? String(value) : String(value)),
  parse(r) {
    const nip = readNip(r);
    const date = r.date('tanggal', 'Tanggal asesmen');
    if (r.text('tanggal') === null) r.error('tanggal', 'Tanggal asesmen wajib diisi.');
    else if (date && date > r.today) r.error('tanggal', 'Tanggal asesmen tidak boleh di masa depan.');
    const levelText = r.text('potensi');
    const level = levelText ? parsePotentialLevel(levelText) : null;
    if (levelText && !level) r.error('potensi', `Level potensi "${levelText}" tidak dikenal; gunakan Rendah, Menengah atau Tinggi.`);
    const score = r.number('nilai_potensi', 'Nilai potensi', { min: 0, max: 100 });
    if (!r.hasError && level === null && score === null) r.error(r.has('potensi') ? 'potensi' : 'nilai_potensi', 'Isi level potensi atau nilai potensi (0–100).');
    if (r.hasError || !nip || !date) return null;
    return [{
      row: r.row, nip,
      values: { assessed_on: date, level, score, method: r.keptText('metode')?.slice(0, 120) ?? null, notes: r.keptText('catatan')?.slice(0, 2000) ?? null },
      label: `Potensi · ${date}`,
    }];
  },
};
