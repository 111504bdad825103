// Starts the core and the web host. Used by `npm run start:web` (through launch/start-web.ts) and by the
// Playwright tests, which read the "JENJANG_WEB_READY <url>" line from stdout.
//
//   tsx main/web/serve.ts --db PATH [--port N] [--token T] [--static DIR] [--readers N] [--validate-responses]
//
// --readers N (or JENJANG_READERS): worker threads serving reads beside the writer; default 2, 0 turns them off.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { defaultUserDataDir, resolveDatabasePath } from '../db/database-path';
import { readersFromEnvironment, startHost } from '../host';
import { WEB_RENDERER_DIR } from '../paths';
import { createChromiumPrinter } from '../printing/chromium-printer';
import { startWebHost, type RunningWebHost } from './web-host';


function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

export async function serve(): Promise<RunningWebHost> {
  const dbPath = resolveDatabasePath(process.argv, process.env, defaultUserDataDir());
  const readers = readersFromEnvironment(option('readers') === undefined ? process.env : { JENJANG_READERS: option('readers') });
  const host = await startHost({ dbPath, transport: 'web', validateResponses: process.argv.includes('--validate-responses'), readers });
  const web = await startWebHost({
    host,
    staticDir: option('static') ?? WEB_RENDERER_DIR,
    port: option('port') ? Number(option('port')) : 0,
    token: option('token') ?? process.env.JENJANG_WEB_TOKEN,
  });
  // "Ekspor PDF" in web mode: a headless Chromium prints the report route of this very host.
  host.setPrinter(createChromiumPrinter({ baseUrl: web.url, issueToken: (ttlMs) => web.issueScopedToken(['reports:render'], ttlMs) }));
  const shutdown = async () => {
    await web.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  return web;
}

const isEntry = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  serve()
    .then((web) => {
      console.log(`JENJANG_WEB_READY ${web.url}`);
    })
    .catch((error) => {
      console.error(error instanceof AppError ? error.message : error);
      process.exit(1);
    });
}
