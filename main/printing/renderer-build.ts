// The headless printers print the built renderer (out/web). The CLI and the bench make sure it exists and is
// not older than its sources, building it (about two seconds) when needed, so `npm run cli -- report …` works
// right after `npm ci` and never prints yesterday's layout.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { REPO_ROOT, WEB_RENDERER_DIR } from '../paths';

const SOURCES = ['renderer', 'shared'];

function newestSourceMtime(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|css|html|svg)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const folder of SOURCES) if (fs.existsSync(path.join(root, folder))) walk(path.join(root, folder));
  return newest;
}

/** Returns the folder with the built renderer, building it first when it is missing or stale. */
export function ensureRendererBuilt(note: (text: string) => void, root = REPO_ROOT, outDir = WEB_RENDERER_DIR): string {
  const index = path.join(outDir, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (builtAt > 0 && newestSourceMtime(root) <= builtAt) return outDir;
  note(builtAt ? 'Tampilan laporan lebih lama dari kode sumbernya; membangun ulang…' : 'Membangun tampilan laporan (sekali saja)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'renderer/vite.config.ts', '--logLevel', 'error'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0 || !fs.existsSync(index)) {
    throw new AppError('internal', `Tampilan laporan gagal dibangun (npm run build:web): ${(result.stderr || result.stdout || '').trim().split('\n').slice(0, 3).join(' ')}`);
  }
  return outDir;
}
