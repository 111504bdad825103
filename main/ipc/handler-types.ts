import type { AppEvent } from '../../shared/ipc/events';
import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { JobRegistry } from '../jobs/job-registry';
import type { ReportPrinter } from '../printing/printer';
import type { Services } from '../services';
import type { ActingAccount } from '../../shared/auth/acting';
import type { SessionStore } from '../services/accounts/session-store';

export type { ActingAccount };

/** What a handler knows about the process it runs in. */
export interface Runtime {
  transport: 'electron' | 'web' | 'test';
  dbPath: string;
  appVersion: string;
  schemaVersion: string;
}

/** The system's open-file dialog, available in Electron only (app/file-dialog.ts); resolves to a path or null. */
export interface FileDialog {
  openFile(options: { title: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<string | null>;
}

/** Per-process helpers every handler receives: who is acting, the job registry, and the event emitter. */
export interface HandlerContext {
  services: Services;
  runtime: Runtime;
  jobs: JobRegistry;
  emit(event: AppEvent): void;
  /** How the audit log, the import history and exports name who is acting: "Nama Lengkap (username)". */
  actor(): Promise<string>;
  /** Who this request acts as; null only for a `public` channel called without a session. */
  session: ActingAccount | null;
  /** The caller's session token, when it came with one (log-out ends it). */
  sessionToken?: string;
  /** The host's live sessions; null on a reader, whose handlers never log anyone in or out. */
  sessions: SessionStore | null;
  fileDialog?: FileDialog;
  /** The transport's PDF printer (Electron window or headless Chromium); AppError when none is set. */
  printer(): ReportPrinter;
  /** Whether this process has a PDF printer (the desktop app and the web host do; the CLI and readers do not). */
  hasPrinter(): boolean;
  /** Closes the database, runs `swap` (a restore renames a file into place), opens the database again and gives
   *  `services` fresh instances over it. The host owns the DataSource, so only it can do this. */
  reopenDatabase(swap: () => Promise<void>): Promise<void>;
}

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>, context: HandlerContext) => Promise<ResponseOf<C>>;

/** One plain async function per channel; the compiler checks that every channel has one. */
export type Handlers = { [C in Channel]: Handler<C> };

export type HandlerGroup<C extends Channel> = { [K in C]: Handler<K> };
