// The few ZIP facts an XLSX reader needs: the central directory (names, sizes, offsets) and a stream of one
// entry's bytes, inflated as they are read. Nothing is loaded whole: a 200 MB workbook costs a few megabytes.

import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

/** Reads the central directory at the end of the file (End Of Central Directory record, then its entries). */
export function readZipDirectory(filePath: string): Map<string, ZipEntry> {
  const fd = fs.openSync(filePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557); // EOCD (22 bytes) + the longest comment
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('akhir arsip ZIP tidak ditemukan (berkas terpotong atau rusak)');
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset + directorySize > size) throw new ZipError('direktori arsip ZIP di luar berkas');
    const directory = Buffer.alloc(directorySize);
    fs.readSync(fd, directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(p) !== 0x02014b50) throw new ZipError('entri direktori ZIP rusak');
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
      entries.set(name, {
        name,
        method: directory.readUInt16LE(p + 10),
        compressedSize: directory.readUInt32LE(p + 20),
        size: directory.readUInt32LE(p + 24),
        localHeaderOffset: directory.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** The entry's uncompressed bytes as a stream (stored or deflated entries, as XLSX writers produce). */
export function openZipEntry(filePath: string, entry: ZipEntry): Readable {
  const fd = fs.openSync(filePath, 'r');
  const header = Buffer.alloc(30);
  try {
    fs.readSync(fd, header, 0, 30, entry.localHeaderOffset);
  } finally {
    fs.closeSync(fd);
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`entri ${entry.name} rusak`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  // 64 KB pieces keep the decoded XML in V8's young generation (see csv-reader.ts).
  const raw = fs.createReadStream(filePath, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 16 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipError(`metode kompresi ${entry.method} tidak didukung`);
  const inflate = zlib.createInflateRaw({ chunkSize: 1 << 16 });
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate);
}

/** A small entry (workbook.xml, its relationships, shared strings) as text. */
export async function readZipText(filePath: string, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of openZipEntry(filePath, entry) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
