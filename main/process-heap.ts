// How far the JavaScript heap of a Jenjang process may grow beyond what is alive. A host keeps little between calls
// (the data is in the database) but its bulk work allocates in bursts that die within the call: a first import,
// a full rebuild of a derived table, a district-wide dashboard. V8's default lets the heap grow to several times the
// live data before it collects the old generation, which suits a server's throughput; on a desk's machine that was
// 472 MB resident at the end of an import of 50,000 employees and 601–629 MB after three readiness rebuilds, while a
// forced collection showed 50–110 MB alive. Growth of at most 50 % after each full collection kept them at 411 and
// 301–427 MB, for 6–7 more full collections of about 20 ms each (at 20 % it was 374 and 346 MB, but the import's
// full collections took about a second more). Measured with --trace-gc, README › Benchmarks, memory. The flag is
// process-wide (reader threads included) and V8 reads it at each collection, so setting it when the host starts
// is enough.

import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

let applied = false;

/** Applies the heap growth limit to this process (once; later calls do nothing). */
export function keepHeapNearLiveData(): void {
  if (applied) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  applied = true;
}
