// A PDF page as pixels (pdftoppm's PPM output, read without an image library), for checks on what a reader sees:
// here, that every table's right border is drawn inside the page's printable area.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PagePixels {
  width: number;
  height: number;
  /** [r, g, b] at (x, y). */
  at(x: number, y: number): [number, number, number];
}

export function renderPage(file: string, page: number, dpi: number): PagePixels {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-ppm-'));
  try {
    const base = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, base]);
    const data = fs.readFileSync(`${base}.ppm`);
    // "P6\n<w> <h>\n<max>\n" then RGB bytes.
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('not a PPM');
    const width = Number(header[1]);
    const height = Number(header[2]);
    const offset = header[0].length;
    return {
      width, height,
      at: (x, y) => {
        const i = offset + (y * width + x) * 3;
        return [data[i], data[i + 1], data[i + 2]];
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Table header cells are filled with #e6edf1 (report.css); allow for anti-aliasing. */
const isHeaderFill = ([r, g, b]: [number, number, number]) => Math.abs(r - 230) <= 6 && Math.abs(g - 237) <= 6 && Math.abs(b - 241) <= 6;
const isLine = ([r, g, b]: [number, number, number]) => r < 215 && g < 222 && b < 228;

/**
 * Pixel rows that cross a table header, with where the header's fill ends on the right and whether a border line
 * follows it within `reach` pixels and before `clipX` (the right edge of the printable area).
 */
export function headerRightEdges(pixels: PagePixels, clipX: number, reach = 6): Array<{ y: number; fillEnd: number; borderInside: boolean }> {
  const rows: Array<{ y: number; fillEnd: number; borderInside: boolean }> = [];
  for (let y = 0; y < pixels.height; y += 2) {
    let fillEnd = -1;
    let run = 0;
    // A table's header row is several cells of header fill divided by cell borders; a chart's light band (the
    // category bands of a bar chart) is one unbroken run and is not a header.
    let cells = 0;
    for (let x = 0; x < pixels.width; x++) {
      if (isHeaderFill(pixels.at(x, y))) {
        run += 1;
        if (run === 20) cells += 1;
        if (run >= 20) fillEnd = x;
      } else run = 0;
    }
    if (fillEnd < 0 || cells < 2) continue;
    let borderInside = false;
    for (let x = fillEnd + 1; x <= Math.min(pixels.width - 1, fillEnd + reach); x++) {
      if (x < clipX && isLine(pixels.at(x, y))) borderInside = true;
    }
    rows.push({ y, fillEnd, borderInside });
  }
  return rows;
}
