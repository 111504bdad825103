// Messages between the plan's solver thread (plan-solver.worker.ts) and the service that starts it (solver.ts).
// The thread starts (and compiles HiGHS' WebAssembly) while the service is still gathering the needs; the model
// follows as one 'solve' message when it is written.

export interface SolverWorkerData {
  /** From source (tsx): the worker's TypeScript entry, which the .mjs starter imports. */
  sourceEntry?: string;
}

export interface SolveRequest {
  type: 'solve';
  lp: string;
  /** Seconds HiGHS may search before it returns its best plan so far. */
  timeLimitSeconds: number;
  /** The relative gap at which HiGHS stops as optimal. */
  mipRelGap: number;
  /** The absolute gap at which HiGHS stops as optimal (model.ts: below ½ the weighted coverage is proven best). */
  mipAbsGap?: number;
  /** A feasible plan to start from (model.ts greedyStart): non-zero column values by name. */
  start?: Record<string, number> | null;
}

export type SolverOutcome = 'optimal' | 'time_limit' | 'infeasible' | 'error';

export type SolverMessage =
  | { type: 'progress'; seconds: number; gap: number | null; objective: number | null }
  | {
      type: 'result';
      outcome: SolverOutcome;
      /** Relative gap between the plan found and the best bound proven; 0 when proven optimal. */
      gap: number | null;
      /** The best bound HiGHS proved on the objective, when it has one. */
      bound: number | null;
      objective: number | null;
      /** The plan is the start given, unchanged: the time ran out before HiGHS had a plan of its own. */
      fromStart: boolean;
      /** Non-zero column values by name. */
      values: Record<string, number>;
      seconds: number;
      detail: string;
    }
  | { type: 'failed'; message: string };
