// Checks an uploaded kop-surat logo by its content (never by its file name): a complete PNG or a plain SVG
// drawing. The logo is shown through <img>, where an SVG can run no script and load nothing, but a logo that
// carries scripts or outside references is still refused: it would break elsewhere and has no business in an
// official letterhead.

import { AppError } from '../../shared/errors';
import { MAX_LOGO_BYTES } from '../../shared/ipc/channels/agency.channels';

export interface InspectedLogo {
  mimeType: 'image/png' | 'image/svg+xml';
  width: number | null;
  height: number | null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MIN_PNG_SIDE = 16;
const MAX_PNG_SIDE = 6000;

/** Other formats people try, named in the refusal so they know what to do. */
const OTHER_FORMATS: Array<[string, (b: Buffer) => boolean]> = [
  ['JPEG', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['GIF', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['WebP', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['PDF', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['BMP', (b) => b.subarray(0, 2).toString('latin1') === 'BM'],
];

const refuse = (message: string) => new AppError('validation', message, { issues: [{ path: 'logo', message }] });

export function inspectLogo(bytes: Buffer): InspectedLogo {
  if (bytes.length === 0) throw refuse('Berkas logo kosong.');
  if (bytes.length > MAX_LOGO_BYTES) throw refuse(`Berkas logo ${Math.ceil(bytes.length / 1024)} KB; paling besar 1.024 KB. Perkecil gambarnya terlebih dahulu.`);
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return inspectPng(bytes);
  const other = OTHER_FORMATS.find(([, test]) => test(bytes));
  if (other) throw refuse(`Logo harus berkas PNG atau SVG; berkas ini ${other[0]}. Simpan ulang gambarnya sebagai PNG.`);
  return inspectSvg(bytes);
}

function inspectPng(bytes: Buffer): InspectedLogo {
  // The first chunk must be IHDR (length 13) with the size; the file must end with the IEND chunk.
  if (bytes.length < 8 + 25 + 12 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw refuse('Berkas PNG rusak (header IHDR tidak ada).');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (bytes.subarray(bytes.length - 8, bytes.length - 4).toString('latin1') !== 'IEND') throw refuse('Berkas PNG terpotong atau rusak (akhir berkas tidak ditemukan).');
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

function inspectSvg(bytes: Buffer): InspectedLogo {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('Logo harus berkas PNG atau SVG; isi berkas ini tidak dikenali.');
  }
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
