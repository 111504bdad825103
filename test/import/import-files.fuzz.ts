// The import file fuzzer: seeded mutations of valid SIASN, SKP and kompetensi files (CSV and XLSX, see
// test/import/fuzz/import-fuzz.ts), each imported in a child process with a deadline through the real dispatcher
// on a real database. Every case must end within the deadline with a structured answer, and a refused file must
// leave the database as it was.
//
// `npm test` runs a few hundred cases with a fixed seed; `npm run fuzz` (vitest.fuzz.config.ts) runs many
// thousands with a fresh seed, printed so a failure can be replayed with JENJANG_FUZZ_SEED=<seed>
// (JENJANG_FUZZ_CASES sets how many). Every violation is collected (not only the first), and the full run
// writes them to artifacts/fuzz/import-<seed>.jsonl.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportSandbox } from '../helpers/import-sandbox';
import { tempDir } from '../helpers/temp-db';
import { prepareFuzz, runCase, sampleCases, type BaseFile } from './fuzz/import-fuzz';

const FULL = process.env.JENJANG_FUZZ === 'full';
const SEED = Number(process.env.JENJANG_FUZZ_SEED ?? (FULL ? Date.now() % 2 ** 31 : 20261124));
const CASES = Number(process.env.JENJANG_FUZZ_CASES ?? (FULL ? 5_000 : 300));
/** Child processes side by side, each with its own database (two cores on this machine). */
const WORKERS = 2;
/** Every case must be answered within this (a loaded 2-core machine; a 24 MB case takes a few seconds). */
const DEADLINE_MS = 30_000;

describe(`import files, fuzzed (seed ${SEED}, ${CASES} cases)`, () => {
  const dir = tempDir('jenjang-fuzz-');
  let bases: BaseFile[];
  let templateDb: string;
  const sandboxes: ImportSandbox[] = [];

  beforeAll(async () => {
    if (FULL) console.log(`import fuzz: seed ${SEED}, ${CASES} cases (replay with JENJANG_FUZZ_SEED=${SEED})`);
    ({ bases, templateDb } = await prepareFuzz(dir));
  }, 180_000);
  afterAll(async () => {
    for (const sandbox of sandboxes) await sandbox.close();
  });

  it('every mutated file is answered in time; refusals are structured and write nothing', async () => {
    const cases = sampleCases(bases.length, CASES, SEED);
    const outcomes: Record<string, number> = {};
    const violations: Array<{ index: number; problem: string; base: string; size: number }> = [];
    let next = 0;
    await Promise.all(Array.from({ length: WORKERS }, async (_, worker) => {
      const workDir = fs.mkdtempSync(path.join(dir, `worker-${worker}-`));
      const sandbox = new ImportSandbox(templateDb, workDir);
      sandboxes.push(sandbox);
      while (next < cases.length) {
        const index = next++;
        const { answer, problem, size } = await runCase({ bases, dir: workDir, sandbox, deadlineMs: DEADLINE_MS }, cases[index]);
        outcomes[answer.outcome] = (outcomes[answer.outcome] ?? 0) + 1;
        if (problem) violations.push({ index, problem, base: bases[cases[index].base].name, size });
        if (FULL && (index + 1) % 500 === 0) console.log(`  ${index + 1} cases: ${JSON.stringify(outcomes)}`);
      }
    }));
    if (FULL) {
      console.log(`import fuzz: seed ${SEED}, ${CASES} cases: ${JSON.stringify(outcomes)}`);
      if (violations.length > 0) {
        fs.mkdirSync('artifacts/fuzz', { recursive: true });
        const out = path.resolve(`artifacts/fuzz/import-${SEED}.jsonl`);
        fs.writeFileSync(out, violations.map((v) => JSON.stringify({ ...v, case: cases[v.index] })).join('\n') + '\n');
        console.log(`${violations.length} case(s) broke the contract: ${out}`);
      }
    }
    expect(violations.map((v) => `case ${v.index} (${v.base}, ${v.size} bytes): ${v.problem.slice(0, 300)}`)).toEqual([]);
    // Both sides of the property were exercised: files refused as a whole and files read row by row.
    expect(outcomes.refused).toBeGreaterThan(CASES / 30);
    expect((outcomes.previewed ?? 0) + (outcomes.committed ?? 0)).toBeGreaterThan(CASES / 6);
  }, FULL ? 6 * 60 * 60_000 : 600_000);
});
