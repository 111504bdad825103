// `npm run start:web`: builds the renderer, serves the app on 127.0.0.1 and opens it in a Chromium window.
// The same database as the desktop app is used unless --db PATH or JENJANG_DB says otherwise.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { serve } from '../web/serve';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../printing/chromium';

function buildRenderer(): void {
  console.error('Membangun tampilan Jenjang…');
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO_ROOT, stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Tampilan Jenjang gagal dibangun; lihat pesan di atas.');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  buildRenderer();
  const web = await serve();
  console.log(`Jenjang berjalan di ${web.url} (hanya dapat diakses dari komputer ini).`);
  if (process.argv.includes('--no-browser')) {
    console.log(`Buka: ${web.launchUrl}`);
    return;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.log(`Chromium tidak ditemukan; buka alamat ini di peramban: ${web.launchUrl}`);
    return;
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-web-'));
  const browser = spawn(chromium, [...QUIET_CHROMIUM_FLAGS, '--lang=id', `--user-data-dir=${profile}`, `--app=${web.launchUrl}`, '--window-size=1400,900'], {
    stdio: 'ignore',
  });
  console.log('Tutup jendela Jenjang atau tekan Ctrl+C untuk berhenti.');
  const opened = Date.now();
  browser.on('exit', async (code) => {
    fs.rmSync(profile, { recursive: true, force: true });
    // A window that dies at once (no display, a broken browser) must not take the server with it.
    if (code !== 0 && Date.now() - opened < 5_000) {
      console.log(`Jendela Chromium tidak dapat dibuka; buka alamat ini di peramban: ${web.launchUrl}`);
      return;
    }
    await web.close();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error((error as Error).message ?? error);
  process.exit(1);
});
