import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for fixtures kept in the repository (assets, sample files). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
