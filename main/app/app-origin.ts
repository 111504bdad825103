/** The privileged scheme the Electron window loads the renderer from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jenjang';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * IPC sender check: only the main frame of our own window, showing our own origin, may call main.
 * Pure so that it can be unit-tested without Electron (GitHub Desktop's history shows such guards get
 * inverted by accident).
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only http(s) links leave the app, and only to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
