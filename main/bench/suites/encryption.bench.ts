// What encryption at rest costs the screens: the Pegawai list page and the 9-box over the encrypted database
// against a plain copy of the same database, in the same run, interleaved call by call so both see the same
// machine load. (The insert figure, encrypted against plain, is printed with the demo build.) Budget: < 15 %.

import path from 'node:path';
import { backupOpenDatabase } from '../../db/backup';
import { Random } from '../../demo/random';
import { startHost, type JenjangHost } from '../../host';
import { fixedClock } from '../../services/clock';
import type { BenchSuite } from '../context';
import { fmt, median, percentile, printLines, timeMs } from '../measure';
import { decryptInPlace } from './foundation.bench';

type Call = (host: JenjangHost) => Promise<{ ok: boolean; error?: { message: string } }>;

async function interleaved(encrypted: JenjangHost, plain: JenjangHost, calls: Call[]) {
  const times = { encrypted: [] as number[], plain: [] as number[] };
  for (let i = 0; i < calls.length; i++) {
    // Alternate which side goes first, so neither always gets the warmer cache.
    const order: Array<['encrypted' | 'plain', JenjangHost]> = i % 2 === 0 ? [['encrypted', encrypted], ['plain', plain]] : [['plain', plain], ['encrypted', encrypted]];
    for (const [side, host] of order) {
      const { ms, result } = await timeMs(() => calls[i](host));
      if (!result.ok) throw new Error(result.error?.message);
      times[side].push(ms);
    }
  }
  return times;
}

export const encryptionSuite: BenchSuite = {
  name: 'encryption',
  notOnServer: 'the encryption of a desk\'s file; a server encrypts its own storage',
  async run({ host, dir, asOf, record }) {
    const plainPath = path.join(dir, 'polos.sqlite');
    await backupOpenDatabase(host.services.dataSource, plainPath);
    decryptInPlace(plainPath);
    // Read-only, so the plain copy stays plain (a write open would encrypt it).
    const plain = await startHost({ dbPath: plainPath, transport: 'test', readOnly: true, clock: fixedClock(asOf) });
    try {
      const rng = new Random(15);
      const units: Array<{ id: number }> = await host.services.dataSource.query('SELECT id FROM unit WHERE depth = 0');
      const [{ n: total }] = await host.services.dataSource.query('SELECT COUNT(*) n FROM employee');
      const sorts = ['name', 'nip', 'golongan', 'unit', 'position', 'birthDate', 'retirementDate'] as const;
      const listCalls: Call[] = Array.from({ length: 210 }, (_, i) => {
        const request = {
          status: rng.chance(0.8) ? (['active'] as Array<'active'>) : undefined,
          unitId: rng.chance(0.3) ? rng.pick(units).id : undefined,
          sort: { field: sorts[i % sorts.length], direction: rng.chance(0.5) ? ('asc' as const) : ('desc' as const) },
          offset: rng.chance(0.5) ? 0 : rng.int(0, Math.floor((total * 0.8) / 100)) * 100,
          limit: 100,
        };
        return (h) => h.call('employees:list', request);
      });
      const latest = (await host.services.performance.years()).latest!;
      const opds: Array<{ id: number }> = await host.services.dataSource.query('SELECT id FROM unit WHERE parent_id IS NULL');
      const nineboxCalls: Call[] = Array.from({ length: 60 }, (_, i) => {
        const request = { parentUnitId: i % 3 === 0 ? undefined : rng.pick(opds).id, year: i % 5 === 4 ? latest - 1 : latest, peoplePerBox: 6 };
        return (h) => h.call('talent:ninebox', request);
      });
      const list = await interleaved(host, plain, listCalls);
      const ninebox = await interleaved(host, plain, nineboxCalls);
      const cost = (t: { encrypted: number[]; plain: number[] }) => median(t.encrypted) / median(t.plain) - 1;
      const line = (label: string, t: { encrypted: number[]; plain: number[] }) => [
        { label: `${label}, encrypted`, value: `p50 ${fmt(median(t.encrypted))}, p95 ${fmt(percentile(t.encrypted, 95))}` },
        { label: `${label}, plain copy`, value: `p50 ${fmt(median(t.plain))}, p95 ${fmt(percentile(t.plain, 95))}` },
        { label: `${label}, cost of encryption (p50 encrypted / plain − 1)`, value: `${(cost(t) * 100).toFixed(1)} %`, budget: '< 15 %', pass: cost(t) < 0.15 },
      ];
      printLines(`Encryption at rest: the same database encrypted and plain (${Number(total).toLocaleString('en-US')} employees, calls interleaved)`, [
        ...line(`Pegawai list page, ${listCalls.length} calls`, list),
        ...line(`9-box, ${nineboxCalls.length} calls`, ninebox),
      ]);
      record('encryption', {
        listEncryptedP50: median(list.encrypted), listPlainP50: median(list.plain), listCost: cost(list),
        nineboxEncryptedP50: median(ninebox.encrypted), nineboxPlainP50: median(ninebox.plain), nineboxCost: cost(ninebox),
      });
    } finally {
      await plain.close();
    }
  },
};
