// Files brought in for import, whatever the transport: a path picked in Electron's dialog or named on the CLI
// (read in place), a body streamed to the web host's upload route, or chunks sent over IPC (drag and drop in
// Electron). Each gets an id the renderer passes to `import:preview`; nothing large ever travels as one JSON
// body. Every file is looked at once on arrival: size limit, SHA-256, and what it is (XLSX, text and its
// encoding, a password-protected or legacy Excel file, something else).

import { isUtf8 } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../shared/errors';
import { formatNumberId } from '../../shared/format/id-format';
import { IMPORT_LIMITS } from './limits';

/** Files of 200 MB (decimal) and more are refused before anything is parsed (IMPORT_LIMITS.fileBytes). */
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.fileBytes;

export type FileFormat = 'xlsx' | 'text' | 'empty' | 'encrypted' | 'xls' | 'binary';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface StoredFile {
  id: string;
  /** The name the user knows (no folders). */
  name: string;
  path: string;
  size: number;
  sha256: string;
  format: FileFormat;
  /** For text files. */
  encoding: TextEncoding | null;
  /** Temporary copy owned by the store (deleted with it); false for files read in place. */
  owned: boolean;
}

interface PendingUpload {
  name: string;
  path: string;
  expected: number;
  written: number;
  fd: number;
  /** When the last piece arrived (or the upload began). */
  touched: number;
}

export interface FileStoreOptions {
  /** Registered files kept (older ones and their temporary copies are dropped). */
  maxFiles?: number;
  /** Chunked uploads open at the same time; beginning one more drops the one idle longest. */
  maxPendingUploads?: number;
  /** A chunked upload without a piece for this long is dropped with its temporary file. */
  uploadIdleMs?: number;
  now?: () => number;
}

/** Unfinished chunked uploads expire after ten minutes without a piece (README, Batas dan keamanan). */
export const UPLOAD_IDLE_MS = 10 * 60 * 1000;

export function tooLargeError(size: number): AppError {
  return new AppError('validation', `Berkas terlalu besar (${formatNumberId(size / 1_000_000, 1)} MB); Jenjang menerima berkas impor di bawah 200 MB. Pecah berkas per perangkat daerah, atau simpan sebagai CSV tanpa kolom yang tidak diperlukan.`, { rejectedFile: true });
}

