// Many clients at once: ten clients load Pegawai list pages back to back while one person types searches (a
// keystroke every 120 ms), through the dispatcher as the web host and Electron call it. Measured three ways in
// the same run: one client alone, all of them on the single serial queue (no readers: every read waits its
// turn), and all of them with the readers (2 worker threads with read-only connections, fair queuing between
// clients).

import type { Dispatch } from '../../ipc/dispatcher';
import { startHost } from '../../host';
import { Random } from '../../demo/random';
import { fixedClock } from '../../services/clock';
import type { BenchSuite } from '../context';
import { fmt, median, percentile, printLines, timeMs } from '../measure';

const LOADERS = 10;
const SEARCHES = 150;
const KEYSTROKE_MS = 120;
const READERS = 2;

interface Workload {
  searches: string[];
  pages: Array<Record<string, unknown>>;
}

interface Figures {
  searchP50: number;
  searchP95: number;
  searchMax: number;
  pageP50: number;
  pageP95: number;
  pagesPerSecond: number;
}

export const concurrencySuite: BenchSuite = {
  name: 'concurrency',
  notOnServer: 'reader threads serve a desk\'s file; on a server the desks suite runs ten desks instead',
  async run({ host, dbPath, asOf, record }) {
    const workload = await buildWorkload(host.dispatch, host.services.dataSource);

    const alone = await phase('one client, serial queue', () => measure(host.dispatch, workload, 0));
    const serial = await phase('serial queue under load', () => measure(host.dispatch, workload, LOADERS));
    const withReaders = await startHost({ dbPath, transport: 'test', create: false, clock: fixedClock(asOf), readers: READERS });
    let pooled: Figures;
    let pooledAlone: Figures;
    try {
      const ready = await withReaders.readersReady();
      if (ready !== READERS) throw new Error(`only ${ready} of ${READERS} readers started`);
      pooledAlone = await phase('one client, readers', () => measure(withReaders.dispatch, workload, 0));
      pooled = await phase('readers under load', () => measure(withReaders.dispatch, workload, LOADERS));
    } finally {
      await withReaders.close();
    }

    const line = (label: string, f: Figures, budget?: boolean) => [
      { label: `${label}: search as you type`, value: `p50 ${fmt(f.searchP50)}, p95 ${fmt(f.searchP95)}, max ${fmt(f.searchMax)}`,
        ...(budget ? { budget: 'p95 ≤ 30 ms', pass: f.searchP95 <= 30 } : {}) },
      { label: `${label}: list page`, value: `p50 ${fmt(f.pageP50)}, p95 ${fmt(f.pageP95)}${f.pagesPerSecond ? `, ${f.pagesPerSecond.toFixed(0)} pages/s` : ''}` },
    ];
    printLines(`Concurrent clients: ${LOADERS} loading Pegawai pages + 1 typing a search every ${KEYSTROKE_MS} ms (${SEARCHES} searches)`, [
      ...line('one client, serial queue', alone),
      ...line('one client, readers', pooledAlone),
      ...line(`${LOADERS + 1} clients, serial queue (no readers)`, serial),
      ...line(`${LOADERS + 1} clients, ${READERS} readers`, pooled, true),
    ]);
    record('concurrency', { loaders: LOADERS, readers: READERS, alone, pooledAlone, serial, pooled });
  },
};

/** Says how long each measure took, so a slow run shows where its time goes. */
async function phase<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  concurrency: ${label} measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function buildWorkload(dispatch: Dispatch, dataSource: { query(sql: string): Promise<Array<Record<string, unknown>>> }): Promise<Workload> {
  const rng = new Random(2027);
  const samples = await dataSource.query('SELECT nip, name FROM employee ORDER BY random() LIMIT 60') as Array<{ nip: string; name: string }>;
  // What a search box sends while someone types a name or a NIP: every prefix from the third character on.
  const searches: string[] = [];
  for (const e of samples) {
    const typed = rng.chance(0.5) ? e.nip : e.name;
    for (let i = 3; i <= Math.min(typed.length, 9); i++) searches.push(typed.slice(0, i));
    if (searches.length >= SEARCHES) break;
  }
  const units = await dataSource.query('SELECT id FROM unit WHERE depth = 0') as Array<{ id: number }>;
  const [{ n: total }] = await dataSource.query('SELECT COUNT(*) n FROM employee') as Array<{ n: number }>;
  const sorts = ['name', 'nip', 'golongan', 'unit', 'position', 'birthDate', 'retirementDate'];
  const pages: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 400; i++) {
    pages.push({
      status: rng.chance(0.8) ? ['active'] : undefined,
      unitId: rng.chance(0.3) ? rng.pick(units).id : undefined,
      sort: { field: sorts[i % sorts.length], direction: rng.chance(0.5) ? 'asc' : 'desc' },
      offset: rng.chance(0.5) ? 0 : rng.int(0, Math.floor((total * 0.8) / 100)) * 100,
      limit: 100,
    });
  }
  // Warm both paths' statement caches the same way before anything is timed.
  for (const request of pages.slice(0, 7)) await dispatch('employees:list', request);
  return { searches: searches.slice(0, SEARCHES), pages };
}

/** Runs the typist to the end of its searches while `loaders` clients load pages back to back. */
async function measure(dispatch: Dispatch, workload: Workload, loaders: number): Promise<Figures> {
  let stop = false;
  const pageTimes: number[] = [];
  const started = performance.now();
  const loading = Array.from({ length: loaders }, async (_, client) => {
    for (let i = client; !stop; i += loaders) {
      const { ms, result } = await timeMs(() => dispatch('employees:list', workload.pages[i % workload.pages.length], { client: `tab-${client}` }));
      if (!result.ok) throw new Error(result.error.message);
      if (!stop) pageTimes.push(ms);
      // A client's next request arrives as a new event (an IPC message, an HTTP request), never in the same
      // microtask run: without this turn the ten loaders' promise chains keep the event loop from ever reaching
      // the typist's timer on the serial queue, and the bench measures that instead of the queue.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  // A search's time runs from its keystroke to its answer, as the person typing sees it: it includes any wait for
  // the event loop (a timer that fires late because the process is busy with pages is a late answer too).
  const searchTimes: number[] = [];
  const typingStarted = performance.now();
  for (const [k, search] of workload.searches.entries()) {
    const keystrokeAt = typingStarted + k * KEYSTROKE_MS;
    const early = keystrokeAt - performance.now();
    if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
    const result = await dispatch('employees:list', { search, status: ['active'], limit: 100 }, { client: 'typist' });
    if (!result.ok) throw new Error(result.error.message);
    searchTimes.push(performance.now() - keystrokeAt);
  }
  stop = true;
  const elapsedS = (performance.now() - started) / 1000;
  await Promise.all(loading);
  if (loaders === 0) {
    // Alone: the same pages, one after the other, for the single-client page figure.
    for (const request of workload.pages.slice(0, 150)) pageTimes.push((await timeMs(() => dispatch('employees:list', request))).ms);
  }
  return {
    searchP50: median(searchTimes), searchP95: percentile(searchTimes, 95), searchMax: Math.max(...searchTimes),
    pageP50: median(pageTimes), pageP95: percentile(pageTimes, 95), pagesPerSecond: loaders > 0 ? pageTimes.length / elapsedS : 0,
  };
}
