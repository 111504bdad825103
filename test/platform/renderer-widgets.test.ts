// The pure parts of the renderer's shared widgets: how dates are typed, how charts write numbers, how figures
// are laid out and how old audit entries read. The widgets themselves are exercised end to end by the specs.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryAxisHeight, fitLabel, formatAxisTick, formatChartValue, niceCeiling } from '../../renderer/src/components/charts';
import { dateTextToIso, explainDateIssue, INVALID_DATE_MESSAGE, isoToDateText } from '../../renderer/src/components/date-input';
import { tileRows } from '../../renderer/src/components/layout';
import { readableAuditText } from '../../renderer/src/components/audit-log';

describe('date input', () => {
  it('reads what an Indonesian officer types, day first', () => {
    expect(dateTextToIso('09-05-1977')).toBe('1977-05-09');
    expect(dateTextToIso('9/5/1977')).toBe('1977-05-09');
    expect(dateTextToIso('09.05.1977')).toBe('1977-05-09');
    expect(dateTextToIso('09051977')).toBe('1977-05-09');
    expect(dateTextToIso('9 Mei 1977')).toBe('1977-05-09');
    expect(dateTextToIso(' 1977-05-09 ')).toBe('1977-05-09');
  });

  it('refuses what is not a date instead of guessing', () => {
    expect(dateTextToIso('')).toBe('');
    expect(dateTextToIso('   ')).toBe('');
    expect(dateTextToIso('31-02-2020')).toBeNull();
    expect(dateTextToIso('09-05-77')).toBeNull();
    expect(dateTextToIso('31118')).toBeNull(); // an Excel serial is not something anyone types
    expect(dateTextToIso('0905197')).toBeNull();
    expect(dateTextToIso('kemarin')).toBeNull();
  });

  it('shows a stored date as dd-mm-yyyy and round-trips it', () => {
    expect(isoToDateText('1977-05-09')).toBe('09-05-1977');
    for (const iso of ['2000-02-29', '2026-11-24', '1960-12-31']) expect(dateTextToIso(isoToDateText(iso))).toBe(iso);
  });

  it('explains a refused date field in the officer\'s terms', () => {
    expect(explainDateIssue('', 'Tanggal harus berformat TTTT-BB-HH dan merupakan tanggal yang ada.', 'Tanggal mulai')).toBe('Tanggal mulai wajib diisi.');
    expect(explainDateIssue('31-02-2020', 'Tanggal harus berformat TTTT-BB-HH dan merupakan tanggal yang ada.', 'Tanggal mulai')).toBe(INVALID_DATE_MESSAGE);
    expect(explainDateIssue('2020-02-01', 'Tanggal selesai tidak boleh sebelum tanggal mulai.', 'Tanggal selesai')).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai.');
  });
});

describe('chart numbers', () => {
  it('writes axis ticks the Indonesian way, never with a float tail', () => {
    expect(formatAxisTick(100.10000000000001, 'percent')).toBe('100,1%');
    expect(formatAxisTick(25, 'percent')).toBe('25%');
    expect(formatAxisTick(1234.5, 'number')).toBe('1.234,5');
    expect(formatAxisTick(1500, 'count')).toBe('1.500');
    expect(formatAxisTick(1_500_000, 'rupiah')).toBe('1,5 jt');
    expect(formatAxisTick(0.30000000000000004, 'number')).toBe('0,3');
  });

  it('writes tooltip values with their unit', () => {
    expect(formatChartValue(12.5, 'percent')).toBe('12,5%');
    expect(formatChartValue(100, 'percent')).toBe('100%');
    expect(formatChartValue(130, 'jp')).toBe('130 JP');
    expect(formatChartValue(1250000, 'rupiah')).toBe('Rp1.250.000');
    expect(formatChartValue(null, 'count')).toBe('–');
  });

  it('ends a value scale above its highest value', () => {
    for (const value of [1, 7, 20, 70, 130, 178, 999, 1234, 52_000]) {
      const top = niceCeiling(value);
      expect(top).toBeGreaterThan(value);
      expect(top).toBeLessThanOrEqual(value * 2);
    }
  });

  it('cuts a long category name to its room with an ellipsis and leaves short ones alone', () => {
    expect(fitLabel('Dinas Kesehatan', 200, 11)).toBe('Dinas Kesehatan');
    const cut = fitLabel('Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak', 150, 11);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length * 11 * 0.58).toBeLessThanOrEqual(150 + 11);
  });

  it('slants category names only when they do not fit side by side', () => {
    expect(categoryAxisHeight(['2027', '2028', '2029', '2030', '2031'], 420, 11)).toBe(24);
    const golongan = ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'];
    expect(categoryAxisHeight(golongan, 420, 11)).toBeGreaterThan(24);
  });
});

