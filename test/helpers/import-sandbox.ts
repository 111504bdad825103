// Imports of hostile files in a child process with a deadline. A file that makes a reader loop forever, or kills
// the process (a fatal V8 error, memory), would take the test runner down with it if it were read in-process;
// here it ends as an answer: 'timeout' or 'died', and the child is started again for the next file.

import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestOf } from '../../shared/ipc/contract';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-sandbox-child.ts');

export interface SandboxCase {
  id: number;
  file: string;
  /** The name the file is registered under (its extension does not matter: files are told apart by their bytes). */
  name?: string;
  preview?: Omit<RequestOf<'import:preview'>, 'fileId'>;
  /** Commit when the preview accepts rows, then undo it. */
  commit?: boolean;
}

export interface SandboxAnswer {
  id: number;
  outcome: 'previewed' | 'committed' | 'refused' | 'crashed' | 'timeout' | 'died';
  error?: { code: string; message: string; rejectedFile: boolean };
  counts?: { rows: number; accepted: number; rejected: number; warningRows: number; errors: number; warnings: number };
  diff?: { new: number; changed: number; absent: number; unchanged: number };
  kind?: string | null;
  blocking?: string[];
  /** Length of the longest message among the first 500 issues (-1: the issues could not be listed). */
  longestMessage?: number;
  /** The database fingerprint after the case equals the one before (for a commit: after its undo). */
  unchanged: boolean;
  ms: number;
}

export class ImportSandbox {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private stderr = '';
  private next = 0;

  /** `templateDb` is copied: the sandbox works on its own database file. */
  constructor(private readonly templateDb: string, private readonly workDir: string) {}

  private start(): Promise<void> {
    const dbPath = path.join(this.workDir, `sandbox-${Date.now()}-${this.next}.sqlite`);
    fs.copyFileSync(this.templateDb, dbPath);
    this.stderr = '';
    const child = fork(CHILD, [dbPath], { execArgv: ['--import', 'tsx', '--max-old-space-size=1536'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: { type?: string }) => {
        if (message?.type === 'ready') {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`sandbox child exited before it was ready (${code}): ${this.stderr}`)));
    });
    return this.ready;
  }

  /** Runs one case; `deadlineMs` covers the whole preview (and commit + undo). */
  async run(job: Omit<SandboxCase, 'id'>, deadlineMs: number): Promise<SandboxAnswer> {
    if (!this.child) await this.start();
    else await this.ready;
    const child = this.child!;
    const id = ++this.next;
    const started = Date.now();
    return new Promise<SandboxAnswer>((resolve) => {
      const finish = (answer: SandboxAnswer) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(answer);
      };
      const onMessage = (message: SandboxAnswer) => {
        if (message?.id === id) finish(message);
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        finish({ id, outcome: 'died', error: { code: 'internal', message: `exit ${code ?? signal}: ${this.stderr.slice(-1500)}`, rejectedFile: false }, unchanged: false, ms: Date.now() - started });
      };
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        child.kill('SIGKILL');
        this.child = null;
        finish({ id, outcome: 'timeout', unchanged: false, ms: Date.now() - started });
      }, deadlineMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ ...job, id } satisfies SandboxCase);
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.send({ type: 'close' });
    });
  }
}
