// The kop-surat logo, checked by its content (never by its file name): a complete PNG or a plain SVG drawing.
// The logo is shown through <img>, where an SVG can run no script and load nothing, but a logo that carries
// scripts or outside references is still refused: it would break elsewhere and has no business in an official
// letterhead. Pure (bytes in, verdict out), so the agency settings and the demo district use the same rule.

import { AppError } from '../errors';

/** Largest accepted logo file. A kop surat logo is a few KB as SVG and rarely 200 KB as PNG. */
export const MAX_LOGO_BYTES = 1024 * 1024;

export interface InspectedLogo {
  mimeType: 'image/png' | 'image/svg+xml';
  width: number | null;
  height: number | null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MIN_PNG_SIDE = 16;
const MAX_PNG_SIDE = 6000;

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** Other formats people try, named in the refusal so they know what to do. */
const OTHER_FORMATS: Array<[string, (b: Uint8Array) => boolean]> = [
  ['JPEG', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['GIF', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['WebP', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  ['PDF', (b) => ascii(b, 0, 5) === '%PDF-'],
  ['BMP', (b) => ascii(b, 0, 2) === 'BM'],
];

const refuse = (message: string) => new AppError('validation', message, { issues: [{ path: 'logo', message }] });

export function inspectLogo(bytes: Uint8Array): InspectedLogo {
  if (bytes.length === 0) throw refuse('Berkas logo kosong.');
  if (bytes.length > MAX_LOGO_BYTES) throw refuse(`Berkas logo ${Math.ceil(bytes.length / 1024)} KB; paling besar 1.024 KB. Perkecil gambarnya terlebih dahulu.`);
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return inspectPng(bytes);
  const other = OTHER_FORMATS.find(([, test]) => test(bytes));
  if (other) throw refuse(`Logo harus berkas PNG atau SVG; berkas ini ${other[0]}. Simpan ulang gambarnya sebagai PNG.`);
  return inspectSvg(bytes);
}

function inspectPng(bytes: Uint8Array): InspectedLogo {
  // The first chunk must be IHDR (length 13) with the size; the file must end with the IEND chunk.
  if (bytes.length < 8 + 25 + 12 || ascii(bytes, 12, 16) !== 'IHDR') throw refuse('Berkas PNG rusak (header IHDR tidak ada).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (ascii(bytes, bytes.length - 8, bytes.length - 4) !== 'IEND') throw refuse('Berkas PNG terpotong atau rusak (akhir berkas tidak ditemukan).');
  if (width < MIN_PNG_SIDE || height < MIN_PNG_SIDE) throw refuse(`Logo PNG terlalu kecil (${width} × ${height} piksel); paling kecil ${MIN_PNG_SIDE} piksel, sebaiknya 300 piksel atau lebih agar tajam saat dicetak.`);
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) throw refuse(`Logo PNG terlalu besar (${width} × ${height} piksel); paling besar ${MAX_PNG_SIDE} piksel per sisi.`);
  return { mimeType: 'image/png', width, height };
}

const FORBIDDEN_SVG: Array<[RegExp, string]> = [
  [/<script[\s>/]/i, 'skrip'],
  [/<foreignObject[\s>/]/i, 'foreignObject (HTML di dalam SVG)'],
  [/<(iframe|embed|object)[\s>/]/i, 'elemen tertanam'],
  [/\son[a-z]+\s*=/i, 'atribut peristiwa (on…=)'],
  [/javascript:/i, 'tautan javascript:'],
  [/<!ENTITY/i, 'deklarasi ENTITY'],
  [/(?:xlink:)?href\s*=\s*["']\s*(?:https?:|\/\/|file:)/i, 'gambar atau berkas dari luar'],
  [/@import|url\(\s*["']?\s*(?:https?:|\/\/|file:)/i, 'gaya dari luar berkas'],
];

function inspectSvg(bytes: Uint8Array): InspectedLogo {
  const text = decodeUtf8(bytes);
  if (text === null) throw refuse('Logo harus berkas PNG atau SVG; isi berkas ini tidak dikenali.');
  // Skip what may come before the root element: BOM, XML declaration, comments, a DOCTYPE without internal subset.
  const prolog = /^(?:\uFEFF)?(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*>)*/i;
  const rest = text.slice(prolog.exec(text)![0].length);
  if (!/^<svg[\s>]/i.test(rest) || !/<\/svg\s*>\s*(?:<!--[\s\S]*?-->\s*)*$/i.test(rest)) {
    throw refuse('Logo harus berkas PNG atau SVG; isi berkas ini tidak dikenali sebagai gambar SVG.');
  }
  for (const [pattern, what] of FORBIDDEN_SVG) {
    if (pattern.test(text)) throw refuse(`Logo SVG memuat ${what}; logo kop surat hanya boleh berisi gambar. Ekspor ulang SVG-nya sebagai gambar biasa.`);
  }
  const root = /^<svg\b[^>]*>/i.exec(rest)![0];
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1] ?? null;
  const length = (value: string | null) => {
    const match = value ? /^\s*([\d.]+)\s*(px)?\s*$/.exec(value) : null;
    return match ? Number(match[1]) : null;
  };
  let width = length(attribute('width'));
  let height = length(attribute('height'));
  const viewBox = attribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if ((width === null || height === null) && viewBox?.length === 4 && viewBox.every(Number.isFinite)) {
    width = viewBox[2];
    height = viewBox[3];
  }
  if (width === null || height === null || width <= 0 || height <= 0) {
    throw refuse('Logo SVG tidak menyatakan ukurannya (atribut viewBox atau width/height pada elemen <svg>); ekspor ulang dengan viewBox.');
  }
  return { mimeType: 'image/svg+xml', width, height };
}

/** Strict UTF-8 decoding (shared code has no TextDecoder): null for any malformed, overlong or surrogate sequence. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const first = bytes[i];
    const length = first < 0x80 ? 1 : first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return null;
    let code = length === 1 ? first : first & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return null;
      code = (code << 6) | (next & 0x3f);
    }
    const smallest = [0, 0, 0x80, 0x800, 0x10000][length];
    if (code < smallest || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}
