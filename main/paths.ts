import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or unpacked app) root, for the development launchers, the web host and the print build. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where `vite build -c renderer/vite.config.ts` puts the renderer that the web host serves and prints from. */
export const WEB_RENDERER_DIR = path.join(REPO_ROOT, 'out/web');
