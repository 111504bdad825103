// What `window.api` looks like to the renderer. The Electron preload builds it over ipcRenderer and
// `satisfies` this interface; in a browser (web host) renderer/src/api/web-bridge.ts builds the same thing
// over fetch and server-sent events.

import type { AppEvent } from './events';
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

export interface WindowApi {
  readonly transport: 'electron' | 'web';
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Subscribes to main → renderer events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}

/** The single Electron IPC channel all requests travel on; the contract channel is its first argument. */
export const ELECTRON_INVOKE_CHANNEL = 'jenjang:invoke';
export const ELECTRON_EVENT_CHANNEL = 'jenjang:event';
