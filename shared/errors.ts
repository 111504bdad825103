// Errors cross every boundary (IPC, HTTP, CLI) as data: a stable code for programs, an Indonesian message for
// people, optional details (field issues, rejected rows).

export const ERROR_CODES = [
  'validation', // the request or the data it carries is not acceptable; details.issues lists the fields
  'not_found',
  'conflict', // duplicate NIP, stale version, already imported
  'unknown_channel',
  'unauthorized', // wrong token (web host), wrong name or password, disabled or locked account
  'unauthenticated', // no session: the person must log in (again, after the idle lock or a log-out)
  'forbidden', // the account's role or unit scope does not allow this request
  'password_change_required', // the account must choose a new password before anything else
  'cancelled',
  'busy',
  'db_not_found',
  'db_not_jenjang', // a SQLite file of another program, or not SQLite at all
  'db_corrupt',
  'db_schema_newer', // written by a newer Jenjang; refuse rather than damage it
  'io',
  'offline',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field ("input.nip"); "" for the request as a whole. */
  path: string;
  message: string;
}

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[]; [key: string]: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: AppErrorData['details'];

  constructor(code: ErrorCode, message: string, details?: AppErrorData['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static validation(issues: FieldIssue[], message?: string): AppError {
    const summary = message ?? `Data tidak valid: ${issues.map((i) => i.message).join(' ')}`;
    return new AppError('validation', summary, { issues });
  }
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  return typeof value === 'object' && value !== null && typeof (value as AppErrorData).code === 'string' &&
    typeof (value as AppErrorData).message === 'string';
}
