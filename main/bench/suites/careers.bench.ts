// Career administration lists through the real dispatcher on the demo district: the KGB list of three months and
// the Satyalancana Karya Satya list of a year (≤ 200 ms per IPC call). "Cold" calls follow a write (the KGB list
// reads the people due in its months from employee_kgb_due; the Satyalancana list judges its population again);
// "warm" ones page and filter the same list from the cache. And what keeping the next KGB on write costs: the
// rebuild of employee_kgb_due for everyone (a whole-district import) and for one person (an everyday edit).

import { refreshKgbDue } from '../../db/kgb-due';
import { Random } from '../../demo/random';
import type { BenchSuite } from '../context';
import { fmt, median, percentile, printLines, timeMs } from '../measure';

export const careersSuite: BenchSuite = {
  name: 'careers',
  async run({ host, record, asOf, query, touch, clearWrites, writeTransaction }) {
    const rng = new Random(23);
    const opds = await query<{ id: number }>('SELECT id FROM unit WHERE parent_id IS NULL');
    const call = async (times: number[], channel: Parameters<typeof host.dispatch>[0], request: unknown) => {
      const { ms, result } = await timeMs(() => host.dispatch(channel, request));
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      times.push(ms);
      return result.data as { total: number; counts: Record<string, unknown> };
    };
    const year = Number(asOf.slice(0, 4));

    const kgbRebuild: number[] = [];
    for (let i = 0; i < 3; i++) kgbRebuild.push((await timeMs(() => writeTransaction((run) => refreshKgbDue(run, 'all')))).ms);
    const pns = await query<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' AND employment_type = 'PNS'`);
    const kgbOne: number[] = [];
    for (let i = 0; i < 20; i++) {
      const id = rng.pick(pns).id;
      kgbOne.push((await timeMs(() => writeTransaction((run) => refreshKgbDue(run, [id])))).ms);
    }

    const kgbCold: number[] = [];
    const kgbWarm: number[] = [];
    let kgbTotal = 0;
    for (let i = 0; i < 12; i++) {
      await touch();
      const unitId = i % 3 === 2 ? rng.pick(opds).id : undefined;
      const data = await call(kgbCold, 'careers:kgbList', { unitId, limit: 100 });
      if (i === 0) kgbTotal = data.total;
      for (const status of ['due', 'blocked'] as const) await call(kgbWarm, 'careers:kgbList', { unitId, status, limit: 100 });
    }
    const satyaCold: number[] = [];
    const satyaWarm: number[] = [];
    let satyaTotal = 0;
    for (let i = 0; i < 12; i++) {
      await touch();
      const unitId = i % 3 === 2 ? rng.pick(opds).id : undefined;
      const data = await call(satyaCold, 'careers:satyalancanaList', { year: year + (i % 2), unitId, limit: 100 });
      if (i === 0) satyaTotal = data.total;
      for (const status of ['eligible', 'blocked'] as const) await call(satyaWarm, 'careers:satyalancanaList', { year: year + (i % 2), unitId, status, limit: 100 });
    }
    // The Beranda panel after a write: the next KP period, three months of KGB, TMT pensiun and two years of
    // Satyalancana judged at once.
    const dueSoon: number[] = [];
    for (let i = 0; i < 5; i++) {
      await touch();
      await call(dueSoon, 'careers:dueSoon', {});
    }
    await clearWrites();
    const kgbExport: number[] = [];
    await call(kgbExport, 'careers:kgbExport', {});

    const line = (label: string, times: number[], budget = true) => {
      const max = Math.max(...times);
      return { label: `${label}, ${times.length} calls`, value: `p50 ${fmt(median(times))}, p95 ${fmt(percentile(times, 95))}, max ${fmt(max)}`, ...(budget ? { budget: 'p95 ≤ 200 ms per call', pass: percentile(times, 95) <= 200 } : {}) };
    };
    printLines('Career administration lists', [
      line(`KGB list, this month and the next two (${kgbTotal.toLocaleString('en-US')} due), after a write`, kgbCold),
      line('KGB list, paging/filtering the same list', kgbWarm),
      line(`Satyalancana list of a year (${satyaTotal.toLocaleString('en-US')} reaching 10/20/30 years), after a write`, satyaCold),
      line('Satyalancana list, paging/filtering the same list', satyaWarm),
      line('Beranda "jatuh tempo" (KP, KGB, pensiun, Satyalancana), after a write', dueSoon, false),
      line('usulan KGB XLSX', kgbExport, false),
      line('employee_kgb_due rebuilt for everyone (whole-district import)', kgbRebuild, false),
      line('employee_kgb_due refreshed for one person (an edit)', kgbOne, false),
    ]);
    record('careers', {
      kgbTotal, kgbColdP50: median(kgbCold), kgbColdMax: Math.max(...kgbCold), kgbWarmP95: percentile(kgbWarm, 95),
      satyalancanaTotal: satyaTotal, satyalancanaColdP50: median(satyaCold), satyalancanaColdMax: Math.max(...satyaCold), satyalancanaWarmP95: percentile(satyaWarm, 95),
      kgbExportMs: kgbExport[0], dueSoonP50: median(dueSoon), dueSoonMax: Math.max(...dueSoon),
      kgbDueRebuildP50: median(kgbRebuild), kgbDueOneP50: median(kgbOne),
    });
  },
};
