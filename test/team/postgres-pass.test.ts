// Every test file that opens a host says whether it runs in the PostgreSQL pass (test/postgres-pass.ts): in it, or
// left out with a reason. A new file that opens a host and is in neither list fails here.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_ONLY, ON_SERVER } from '../postgres-pass';
import { ROOT } from '../helpers/paths';

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(relative);
    return entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

describe('the PostgreSQL pass', () => {
  it('names every test file that opens a host once: on a server, or left out with a reason', () => {
    // openTestHost, or hostsOnBoth (one host on each database, opened with it).
    const opening = testFiles('test').filter((file) => /\b(openTestHost|hostsOnBoth)\(/.test(fs.readFileSync(path.join(ROOT, file), 'utf8'))).sort();
    const listed = [...ON_SERVER, ...Object.keys(FILE_ONLY)];
    expect(new Set(listed).size, 'a file is in both lists, or twice in one').toBe(listed.length);
    expect([...listed].sort()).toEqual(opening);
    for (const reason of Object.values(FILE_ONLY)) expect(reason.length).toBeGreaterThan(5);
  });
});
