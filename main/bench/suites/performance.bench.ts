// Evaluation history and talent: the 9-box and the predikat distribution (p95 ≤ 100 ms per IPC call) over
// the 50,000-employee database with ten years of SKP.

import { Random } from '../../demo/random';
import type { BenchSuite } from '../context';
import { fmt, median, percentile, printLines, timeMs } from '../measure';

export const performanceSuite: BenchSuite = {
  name: 'performance',
  async run({ host, record, query }) {
    const rng = new Random(11);
    const count = async (sql: string) => Number((await query<{ n: number }>(sql))[0].n);
    const evaluations = await count(`SELECT COUNT(*) AS n FROM performance_evaluation`);
    const years = await count(`SELECT COUNT(DISTINCT year) AS n FROM performance_evaluation WHERE period = 'tahunan'`);
    const latest = (await host.services.performance.years()).latest!;
    const opds = await query<{ id: number }>('SELECT id FROM unit WHERE parent_id IS NULL');
    const population = (i: number) => ({
      parentUnitId: i % 3 === 0 ? undefined : rng.pick(opds).id,
      kinds: i % 4 === 1 ? [rng.pick(['fungsional', 'pelaksana', 'administrator'] as const)] : undefined,
    });

    const nineboxTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const year = i % 5 === 4 ? latest - 1 : latest;
      const { ms, result } = await timeMs(() => host.call('talent:ninebox', { ...population(i), year, peoplePerBox: 6 }));
      if (!result.ok) throw new Error(result.error.message);
      nineboxTimes.push(ms);
    }
    const distributionTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const { ms, result } = await timeMs(() => host.call('performance:distribution', population(i)));
      if (!result.ok) throw new Error(result.error.message);
      distributionTimes.push(ms);
    }
    const nineP95 = percentile(nineboxTimes, 95);
    const distP95 = percentile(distributionTimes, 95);
    printLines(`Evaluation history and talent (${Number(evaluations).toLocaleString('en-US')} SKP rows, ${years} years)`, [
      { label: `9-box, ${nineboxTimes.length} calls (district, OPDs, kinds, two years)`, value: `p50 ${fmt(median(nineboxTimes))}, p95 ${fmt(nineP95)}`, budget: 'p95 ≤ 100 ms', pass: nineP95 <= 100 },
      { label: `predikat distribution, ${distributionTimes.length} calls`, value: `p50 ${fmt(median(distributionTimes))}, p95 ${fmt(distP95)}`, budget: 'p95 ≤ 100 ms', pass: distP95 <= 100 },
    ]);
    record('performance', { evaluations, years, nineboxP50: median(nineboxTimes), nineboxP95: nineP95, distributionP50: median(distributionTimes), distributionP95: distP95 });
  },
};
