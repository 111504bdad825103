// What `window.api` looks like to the renderer. The Electron preload builds it over ipcRenderer and
// `satisfies` this interface; in a browser (web host) renderer/src/api/web-bridge.ts builds the same thing
// over fetch and server-sent events.

import type { FileInfo } from '../schemas/import';
import type { AppEvent } from './events';
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

export interface WindowApi {
  readonly transport: 'electron' | 'web';
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Subscribes to main → renderer events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Streams a file to main's FileStore (the web host's upload route). Absent in Electron, where the renderer
   *  sends chunks over `files:*Upload` or main opens its own dialog (`files:pick`). */
  uploadFile?(file: Blob, name: string, onProgress?: (sent: number, total: number) => void): Promise<Result<FileInfo>>;
}

/** The single Electron IPC channel all requests travel on; the contract channel is its first argument. */
export const ELECTRON_INVOKE_CHANNEL = 'jenjang:invoke';
export const ELECTRON_EVENT_CHANNEL = 'jenjang:event';
