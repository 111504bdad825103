// The renderer's only door to main: typed calls that unwrap the Result envelope and throw ApiError.
// Components import from here, never from window.api directly.

import type { AppErrorData, ErrorCode, FieldIssue } from '../../../shared/errors';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { FileInfo } from '../../../shared/schemas/import';
import type { AppEvent } from '../../../shared/ipc/events';
import type { WindowApi } from '../../../shared/ipc/window-api';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: AppErrorData['details'];

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.details = data.details;
  }

  get issues(): FieldIssue[] {
    return this.details?.issues ?? [];
  }
}

function windowApi(): WindowApi {
  const api = (window as unknown as { api?: WindowApi }).api;
  if (!api) throw new ApiError({ code: 'internal', message: 'Jembatan ke proses utama tidak tersedia.' });
  return api;
}

/** Answers that concern the session rather than the request: the shell shows the login or change-password screen. */
export type SessionProblem = 'unauthenticated' | 'password_change_required';
const sessionProblemListeners = new Set<(problem: SessionProblem, message: string) => void>();
const sessionRestoredListeners = new Set<() => void>();

/** Called when any call answers that nobody is logged in (any more) or that the password must be changed first. */
export function onSessionProblem(listener: (problem: SessionProblem, message: string) => void): () => void {
  sessionProblemListeners.add(listener);
  return () => sessionProblemListeners.delete(listener);
}

/** Called after the person logged in again (after the idle lock or an ended session): screens whose last
 *  answer was `unauthenticated` ask again. */
export function onSessionRestored(listener: () => void): () => void {
  sessionRestoredListeners.add(listener);
  return () => sessionRestoredListeners.delete(listener);
}

export function announceSessionRestored(): void {
  for (const listener of sessionRestoredListeners) listener();
}

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await windowApi().invoke(channel, request);
  if (!result.ok) {
    const code = result.error.code;
    if (code === 'unauthenticated' || code === 'password_change_required') {
      for (const listener of sessionProblemListeners) listener(code, result.error.message);
    }
    throw new ApiError(result.error);
  }
  return result.data;
}

export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return windowApi().onEvent(listener);
}

export function transport(): 'electron' | 'web' {
  return windowApi().transport;
}

/** Brings a file into main's FileStore: streamed to the web host, or in 4 MB pieces over Electron's IPC. */
export async function uploadFile(file: File, onProgress?: (sent: number, total: number) => void): Promise<FileInfo> {
  const api = windowApi();
  if (api.uploadFile) {
    const result = await api.uploadFile(file, file.name, onProgress);
    if (!result.ok) throw new ApiError(result.error);
    return result.data;
  }
  const { uploadId } = await call('files:beginUpload', { name: file.name, size: file.size });
  const piece = 4 * 1024 * 1024;
  for (let offset = 0; offset < file.size; offset += piece) {
    const bytes = new Uint8Array(await file.slice(offset, offset + piece).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    await call('files:appendUpload', { uploadId, offset, base64: btoa(binary) });
    onProgress?.(Math.min(file.size, offset + piece), file.size);
  }
  return call('files:finishUpload', { uploadId });
}

export function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
