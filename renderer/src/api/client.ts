// The renderer's only door to main: typed calls that unwrap the Result envelope and throw ApiError.
// Components import from here, never from window.api directly.

import type { AppErrorData, ErrorCode, FieldIssue } from '../../../shared/errors';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
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

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await windowApi().invoke(channel, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.data;
}

export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return windowApi().onEvent(listener);
}

export function transport(): 'electron' | 'web' {
  return windowApi().transport;
}

export function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
