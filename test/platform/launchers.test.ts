import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FUSE_WIRE_INDEX, fusesOfBuilderConfig, RELEASE_FUSES } from '../../main/launch/electron-fuses';
import { tempDir } from '../helpers/temp-db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('npm start without the Electron runtime', () => {
  const cache = tempDir();

  it('says in one sentence that the runtime cannot be fetched and names npm run start:web', () => {
    const electronBinaryPresent = fs.existsSync(path.join(ROOT, 'node_modules/electron/path.txt'));
    if (electronBinaryPresent) {
      // On a machine where Electron was already fetched, npm start would launch the app: nothing to check here.
      expect(fs.existsSync(path.join(ROOT, 'node_modules/electron/dist'))).toBe(true);
      return;
    }
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'main/launch/start-electron.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      // A mirror that refuses connections: offline everywhere, and never a 100 MB download during tests.
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, JENJANG_DEBUG: '' },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/Runtime Electron tidak dapat diunduh.*npm run start:web/);
    expect(result.stderr).not.toMatch(/at .*node_modules/);
  });
});

describe('the desktop release', () => {
  const cache = tempDir();

  it('flips the hardening fuses in electron-builder.yml, the same ones the smoke run reads back', () => {
    const configured = fusesOfBuilderConfig(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
    expect(configured).toEqual(RELEASE_FUSES);
    expect(configured).toMatchObject({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      enableCookieEncryption: true, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true,
    });
    for (const name of Object.keys(configured)) expect(FUSE_WIRE_INDEX, name).toHaveProperty(name);
  });

  it('npm run smoke:electron without the Electron runtime stops with one sentence saying so', () => {
    const electronBinaryPresent = fs.existsSync(path.join(ROOT, 'node_modules/electron/path.txt'));
    if (electronBinaryPresent) {
      // Where the runtime is present the smoke run packs and drives the app: a release step, not a unit test.
      expect(fs.existsSync(path.join(ROOT, 'node_modules/electron/dist'))).toBe(true);
      return;
    }
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'main/launch/smoke-electron.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, JENJANG_DEBUG: '' },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^Runtime Electron tidak tersedia di mesin ini.*uji asap aplikasi desktop terpaket tidak dijalankan\.$/);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/at .*node_modules/);
  });
});
