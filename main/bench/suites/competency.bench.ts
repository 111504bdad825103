// Competency maps: the heatmap (p95 ≤ 100 ms per IPC call) and "best match for a position" (≤ 300 ms) over the
// 50,000-employee database. Both read the derived tables kept on write (DESIGN.md: a full-scan aggregation
// over every assessment cannot meet 100 ms).

import { Random } from '../../demo/random';
import type { BenchSuite } from '../context';
import { fmt, median, percentile, printLines, timeMs } from '../measure';

export const competencySuite: BenchSuite = {
  name: 'competency',
  async run({ host, record, query }) {
    const rng = new Random(7);
    const assessments = Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM competency_assessment'))[0].n);
    const opds = await query<{ id: number }>('SELECT id FROM unit WHERE parent_id IS NULL');
    const levels = ['jpt_pratama', 'administrator', 'pengawas', 'pelaksana', 'ahli_muda', 'ahli_pertama'] as const;

    const heatmapTimes: number[] = [];
    for (let i = 0; i < 120; i++) {
      const request = {
        parentUnitId: i % 3 === 0 ? undefined : rng.pick(opds).id,
        levels: i % 4 === 1 ? [rng.pick(levels)] : undefined,
        kinds: i % 5 === 2 ? [rng.pick(['fungsional', 'pelaksana', 'administrator'] as const)] : undefined,
      };
      const { ms, result } = await timeMs(() => host.call('competency:heatmap', request));
      if (!result.ok) throw new Error(result.error.message);
      heatmapTimes.push(ms);
    }

    const positions = await query<{ id: number }>(`SELECT id FROM position WHERE level IN ('jpt_pratama', 'administrator', 'pengawas', 'ahli_madya') ORDER BY random() LIMIT 30`);
    const matchTimes: number[] = [];
    for (const { id } of positions) {
      const { ms, result } = await timeMs(() => host.call('competency:bestMatch', { positionId: id, limit: 50 }));
      if (!result.ok) throw new Error(result.error.message);
      matchTimes.push(ms);
    }

    const heatP95 = percentile(heatmapTimes, 95);
    const matchP95 = percentile(matchTimes, 95);
    printLines(`Competency maps (${Number(assessments).toLocaleString('en-US')} assessments)`, [
      { label: `heatmap, ${heatmapTimes.length} calls (top level, OPD drill-down, level/kind filters)`, value: `p50 ${fmt(median(heatmapTimes))}, p95 ${fmt(heatP95)}`, budget: 'p95 ≤ 100 ms', pass: heatP95 <= 100 },
      { label: `best match for a position, ${matchTimes.length} positions`, value: `p50 ${fmt(median(matchTimes))}, p95 ${fmt(matchP95)}, max ${fmt(Math.max(...matchTimes))}`, budget: '≤ 300 ms', pass: Math.max(...matchTimes) <= 300 },
    ]);
    record('competency', { assessments, heatmapP50: median(heatmapTimes), heatmapP95: heatP95, bestMatchP50: median(matchTimes), bestMatchP95: matchP95, bestMatchMax: Math.max(...matchTimes) });
  },
};
