// Plain database bytes that Jenjang no longer needs (a plain database after its encryption, what a killed
// encryption left behind) are overwritten before the file is removed, so the file's blocks do not keep the
// personal data for whoever reads the disk next. On SSDs and copy-on-write filesystems the drive may keep old
// blocks elsewhere; overwriting is what a program can do, full-disk encryption covers the rest.

import fs from 'node:fs';

const CHUNK = 1024 * 1024;

/** Overwrites `file` with zeros, flushes it to disk and removes it. A missing file is fine. */
export function shredFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    fs.rmSync(file, { force: true });
    return;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let offset = 0; offset < size; offset += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - offset), offset);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file, { force: true });
}
