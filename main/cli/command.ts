import type { Args } from './args';

export interface CliIo {
  /** Machine output (JSON) or the human report: stdout. */
  out(text: string): void;
  /** Progress and notes: stderr, so `--json` output stays clean. */
  note(text: string): void;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Takes `--db postgres://…` (a team database); every other command refuses one with the reason. */
  acceptsServer?: boolean;
  /** Returns the process exit code. */
  run(args: Args, io: CliIo): Promise<number>;
}
