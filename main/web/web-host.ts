// The second transport: the same dispatcher over HTTP on 127.0.0.1, for `npm run start:web` and the
// Playwright tests. Loopback only, a random token per start, and the Host header checked, so neither other
// machines nor web pages in the user's browser (DNS rebinding) can reach the data. The token travels once, in
// the launch URL; API calls carry it in the Authorization header only (a token in a query string ends up in
// logs, history and Referer headers), and the event stream, which an EventSource cannot give headers, opens
// with a one-use ticket bought with the token and a live session. The launch token only proves the page came from
// this host; who is acting is the session (X-Jenjang-Session, from auth:login), which the dispatcher checks for
// every channel. A page that has not logged in hears no events; a stream whose session ends (log-out, idle lock,
// the account disabled) is closed at the next event instead of being handed it.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AppEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';
import type { JenjangHost } from '../host';
import { roleAllows } from '../../shared/auth/roles';
import type { ActingAccount } from '../../shared/auth/acting';
import { AppError } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { MAX_IMPORT_BYTES, tooLargeError } from '../import/file-store';

export interface WebHostOptions {
  host: JenjangHost;
  /** Folder with the built renderer (index.html + assets). */
  staticDir: string;
  port?: number;
  /** Fixed token (tests); default: 32 random bytes. */
  token?: string;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

export interface RunningWebHost {
  url: string;
  /** The URL to open: carries the token once, the page moves it to sessionStorage and strips it. */
  launchUrl: string;
  /** A one-use ticket for GET /api/events?ticket=…, bound to a session token of the host's store (what POST
   *  /api/events/ticket gives a logged-in page); the stream lives as long as that session. */
  issueEventTicket(session: string): string;
  token: string;
  port: number;
  /**
   * A short-lived token that opens only the given channels (never the event stream): the headless Chromium
   * that prints a report gets one for reports:render, not the full token. Its requests act as the account given
   * to `actAs` (the one that asked for the report: its role and scope, nothing more). Revoke it when done.
   */
  issueScopedToken(channels: readonly string[], ttlMs?: number): ScopedToken;
  close(): Promise<void>;
}

export interface ScopedToken {
  token: string;
  /** The account the token's requests act as from now on (null: none, every request is unauthenticated). */
  actAs(acting: ActingAccount | null): void;
  revoke(): void;
}

/** The header that carries the session token of auth:login on every /api request. */
export const SESSION_HEADER = 'x-jenjang-session';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.map': 'application/json',
};

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const tokenBuffer = Buffer.from(token);
  const staticRoot = path.resolve(options.staticDir);
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  /** Each open event stream with the session it was opened for. */
  const eventStreams = new Map<http.ServerResponse, string>();
  let port = 0;

  const scopedTokens = new Map<string, { buffer: Buffer; channels: ReadonlySet<string>; expires: number; session?: string }>();
  const eventTickets = new Map<string, { expires: number; session: string }>();
  /** The token of the Authorization header; a token anywhere else (the query string) opens nothing. */
  const presentedToken = (req: http.IncomingMessage): Buffer => {
    const header = req.headers.authorization ?? '';
    return Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  };
  const authorised = (req: http.IncomingMessage): boolean => {
    const candidate = presentedToken(req);
    return candidate.length === tokenBuffer.length && crypto.timingSafeEqual(candidate, tokenBuffer);
  };
  /** A live scoped token that opens `channel`, with the session its requests act as; null when none does. */
  const scopedAuthorised = (req: http.IncomingMessage, channel: string): { session?: string } | null => {
    const candidate = presentedToken(req);
    const now = Date.now();
    for (const [id, scoped] of scopedTokens) {
      if (scoped.expires <= now) {
        options.host.sessions.end(scoped.session);
        scopedTokens.delete(id);
        continue;
      }
      if (candidate.length === scoped.buffer.length && crypto.timingSafeEqual(candidate, scoped.buffer)) return scoped.channels.has(channel) ? scoped : null;
    }
    return null;
  };
  /** The session token of the request: only in the X-Jenjang-Session header. */
  const sessionOf = (req: http.IncomingMessage): string | undefined => {
    const header = req.headers[SESSION_HEADER];
    return typeof header === 'string' && header.length > 0 && header.length <= 128 ? header : undefined;
  };
  const issueEventTicket = (session: string): string => {
    const now = Date.now();
    for (const [ticket, entry] of eventTickets) if (entry.expires <= now) eventTickets.delete(ticket);
    const ticket = crypto.randomBytes(32).toString('base64url');
    eventTickets.set(ticket, { expires: now + EVENT_TICKET_TTL_MS, session });
    return ticket;
  };
  /** Spends a ticket: valid once, only before it expires, and only while its session is live. Returns the
   *  session the stream belongs to, or null. */
  const redeemEventTicket = (ticket: string | null): string | null => {
    if (!ticket) return null;
    const entry = eventTickets.get(ticket);
    eventTickets.delete(ticket);
    if (!entry || entry.expires <= Date.now()) return null;
    return options.host.sessions.peek(entry.session) ? entry.session : null;
  };
  const hostAllowed = (req: http.IncomingMessage) => {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (!hostAllowed(req)) return send(res, 421, 'text/plain; charset=utf-8', 'Host tidak diizinkan.');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/api/')) {
        if (url.pathname === '/api/events') {
          if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'validation', message: 'Gunakan GET.' } });
          const session = redeemEventTicket(url.searchParams.get('ticket'));
          if (!session) return sendJson(res, 401, UNAUTHORISED);
          return openEventStream(res, session);
        }
        const requested = decodePath(url.pathname.slice('/api/'.length));
        if (requested === null) return sendJson(res, 400, badPath());
        const full = authorised(req);
        const scoped = full ? null : scopedAuthorised(req, requested);
        if (!full && !scoped) return sendJson(res, 401, UNAUTHORISED);
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'validation', message: 'Gunakan POST.' } });
        const origin = req.headers.origin;
        if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
          return sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Asal permintaan tidak diizinkan.' } });
        }
        if (url.pathname === '/api/upload') {
          // An upload feeds an import or a restore: only an account that may do one of them sends files.
          const acting = full ? options.host.sessions.touch(sessionOf(req)) : null;
          if (!acting) return sendJson(res, 401, UNAUTHENTICATED);
          if (acting.mustChangePassword || !(roleAllows(acting.role, 'import') || roleAllows(acting.role, 'backup'))) {
            return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Akun Anda tidak berwenang mengunggah berkas.' } });
          }
          return receiveUpload(req, res, url);
        }
        if (url.pathname === '/api/events/ticket') {
          // Only the full token buys a ticket (a print token never opens the event stream), and only for a
          // logged-in page: data-change events are not for a page that shows the login screen.
          if (!authorised(req)) return sendJson(res, 401, UNAUTHORISED);
          const session = sessionOf(req);
          if (!options.host.sessions.touch(session)) return sendJson(res, 401, UNAUTHENTICATED);
          return sendJson(res, 200, { ok: true, data: { ticket: issueEventTicket(session!) } });
        }
        const channel = requested;
        let payload: unknown;
        try {
          payload = await readJson(req, maxBody);
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            sendJson(res, 413, { ok: false, error: { code: 'validation', message: error.message } });
            return discardRest(req);
          }
          return sendJson(res, 400, { ok: false, error: { code: 'validation', message: (error as Error).message } });
        }
        // The session: the page's own (header), or for a print page the one its scoped token acts as.
        const session = full ? sessionOf(req) : scoped!.session;
        const result: Result<unknown> = await options.host.dispatch(channel, payload, { client: clientOf(req), transport: 'web', session });
        return sendJson(res, 200, result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Metode tidak diizinkan.');
      const relative = decodePath(url.pathname);
      if (relative === null) return send(res, 400, 'text/plain; charset=utf-8', 'Alamat tidak valid.');
      return serveStatic(res, relative);
    } catch (error) {
      console.error('[jenjang] web host error', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Kesalahan internal server.' } });
      else res.end();
    }
  });

  const unsubscribe = options.host.onEvent((event: AppEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const [stream, session] of eventStreams) {
      if (options.host.sessions.peek(session)) {
        stream.write(frame);
      } else {
        eventStreams.delete(stream);
        stream.end();
      }
    }
  });

  /**
   * An import file, streamed to the FileStore (never one JSON body): POST /api/upload?name=<file name> with the
   * raw bytes. Same token, Host and Origin checks as every /api call; 200 MB and more is refused up front when
   * Content-Length says so, and cut off as it arrives otherwise (chunked). A refused body still gets its answer:
   * the 413 is sent while the rest is read and discarded, never by dropping the connection under the client.
   */
  async function receiveUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const name = (url.searchParams.get('name') ?? '').trim();
    if (!name) return sendJson(res, 400, { ok: false, error: { code: 'validation', message: 'Nama berkas wajib disebutkan (?name=…).' } });
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared >= MAX_IMPORT_BYTES) {
      sendJson(res, 413, { ok: false, error: tooLargeError(declared).toData() });
      return discardRest(req);
    }
    try {
      const file = await options.host.services.files.saveStream(req, name);
      return sendJson(res, 200, { ok: true, data: { fileId: file.id, name: file.name, size: file.size, sha256: file.sha256, format: file.format } });
    } catch (error) {
      const tooLarge = error instanceof AppError && error.details?.rejectedFile === true;
      const data = error instanceof AppError ? error.toData() : { code: 'io', message: 'Unggahan gagal disimpan.' };
      // A client that broke off (or sent a malformed body) has no connection left to answer on.
      if (!res.headersSent && !res.destroyed) sendJson(res, tooLarge ? 413 : 400, { ok: false, error: data });
      if (tooLarge) discardRest(req);
    }
  }

  function openEventStream(res: http.ServerResponse, session: string) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': jenjang\n\n');
    eventStreams.set(res, session);
    res.on('close', () => eventStreams.delete(res));
  }

  function serveStatic(res: http.ServerResponse, decodedPath: string) {
    let relative = decodedPath.replace(/^\/+/, '');
    if (relative === '') relative = 'index.html';
    const file = path.resolve(staticRoot, relative);
    // Path containment: nothing outside the renderer folder is ever served.
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) return send(res, 403, 'text/plain; charset=utf-8', 'Terlarang.');
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(staticRoot, 'index.html');
    if (!fs.existsSync(target)) {
      return send(res, 503, 'text/plain; charset=utf-8', 'Tampilan Jenjang belum dibangun: jalankan `npm run build:web`.');
    }
    const type = MIME[path.extname(target)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
    });
    fs.createReadStream(target).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}?token=${encodeURIComponent(token)}`,
    token,
    port,
    issueEventTicket,
    issueScopedToken(channels, ttlMs = 120_000) {
      const id = crypto.randomBytes(32).toString('base64url');
      const entry: { buffer: Buffer; channels: ReadonlySet<string>; expires: number; session?: string } = {
        buffer: Buffer.from(id), channels: new Set(channels), expires: Date.now() + ttlMs,
      };
      scopedTokens.set(id, entry);
      return {
        token: id,
        // A session of its own in the host's store, ended with the token, so a print page never holds the
        // session of the window that asked.
        actAs(acting) {
          options.host.sessions.end(entry.session);
          entry.session = acting ? options.host.sessions.open(acting) : undefined;
        },
        revoke() {
          options.host.sessions.end(entry.session);
          scopedTokens.delete(id);
        },
      };
    },
    async close() {
      unsubscribe();
      for (const stream of eventStreams.keys()) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep connections alive (and the event stream open); close them so shutdown is immediate.
      server.closeAllConnections();
      await closed;
    },
  };
}

/** How long a ticket for the event stream stays valid; the page spends it at once. */
const EVENT_TICKET_TTL_MS = 30_000;

const UNAUTHENTICATED = { ok: false, error: { code: 'unauthenticated', message: 'Anda belum masuk atau sesi Anda sudah berakhir; silakan masuk lagi.' } };

const UNAUTHORISED = { ok: false, error: { code: 'unauthorized', message: 'Token akses tidak valid; buka Jenjang dari alamat yang dicetak saat server dimulai.' } };

/** The browser tab a request comes from (the bridge names itself in X-Jenjang-Client): readers are shared
 *  fairly between tabs. Anything else than a short plain name counts as one anonymous client. */
function clientOf(req: http.IncomingMessage): string {
  const named = req.headers['x-jenjang-client'];
  return typeof named === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(named) ? `tab-${named}` : 'web';
}

function send(res: http.ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

/** A path segment as text; null when its percent-encoding is malformed ("%", "%E0%A4%A"). */
function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function badPath() {
  return { ok: false, error: { code: 'validation', message: 'Alamat permintaan tidak valid (pengodean persen rusak).' } };
}

/** How much of a refused body is read and thrown away so its answer reaches the client; past that, the
 *  connection is closed. */
const DISCARD_LIMIT = 64 * 1024 * 1024;

/** Reads and drops the rest of a refused request body, so the client, still sending, receives the answer. */
function discardRest(req: http.IncomingMessage): void {
  let discarded = 0;
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

class BodyTooLarge extends Error {}

function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(new BodyTooLarge(`Permintaan terlalu besar (lebih dari ${Math.round(limit / 1024 / 1024)} MB); kirim berkas besar lewat unggahan berkas.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('Isi permintaan bukan JSON yang valid.'));
      }
    });
    req.on('error', reject);
  });
}
