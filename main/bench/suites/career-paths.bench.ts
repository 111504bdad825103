// Pola karier: the Peta Karier of one person (≤ 100 ms per IPC call) and the Jalur Karier graph with its counts
// per step (≤ 300 ms), through the real dispatcher on the demo district.

import { Random } from '../../demo/random';
import type { BenchSuite } from '../context';
import { fmt, median, percentile, printLines, timeMs } from '../measure';

export const careerPathsSuite: BenchSuite = {
  name: 'career-paths',
  async run({ host, record }) {
    const rng = new Random(17);
    const people: Array<{ id: number }> = await host.services.dataSource.query(
      `SELECT e.id FROM employee e JOIN position p ON p.id = e.position_id WHERE e.status = 'active' ORDER BY e.id`);
    const petaTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      const { ms, result } = await timeMs(() => host.call('paths:employee', { employeeId: rng.pick(people).id }));
      if (!result.ok) throw new Error(result.error.message);
      petaTimes.push(ms);
    }
    const graphTimes: number[] = [];
    let steps = 0;
    for (let i = 0; i < 10; i++) {
      const { ms, result } = await timeMs(() => host.call('paths:graph', {}));
      if (!result.ok) throw new Error(result.error.message);
      steps = result.data.paths.reduce((n, p) => n + p.steps.length, 0);
      graphTimes.push(ms);
    }
    const petaP95 = percentile(petaTimes, 95);
    const graphP95 = percentile(graphTimes, 95);
    printLines(`Pola karier (${people.length.toLocaleString('en-US')} people in a position, ${steps} steps)`, [
      { label: `Peta Karier of one person, ${petaTimes.length} calls`, value: `p50 ${fmt(median(petaTimes))}, p95 ${fmt(petaP95)}`, budget: '≤ 100 ms', pass: petaP95 <= 100 },
      { label: `Jalur Karier graph with counts, ${graphTimes.length} calls`, value: `p50 ${fmt(median(graphTimes))}, p95 ${fmt(graphP95)}`, budget: '≤ 300 ms', pass: graphP95 <= 300 },
    ]);
    record('careerPaths', { petaP50: median(petaTimes), petaP95, graphP50: median(graphTimes), graphP95, steps });
  },
};
