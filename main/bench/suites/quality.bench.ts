// Kualitas Data over the whole district: the index (a sum over the derived table employee_quality plus the two
// checks that change with the day, per perangkat daerah) and one check's list, through the dispatcher; and what
// keeping the table costs the writers: its rebuild for everyone (an import that touches most people) and its
// refresh for 5 % of the active employees (a monthly re-import). Budget: the whole index ≤ 1 s.

import { refreshQualityChecks } from '../../db/sql/quality.sql';
import type { BenchSuite } from '../context';
import { fmt, median, printLines, timeMs } from '../measure';

export const qualitySuite: BenchSuite = {
  name: 'quality',
  async run({ host, record, query, writeTransaction }) {
    const overviewTimes: number[] = [];
    let population = 0;
    for (let i = 0; i < 7; i++) {
      const { ms, result } = await timeMs(() => host.call('quality:overview', {}));
      if (!result.ok) throw new Error(result.error.message);
      population = result.data.population;
      overviewTimes.push(ms);
    }
    const findingsTimes: number[] = [];
    for (const check of ['pendidikan', 'nip_tanggal_lahir', 'duplikat_nama_tanggal_lahir', 'skp_tahun_lalu', 'aktif_melewati_pensiun']) {
      const { ms, result } = await timeMs(() => host.call('quality:findings', { check, offset: 0, limit: 100 }));
      if (!result.ok) throw new Error(result.error.message);
      findingsTimes.push(ms);
    }
    // The writers' side, on the bench database itself (the rows come out as they were).
    const active = await query<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' ORDER BY id`);
    const sample = active.filter((_, i) => i % 20 === 0).map((r) => r.id);
    const rebuild = await timeMs(() => writeTransaction((run) => refreshQualityChecks(run, 'all')));
    const partial = await timeMs(() => writeTransaction((run) => refreshQualityChecks(run, sample)));
    const worst = Math.max(...overviewTimes);
    printLines(`Kualitas Data (${population.toLocaleString('en-US')} active employees)`, [
      { label: `index for the district and every perangkat daerah, ${overviewTimes.length} calls`, value: `p50 ${fmt(median(overviewTimes))}, max ${fmt(worst)}`, budget: '≤ 1 s', pass: worst <= 1000 },
      { label: `one check's list (first 100), ${findingsTimes.length} checks`, value: `p50 ${fmt(median(findingsTimes))}, max ${fmt(Math.max(...findingsTimes))}` },
      { label: 'employee_quality rebuilt for every active employee (one transaction)', value: fmt(rebuild.ms) },
      { label: `employee_quality refreshed for ${sample.length.toLocaleString('en-US')} employees (5 %)`, value: fmt(partial.ms) },
    ]);
    record('quality', { overviewP50: median(overviewTimes), overviewMax: worst, findingsP50: median(findingsTimes), rebuildMs: rebuild.ms, refresh5pctMs: partial.ms });
  },
};