const uploadBroken = () => new AppError('io', 'Unggahan terputus sebelum selesai; pilih berkasnya sekali lagi.');

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly uploads = new Map<string, PendingUpload>();
  private dir: string | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly maxFiles: number;
  private readonly maxPendingUploads: number;
  private readonly uploadIdleMs: number;
  private readonly now: () => number;

  constructor(options: FileStoreOptions = {}) {
    this.maxFiles = options.maxFiles ?? 12;
    this.maxPendingUploads = options.maxPendingUploads ?? 4;
    this.uploadIdleMs = options.uploadIdleMs ?? UPLOAD_IDLE_MS;
    this.now = options.now ?? Date.now;
  }

  /** A file read in place (CLI argument, Electron dialog). */
  async registerPath(filePath: string, displayName?: string): Promise<StoredFile> {
    const resolved = path.resolve(filePath);
    const stat = fs.statSync(resolved, { throwIfNoEntry: false });
    if (!stat) throw new AppError('not_found', `Berkas tidak ditemukan: ${filePath}`, { rejectedFile: true });
    if (!stat.isFile()) throw new AppError('validation', `"${filePath}" bukan berkas.`, { rejectedFile: true });
    if (stat.size >= MAX_IMPORT_BYTES) throw tooLargeError(stat.size);
    return this.add(await inspectFile(resolved), displayName ?? path.basename(resolved), resolved, false);
  }

  /**
   * Streams a body (the web host's upload route) to a temporary file; refuses 200 MB and more as it arrives.
   * On any failure (too large, the client breaking off, a malformed body, a full disk) the temporary file is
   * removed and the body is no longer read: the caller answers and discards the rest. The source stream is
   * never destroyed here, so an HTTP caller can still send its answer.
   */
  async saveStream(stream: Readable, name: string): Promise<StoredFile> {
    const target = this.tempPath(name);
    const out = fs.createWriteStream(target);
    let size = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        let settled = false;
        const settle = (error: Error | null) => {
          if (settled) return;
          settled = true;
          stream.off('data', onData);
          stream.off('end', onEnd);
          stream.off('close', onClose);
          if (error) {
            out.destroy();
            reject(error);
          } else {
            out.end((e?: Error | null) => (e ? reject(new AppError('io', `Berkas unggahan tidak dapat disimpan: ${e.message}`)) : resolve()));
          }
        };
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size >= MAX_IMPORT_BYTES) return settle(tooLargeError(size));
          if (!out.write(chunk)) {
            stream.pause();
            out.once('drain', () => {
              if (!settled) stream.resume();
            });
          }
        };
        const onEnd = () => settle(null);
        // 'close' before 'end': the client broke off, or its chunked body was malformed.
        const onClose = () => settle(uploadBroken());
        stream.on('data', onData);
        stream.once('end', onEnd);
        stream.once('close', onClose);
        stream.on('error', () => settle(uploadBroken()));
        out.on('error', (e) => settle(new AppError('io', `Berkas unggahan tidak dapat disimpan: ${e.message}`)));
      });
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
    return this.add(await inspectFile(target), name, target, true);
  }

  /** Chunked upload over IPC (Electron drag and drop): begin, append ≤ 4 MB pieces in order, finish. */
  beginUpload(name: string, size: number): string {
    if (size >= MAX_IMPORT_BYTES) throw tooLargeError(size);
    this.expireUploads();
    // A bounded number at once: each holds a file handle and a temporary file until it finishes.
    while (this.uploads.size >= this.maxPendingUploads) {
      const idlest = [...this.uploads.entries()].sort((a, b) => a[1].touched - b[1].touched)[0][0];
      this.abortUpload(idlest);
    }
    const id = crypto.randomBytes(12).toString('base64url');
    const target = this.tempPath(name);
    this.uploads.set(id, { name, path: target, expected: size, written: 0, fd: fs.openSync(target, 'w'), touched: this.now() });
    this.sweeper ??= setInterval(() => this.expireUploads(), Math.min(60_000, this.uploadIdleMs)).unref();
    return id;
  }

  appendUpload(uploadId: string, offset: number, data: Buffer): void {
    this.expireUploads();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new AppError('not_found', 'Unggahan tidak ditemukan, sudah selesai atau kedaluwarsa (lebih dari 10 menit tanpa potongan baru); pilih berkasnya sekali lagi.');
    if (offset !== upload.written) throw new AppError('validation', `Potongan unggahan tidak berurutan (diharapkan posisi ${upload.written}, diterima ${offset}).`);
    if (upload.written + data.length > upload.expected) {
      this.abortUpload(uploadId);
      throw new AppError('validation', 'Unggahan lebih besar dari ukuran yang diumumkan.');
    }
    fs.writeSync(upload.fd, data);
    upload.written += data.length;
    upload.touched = this.now();
  }

  async finishUpload(uploadId: string): Promise<StoredFile> {
    this.expireUploads();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new AppError('not_found', 'Unggahan tidak ditemukan, sudah selesai atau kedaluwarsa (lebih dari 10 menit tanpa potongan baru); pilih berkasnya sekali lagi.');
    this.uploads.delete(uploadId);
    fs.closeSync(upload.fd);
    if (upload.written !== upload.expected) {
      fs.rmSync(upload.path, { force: true });
      throw new AppError('validation', `Unggahan belum lengkap (${upload.written} dari ${upload.expected} byte).`);
    }
    return this.add(await inspectFile(upload.path), upload.name, upload.path, true);
  }

  abortUpload(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    fs.closeSync(upload.fd);
    fs.rmSync(upload.path, { force: true });
  }

  /** The folder of the temporary copies, once one was made (for tests and diagnostics). */
  get temporaryFolder(): string | null {
    return this.dir;
  }

  /** Chunked uploads still open (for tests and diagnostics). */
  get pendingUploads(): number {
    return this.uploads.size;
  }

  /** Drops the uploads idle longer than the limit, with their handles and temporary files. */
  expireUploads(): void {
    const now = this.now();
    for (const [id, upload] of [...this.uploads]) if (now - upload.touched > this.uploadIdleMs) this.abortUpload(id);
  }

  get(id: string): StoredFile {
    const file = this.files.get(id);
    if (!file) throw new AppError('not_found', 'Berkas impor tidak ditemukan lagi (mungkin aplikasi dimulai ulang); pilih berkasnya sekali lagi.');
    return file;
  }

  remove(id: string): void {
    const file = this.files.get(id);
    if (!file) return;
    this.files.delete(id);
    if (file.owned) fs.rmSync(file.path, { force: true });
  }

  /** Deletes every temporary copy (when the host closes). */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    for (const id of [...this.uploads.keys()]) this.abortUpload(id);
    for (const id of [...this.files.keys()]) this.remove(id);
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private add(inspection: FileInspection, name: string, filePath: string, owned: boolean): StoredFile {
    const file: StoredFile = { id: crypto.randomBytes(12).toString('base64url'), name: path.basename(name) || 'berkas', path: filePath, owned, ...inspection };
    this.files.set(file.id, file);
    // Keep a handful: older ones are dropped (their temporary copies deleted).
    while (this.files.size > this.maxFiles) this.remove(this.files.keys().next().value!);
    return file;
  }

  private tempPath(name: string): string {
    if (!this.dir) this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-impor-'));
    const safe = path.basename(name).replace(/[^\w.\-]+/g, '_').slice(-80) || 'berkas';
    return path.join(this.dir, `${crypto.randomBytes(6).toString('hex')}-${safe}`);
  }
}

