// One solve of a plan model with HiGHS: the LP text in, the outcome, the gap and the non-zero column values out.
// The solver thread (plan-solver.worker.ts) runs it; it takes a loaded HiGHS so a caller that already holds one
// (the thread, a test) does not load the WebAssembly twice.

import type { Highs } from 'highs';
import type { SolverMessage, SolverOutcome } from './solver-protocol';

export type HighsResult = Extract<SolverMessage, { type: 'result' }>;

export function solveWithHighs(
  highs: Highs, lp: string,
  options: {
    timeLimitSeconds: number; mipRelGap: number; mipAbsGap?: number;
    /** A feasible plan to start from (non-zero column values by name; every other column 0). */
    start?: Record<string, number> | null;
    onProgress?(p: { seconds: number; gap: number | null; objective: number | null }): void;
  },
): HighsResult {
  const started = Date.now();
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    if (options.start) {
      // A complete vector: HiGHS checks it and, feasible, starts its search with it as the best plan so far.
      const colValue = new Float64Array(model.getDimensions().numCols);
      for (const [name, value] of Object.entries(options.start)) colValue[model.getColByName(name)] = value;
      model.setSolution({ colValue });
    }
    model.options.set({
      output_flag: false, time_limit: options.timeLimitSeconds, mip_rel_gap: options.mipRelGap,
      ...(options.mipAbsGap !== undefined ? { mip_abs_gap: options.mipAbsGap } : {}),
    });
    const result = model.run({
      [highs.constants.callbackType.mipImprovingSolution]: (event) => {
        options.onProgress?.({ seconds: (Date.now() - started) / 1000, gap: finite(event.data.mip_gap), objective: finite(event.data.objective_function_value) });
        return undefined;
      },
    });
    const codes = highs.constants.modelStatus;
    const feasible = Number(model.info.get('primal_solution_status')) === 2;
    const bound = finite(Number(model.info.get('mip_dual_bound')));
    let outcome: SolverOutcome;
    if (result.modelStatus === codes.optimal) outcome = 'optimal';
    else if (result.modelStatus === codes.infeasible) outcome = 'infeasible';
    else if (feasible) outcome = 'time_limit';
    else outcome = 'error';
    if (!feasible && options.start && outcome !== 'infeasible') {
      // Out of time before HiGHS took up even the start: the start is the plan, and how far it may be from the
      // best is the service's to bound (HiGHS's own bound, when it has one, is passed on).
      return { type: 'result', outcome: 'time_limit', values: { ...options.start }, seconds: (Date.now() - started) / 1000, gap: null, bound, objective: null, fromStart: true, detail: String(result.modelStatus) };
    }
    const values: Record<string, number> = {};
    if (feasible) {
      const { colValue } = model.getSolution();
      for (let i = 0; i < colValue.length; i++) if (Math.abs(colValue[i]) > 1e-6) values[model.getColName(i)] = colValue[i];
    }
    const rawGap = feasible ? finite(Number(model.info.get('mip_gap'))) : null;
    return {
      type: 'result', outcome, values, seconds: (Date.now() - started) / 1000,
      // Proven optimal within HiGHS' tolerance: the gap it reports is rounding, not a better plan left unfound.
      gap: outcome === 'optimal' ? 0 : rawGap,
      bound,
      objective: feasible ? model.getObjectiveValue() : null,
      fromStart: false,
      detail: String(result.modelStatus),
    };
  } finally {
    model.dispose();
  }
}

function finite(v: number | undefined): number | null {
  return v === undefined || !Number.isFinite(v) ? null : v;
}
