// Competency assessment results (PermenPANRB 38/2017): long form (kode_kompetensi + level, one row per competency)
// or wide form (one column per code: M.01 … M.08, SK.01). Codes are looked up in the competency dictionary;
// a missing manajerial/sosial-kultural code can be created from the PermenPANRB 38/2017 list when the user allows it.

import type { RecordDraft, RecordKindSpec, CreatedReference } from './records';
import { readNip } from './records';

/** The PermenPANRB 38/2017 competencies a fresh database may still lack (SK.01 is common practice). */
export const STANDARD_COMPETENCIES: Array<{ code: string; name: string; group: 'manajerial' | 'sosial_kultural' }> = [
  { code: 'M.01', name: 'Integritas', group: 'manajerial' },
  { code: 'M.02', name: 'Kerjasama', group: 'manajerial' },
  { code: 'M.03', name: 'Komunikasi', group: 'manajerial' },
  { code: 'M.04', name: 'Orientasi pada Hasil', group: 'manajerial' },
  { code: 'M.05', name: 'Pelayanan Publik', group: 'manajerial' },
  { code: 'M.06', name: 'Pengembangan Diri dan Orang Lain', group: 'manajerial' },
  { code: 'M.07', name: 'Mengelola Perubahan', group: 'manajerial' },
  { code: 'M.08', name: 'Pengambilan Keputusan', group: 'manajerial' },
  { code: 'SK.01', name: 'Perekat Bangsa', group: 'sosial_kultural' },
];

export const ASSESSMENT_METHODS: Record<string, string> = {
  assessment_center: 'Assessment center', uji_kompetensi: 'Uji kompetensi', self: 'Penilaian mandiri', atasan: 'Penilaian atasan',
};

export function parseAssessmentMethod(input: string): string | null {
  const t = input.trim().toUpperCase().replace(/[\s_\-.]+/g, ' ');
  if (/^(ASSESSMENT CENTER|ASSESMENT CENTER|ASESMEN CENTER|AC|ASSESSMENT CENTRE|PUSAT ASESMEN)$/.test(t)) return 'assessment_center';
  if (/^(UJI KOMPETENSI|UKOM|UJIKOM)$/.test(t)) return 'uji_kompetensi';
  if (/^(PENILAIAN )?(MANDIRI|SELF|SELF ASSESSMENT)$/.test(t)) return 'self';
  if (/^(PENILAIAN )?ATASAN$/.test(t)) return 'atasan';
  return null;
}

/** "M.1", "m01", "M 01", "SK.1" → "M.01", "SK.01". */
export function normaliseCompetencyCode(input: string): string | null {
  const m = /^([A-Za-z]{1,3})[\s.\-_]*(\d{1,2})$/.exec(input.trim());
  return m ? `${m[1].toUpperCase()}.${m[2].padStart(2, '0')}` : null;
}

export const kompetensiSpec: RecordKindSpec = {
  kind: 'kompetensi',
  table: 'competency_assessment',
  identity: ['competency_id', 'assessed_on', 'method'],
  fileIdentity: ['competency_code', 'assessed_on', 'method'],
  columns: ['level', 'assessor', 'notes'],
  keepWhenEmpty: ['assessor', 'notes'],
  labels: { level: 'Level', assessor: 'Asesor', notes: 'Catatan' },
  parse(r) {
    const nip = readNip(r);
    const date = r.date('tanggal', 'Tanggal asesmen');
    if (r.text('tanggal') === null) r.error('tanggal', 'Tanggal asesmen wajib diisi.');
    else if (date && date > r.today) r.error('tanggal', 'Tanggal asesmen tidak boleh di masa depan.');
    const methodText = r.text('metode');
    const method = methodText ? parseAssessmentMethod(methodText) : null;
    if (!methodText) r.error('metode', 'Metode asesmen wajib diisi.');
    else if (!method) r.error('metode', `Metode "${methodText}" tidak dikenal; gunakan Assessment Center, Uji Kompetensi, Penilaian Mandiri atau Penilaian Atasan.`);
    const assessor = r.keptText('asesor')?.slice(0, 200) ?? null;
    const notes = r.text('catatan')?.slice(0, 2000) ?? null;

    const entries: Array<{ code: string; level: number; field: string }> = [];
    const codeText = r.text('kode_kompetensi');
    if (codeText !== null || r.text('level') !== null) {
      const code = codeText ? normaliseCompetencyCode(codeText) : null;
      if (!codeText) r.error('kode_kompetensi', 'Kode kompetensi wajib diisi bila level diisi.');
      else if (!code) r.error('kode_kompetensi', `Kode kompetensi "${codeText}" tidak dikenal (contoh: M.01, SK.01).`);
      const level = r.number('level', 'Level', { min: 1, max: 5, integer: true });
      if (r.text('level') === null) r.error('level', 'Level wajib diisi (1–5).');
      if (code && level !== null) entries.push({ code, level, field: 'level' });
    }
    for (const field of r.fields()) {
      if (!field.startsWith('comp:')) continue;
      const level = r.number(field, `Level ${field.slice(5)}`, { min: 1, max: 5, integer: true });
      if (level !== null) entries.push({ code: field.slice(5), level, field });
    }
    if (!r.hasError && entries.length === 0) r.error(null, 'Baris tanpa nilai kompetensi (isi kode_kompetensi + level, atau kolom M.01 … SK.01).');
    if (r.hasError || !nip || !date || !method) return null;
    return entries.map<RecordDraft>((e) => ({
      row: r.row, nip,
      values: { competency_code: e.code, competency_id: null, assessed_on: date, method, level: e.level, assessor, notes },
      label: `${e.code} · ${date}`,
    }));
  },
  resolve(drafts, reads, log, columnOf, options) {
    const known = new Map<string, { id: number; name: string }>();
    for (const c of reads.competencyDefinitions()) known.set(c.code.toUpperCase(), c);
    const created: CreatedReference[] = [];
    let temp = -1;
    for (const d of drafts) {
      const code = String(d.values.competency_code);
      let definition = known.get(code);
      if (!definition) {
        const standard = STANDARD_COMPETENCIES.find((s) => s.code === code);
        if (standard && options.createMissing) {
          definition = { id: temp--, name: standard.name };
          known.set(code, definition);
          created.push({ table: 'competency_definition', tempId: definition.id, label: `${code} ${standard.name}`, values: { code, name: standard.name, group: standard.group, sort_order: STANDARD_COMPETENCIES.indexOf(standard) + 1 } });
        } else {
          log.add(d.row, columnOf('kode_kompetensi') ?? columnOf(`comp:${code}`), code, 'error', standard
            ? `Kompetensi ${code} (${standard.name}) belum ada di kamus kompetensi database ini. Izinkan pembuatan kompetensi standar, atau isi kamusnya lebih dulu.`
            : `Kompetensi ${code} tidak ada di kamus kompetensi; tambahkan di Peta Kompetensi lebih dulu.`);
          continue;
        }
      }
      d.values.competency_id = definition.id;
      d.label = `${code} ${definition.name} · ${d.values.assessed_on}`;
    }
    return created;
  },
};
