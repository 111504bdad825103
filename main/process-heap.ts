// How far the JavaScript heap of a Jenjang process may grow beyond what is alive. A host keeps little between calls
// (the data is in the database) but its bulk work allocates in bursts that die within the call: a first import,
// a full rebuild of a derived table, a district-wide dashboard. V8's default lets the heap grow to several times the
// live data before it collects the old generation, which suits a server's throughput; on a desk's machine that was
// 470–616 MB resident after an import of 50,000 employees and 570–690 MB in the bench's app-like process, while a
// forced collection showed 50–110 MB alive. Letting the heap grow by at most 20 % after each full collection kept the
// same import at 370–384 MB and three readiness rebuilds at 377 MB, for the same CPU within the noise of a loaded
// machine (README › Benchmarks, memory). The flag is process-wide (reader threads included) and read by V8 at each
// collection, so setting it when the host starts is enough.

import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 20;

let applied = false;

/** Applies the heap growth limit to this process (once; later calls do nothing). */
export function keepHeapNearLiveData(): void {
  if (applied) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  applied = true;
}