export interface FileInspection {
  size: number;
  sha256: string;
  format: FileFormat;
  encoding: TextEncoding | null;
}

/**
 * One pass over the file: SHA-256, and what it is from its first bytes. For text, the encoding: a BOM says it;
 * otherwise valid UTF-8 throughout means UTF-8, anything else is read as Windows-1252 (what Indonesian Excel
 * writes for "CSV (dipisahkan koma)").
 */
export async function inspectFile(filePath: string): Promise<FileInspection> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let validUtf8 = true;
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (head.length < 65_536) head = Buffer.concat([head, chunk.subarray(0, 65_536 - head.length)]);
    if (validUtf8) {
      // Validated without decoding (no megabyte strings to collect); a character cut by the chunk boundary waits.
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeUtf8Length(bytes);
      validUtf8 = isUtf8(bytes.subarray(0, cut));
      carry = Buffer.from(bytes.subarray(cut));
    }
    size += chunk.length;
  }
  if (carry.length > 0) validUtf8 = false;
  const sha256 = hash.digest('hex');
  if (size === 0 || head.toString('latin1').trim() === '') return { size, sha256, format: 'empty', encoding: null };
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { size, sha256, format: 'xlsx', encoding: null };
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // An OLE compound file: a password-protected OOXML workbook keeps its content in "EncryptedPackage".
    const encrypted = await fileContains(filePath, Buffer.from('EncryptedPackage', 'utf16le'));
    return { size, sha256, format: encrypted ? 'encrypted' : 'xls', encoding: null };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { size, sha256, format: 'text', encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { size, sha256, format: 'text', encoding: 'utf-16be' };
  if (head.includes(0) || head.subarray(0, 5).toString('latin1') === '%PDF-') return { size, sha256, format: 'binary', encoding: null };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { size, sha256, format: 'text', encoding: 'utf-8-bom' };
  return { size, sha256, format: 'text', encoding: validUtf8 ? 'utf-8' : 'windows-1252' };
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

async function fileContains(filePath: string, needle: Buffer): Promise<boolean> {
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const window = Buffer.concat([carry, chunk]);
    if (window.includes(needle)) return true;
    carry = window.subarray(Math.max(0, window.length - needle.length));
  }
  return false;
}
