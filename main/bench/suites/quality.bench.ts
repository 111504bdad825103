// Kualitas Data over the whole district: the index (every check over every active employee, per perangkat
// daerah) and one check's list, through the dispatcher. Budget: the whole index ≤ 1 s.

import type { BenchSuite } from '../context';
import { fmt, median, printLines, timeMs } from '../measure';

export const qualitySuite: BenchSuite = {
  name: 'quality',
  async run({ host, record }) {
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
    const worst = Math.max(...overviewTimes);
    printLines(`Kualitas Data (${population.toLocaleString('en-US')} active employees)`, [
      { label: `index for the district and every perangkat daerah, ${overviewTimes.length} calls`, value: `p50 ${fmt(median(overviewTimes))}, max ${fmt(worst)}`, budget: '≤ 1 s', pass: worst <= 1000 },
      { label: `one check's list (first 100), ${findingsTimes.length} checks`, value: `p50 ${fmt(median(findingsTimes))}, max ${fmt(Math.max(...findingsTimes))}` },
    ]);
    record('quality', { overviewP50: median(overviewTimes), overviewMax: worst, findingsP50: median(findingsTimes) });
  },
};