describe('figure tiles', () => {
  it('never lets a tile wrap alone onto a row when two can share it', () => {
    for (let count = 1; count <= 14; count++) {
      for (let width = 150; width <= 1800; width += 25) {
        const rows = tileRows(count, width);
        expect(rows.reduce((a, b) => a + b, 0)).toBe(count);
        const fit = Math.floor((width + 12) / (150 + 12));
        for (const size of rows) expect(size * 150 + (size - 1) * 12 <= width || size === 1, `${count} tiles, ${width}px: ${rows}`).toBe(true);
        // One tile on a row only where two do not fit, or where there are fewer than two tiles per row to share.
        if (fit >= 2 && count >= 2 * rows.length) expect(Math.min(...rows), `${count} tiles, ${width}px: ${rows}`).toBeGreaterThanOrEqual(2);
        expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(1);
      }
    }
    expect(tileRows(8, 1100)).toEqual([4, 4]);
    expect(tileRows(7, 500)).toEqual([3, 2, 2]);
  });
});

describe('audit log text', () => {
  it('groups counts and NIPs that older entries stored in machine form, and leaves years alone', () => {
    expect(readableAuditText('Memuat data demo Kabupaten Sindangraja: 3000 pegawai, 332 unit kerja, 1491 jabatan (seed 2026)'))
      .toBe('Memuat data demo Kabupaten Sindangraja: 3.000 pegawai, 332 unit kerja, 1.491 jabatan (seed 2026)');
    expect(readableAuditText('Menambah pegawai Ani (NIP 198503122010012004)')).toBe('Menambah pegawai Ani (NIP 19850312 201001 2 004)');
    expect(readableAuditText('Mencatat SKP 2024 untuk Ani')).toBe('Mencatat SKP 2024 untuk Ani');
  });
});

describe('one widget, one place', () => {
  const root = path.resolve(import.meta.dirname, '../../renderer/src');
  const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
  const files = sources(root).map((file) => ({ file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }));

  it('draws every chart through components/charts.tsx', () => {
    const direct = files.filter((f) => /from 'recharts'/.test(f.text)).map((f) => f.file);
    expect(direct).toEqual([path.join('components', 'charts.tsx')]);
  });

  it('takes every date through the dd-mm-yyyy date input, never the browser\'s locale-bound date field', () => {
    expect(files.filter((f) => /type=["']date["']/.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it('imports no widget from another screen\'s folder', () => {
    const crossing = files.flatMap((f) => {
      const feature = /^features[\\/]([^\\/]+)/.exec(f.file)?.[1];
      // The registries compose screens from every capability: the profile's tabs and the Pengaturan sections.
      if (!feature || /(profile-tabs|settings-sections)\.tsx$/.test(f.file)) return [];
      return [...f.text.matchAll(/from '\.\.\/([a-z-]+)\/([A-Za-z-]+)'/g)]
        .filter(([, folder]) => folder !== feature && !['api', 'app', 'components', 'print'].includes(folder))
        .map(([, folder, file]) => `${f.file} → ${folder}/${file}`);
    });
    expect(crossing).toEqual([]);
  });
});
