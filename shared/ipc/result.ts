import type { AppErrorData } from '../errors';

/** The envelope every channel answers with, over ipcMain and over the web host alike. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error });
