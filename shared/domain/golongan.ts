// Golongan/ruang and pangkat (PP 99/2000 Lampiran) and the PPPK grades.
// Stored as the SIASN numeric code: 11-14 = I/a-I/d, 21-24 = II/a-II/d, 31-34 = III/a-III/d, 41-45 = IV/a-IV/e
// (the scheme SIMPEG tools and SIASN exports commonly use). PPPK grades I-XVII are stored as 101-117.

export type GolonganCode = number;

export interface Golongan {
  code: GolonganCode;
  /** "III/c" for PNS, "IX" for PPPK. */
  label: string;
  /** Pangkat name for PNS ("Penata"); null for PPPK grades. */
  pangkat: string | null;
  /** 1-based order within its scheme: I/a = 1 … IV/e = 17; PPPK I = 1 … XVII = 17. */
  rank: number;
  scheme: 'pns' | 'pppk';
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

const PNS_PANGKAT: Array<[string, string]> = [
  ['I/a', 'Juru Muda'], ['I/b', 'Juru Muda Tingkat I'], ['I/c', 'Juru'], ['I/d', 'Juru Tingkat I'],
  ['II/a', 'Pengatur Muda'], ['II/b', 'Pengatur Muda Tingkat I'], ['II/c', 'Pengatur'], ['II/d', 'Pengatur Tingkat I'],
  ['III/a', 'Penata Muda'], ['III/b', 'Penata Muda Tingkat I'], ['III/c', 'Penata'], ['III/d', 'Penata Tingkat I'],
  ['IV/a', 'Pembina'], ['IV/b', 'Pembina Tingkat I'], ['IV/c', 'Pembina Utama Muda'], ['IV/d', 'Pembina Utama Madya'],
  ['IV/e', 'Pembina Utama'],
];

export const PNS_GOLONGAN: readonly Golongan[] = PNS_PANGKAT.map(([label, pangkat], index) => {
  const [roman, letter] = label.split('/');
  const group = ROMAN.indexOf(roman) + 1;
  return { code: group * 10 + (letter.charCodeAt(0) - 96), label, pangkat, rank: index + 1, scheme: 'pns' as const };
});

export const PPPK_GOLONGAN: readonly Golongan[] = ROMAN.map((label, index) => ({
  code: 101 + index, label, pangkat: null, rank: index + 1, scheme: 'pppk' as const,
}));

export const ALL_GOLONGAN: readonly Golongan[] = [...PNS_GOLONGAN, ...PPPK_GOLONGAN];

const BY_CODE = new Map(ALL_GOLONGAN.map((g) => [g.code, g]));
const PNS_BY_LABEL = new Map(PNS_GOLONGAN.map((g) => [g.label.toUpperCase(), g]));
const PNS_BY_PANGKAT = new Map(PNS_GOLONGAN.map((g) => [g.pangkat!.toUpperCase(), g]));

export function golonganByCode(code: GolonganCode | null | undefined): Golongan | null {
  return code == null ? null : (BY_CODE.get(code) ?? null);
}

export function golonganLabel(code: GolonganCode | null | undefined): string {
  return golonganByCode(code)?.label ?? '';
}

/** "Penata (III/c)", the way SK and reports print it. */
export function golonganWithPangkat(code: GolonganCode | null | undefined): string {
  const g = golonganByCode(code);
  if (!g) return '';
  return g.pangkat ? `${g.pangkat} (${g.label})` : `PPPK golongan ${g.label}`;
}

export function isPnsGolongan(code: GolonganCode): boolean {
  return golonganByCode(code)?.scheme === 'pns';
}

/** The next PNS golongan (III/d → IV/a), or null at IV/e or for PPPK. */
export function nextGolongan(code: GolonganCode): GolonganCode | null {
  const g = golonganByCode(code);
  if (!g || g.scheme !== 'pns') return null;
  return PNS_GOLONGAN[g.rank]?.code ?? null;
}

/**
 * Reads the spellings seen in the field: "III/c", "III c", "III-c", "IIIc", "3c", "3/c",
 * "Penata (III/c)", "Penata", "Penata Muda Tk. I", the SIASN code ("33"), and PPPK grades ("IX", "PPPK IX").
 */
export function parseGolongan(input: string | number | null | undefined): Golongan | null {
  if (input == null) return null;
  if (typeof input === 'number') return Number.isInteger(input) ? golonganByCode(input) : null;
  const text = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (text === '') return null;

  if (/^\d{2,3}$/.test(text)) return golonganByCode(Number(text));

  const inParens = /\(([^)]+)\)/.exec(text);
  if (inParens) return parseGolongan(inParens[1]);

  const roman = /^(IV|III|II|I)\s*[/\-. ]?\s*([A-E])$/.exec(text);
  if (roman) return PNS_BY_LABEL.get(`${roman[1]}/${roman[2]}`) ?? null;

  const arabic = /^([1-4])\s*[/\-. ]?\s*([A-E])$/.exec(text);
  if (arabic) return PNS_BY_LABEL.get(`${ROMAN[Number(arabic[1]) - 1]}/${arabic[2]}`) ?? null;

  const pppk = /^(?:PPPK\s*(?:GOL(?:ONGAN)?\.?\s*)?)?([IVX]+)$/.exec(text);
  if (pppk) {
    const index = ROMAN.indexOf(pppk[1]);
    return index >= 0 ? PPPK_GOLONGAN[index] : null;
  }

  // Pangkat names as printed on SKs: "Penata Muda Tk. I", "Pengatur Tk.I", "Pembina Tingkat I".
  const pangkat = text.replace(/\bTK\.?\s*I$/, 'TINGKAT I').replace(/\s+/g, ' ');
  return PNS_BY_PANGKAT.get(pangkat) ?? null;
}
