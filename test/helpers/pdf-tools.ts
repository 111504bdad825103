// poppler-utils around a PDF (pdfinfo, pdftotext, pdfimages, pdftoppm); .ci/run installs them.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './e2e-fixtures';

export function pdfInfo(file: string): { pages: number; pageSize: string; title: string } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  return { pages: Number(field('Pages')), pageSize: field('Page size'), title: field('Title') };
}

/** The text of every page, in reading layout; pages separated by form feeds. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Raster images embedded in the PDF (the charts and the SVG logo must be vectors: none). */
export function pdfRasterImages(file: string): string[] {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2).filter(Boolean);
}

/** Renders page 1 to artifacts/reports/<name>.png, for people to look at (CI keeps artifacts/). */
export function savePageImage(file: string, name: string, page = 1): string {
  const dir = path.join(ROOT, 'artifacts', 'reports');
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', file, base]);
  return `${base}.png`;
}

export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Every word of one page with its position (pdftotext -bbox). */
export function pdfWords(file: string, page: number): PdfWord[] {
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] }));
}

/**
 * A chart axis drawn as vector text: at least `min` words matching `pattern`, right-aligned on one x (an SVG
 * axis right-aligns its tick labels) at distinct heights. A chart pasted as a picture has no such words.
 */
export function hasVerticalAxis(words: PdfWord[], pattern: RegExp, min = 4): boolean {
  const byRightEdge = new Map<number, Set<number>>();
  for (const w of words.filter((word) => pattern.test(word.text))) {
    const key = Math.round(w.xMax);
    byRightEdge.set(key, (byRightEdge.get(key) ?? new Set()).add(Math.round(w.yMin)));
  }
  return [...byRightEdge.values()].some((heights) => heights.size >= min);
}

/** A numeric chart axis: right-aligned numbers 0, s, 2s, 3s… going up the page (a table column is not). */
export function hasNumericAxis(words: PdfWord[], min = 4): boolean {
  const columns = new Map<number, PdfWord[]>();
  for (const w of words.filter((word) => /^\d+$/.test(word.text))) columns.set(Math.round(w.xMax), [...(columns.get(Math.round(w.xMax)) ?? []), w]);
  return [...columns.values()].some((column) => {
    const values = [...column].sort((a, b) => b.yMin - a.yMin).map((w) => Number(w.text));
    if (values.length < min || values[0] !== 0) return false;
    const step = values[1] - values[0];
    return step > 0 && values.every((v, i) => v === i * step);
  });
}
