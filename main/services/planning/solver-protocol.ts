// Messages between the plan's solver thread (plan-solver.worker.ts) and the service that starts it (solver.ts).

export interface SolverWorkerData {
  lp: string;
  /** Seconds HiGHS may search before it returns its best plan so far. */
  timeLimitSeconds: number;
  /** The relative gap at which HiGHS stops as optimal. */
  mipRelGap: number;
  /** From source (tsx): the worker's TypeScript entry, which the .mjs starter imports. */
  sourceEntry?: string;
}

export type SolverOutcome = 'optimal' | 'time_limit' | 'infeasible' | 'error';

export type SolverMessage =
  | { type: 'progress'; seconds: number; gap: number | null; objective: number | null }
  | {
      type: 'result';
      outcome: SolverOutcome;
      /** Relative gap between the plan found and the best bound proven; 0 when proven optimal. */
      gap: number | null;
      objective: number | null;
      /** Non-zero column values by name. */
      values: Record<string, number>;
      seconds: number;
      detail: string;
    }
  | { type: 'failed'; message: string };
