import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { startWebHost, type RunningWebHost } from '../../main/web/web-host';
import { adminSession, login, TEST_ADMIN } from '../helpers/auth';
import { openTestHost, tempDir } from '../helpers/temp-db';

describe('web host: loopback, token, same dispatcher', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let web: RunningWebHost;
  let session: string;
  const staticDir = path.join(dir, 'static');

  beforeAll(async () => {
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Jenjang</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'rahasia');
    host = await openTestHost(dir);
    web = await startWebHost({ host, staticDir, token: 'token-for-tests-0123456789' });
    session = await adminSession(host);
  });
  afterAll(async () => {
    await web.close();
    await host.close();
  });

  const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${web.url}api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('listens on 127.0.0.1 only', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('rejects requests without the token, or with a wrong one', async () => {
    expect((await post('app:status', {})).status).toBe(401);
    expect((await post('app:status', {}, { Authorization: 'Bearer wrong-token-of-same-length!!' })).status).toBe(401);
    const body = await (await post('app:status', {})).json();
    expect(body.error.code).toBe('unauthorized');
  });

  it('serves the dispatcher with the token and a session', async () => {
    const response = await post('app:status', {}, { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, data: { offerDemo: true, employeeCount: 0 } });
  });

  it('returns validation errors as data', async () => {
    const body = await (await post('employees:get', { id: 'x' }, { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session })).json();
    expect(body).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a request without X-Jenjang-Session (or with an unknown one) as unauthenticated, except public channels', async () => {
    for (const headers of [{}, { 'X-Jenjang-Session': 'not-a-session-token-0123456789abcdef' }] as Array<Record<string, string>>) {
      const response = await post('app:status', {}, { Authorization: `Bearer ${web.token}`, ...headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      // Refused before validation: a caller without a session learns nothing about the request's form.
      expect(await (await post('employees:get', { id: 'x' }, { Authorization: `Bearer ${web.token}`, ...headers })).json())
        .toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    expect(await (await post('app:today', {}, { Authorization: `Bearer ${web.token}` })).json()).toMatchObject({ ok: true });
    expect(await (await post('auth:state', {}, { Authorization: `Bearer ${web.token}` })).json())
      .toMatchObject({ ok: true, data: { hasAccounts: true, session: null } });
    expect(await (await post('auth:state', {}, { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session })).json())
      .toMatchObject({ ok: true, data: { hasAccounts: true, session: { username: 'admin', role: 'administrator' } } });
  });

  it('refuses an upload without a session', async () => {
    const response = await fetch(`${web.url}api/upload?name=x.csv`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` }, body: 'a,b\n' });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthenticated');
  });

  it('refuses bodies that are not JSON', async () => {
    const response = await fetch(`${web.url}api/app:status`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` }, body: '{not json' });
    expect(response.status).toBe(400);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: web.port, path: '/', headers: { Host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.end();
    });
    expect(status).toBe(421);
    expect((await post('app:status', {}, { Authorization: `Bearer ${web.token}`, Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    const response = await fetch(`${web.url}..%2Fsecret.txt`);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('rahasia');
    const index = await fetch(web.url);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('accepts the token in the Authorization header only, never in a query string', async () => {
    const query = `token=${encodeURIComponent(web.token)}`;
    for (const route of ['api/app:status', 'api/employees:list', 'api/upload', 'api/events/ticket']) {
      const response = await fetch(`${web.url}${route}?${query}&name=a.csv`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(response.status, route).toBe(401);
    }
    expect((await fetch(`${web.url}api/events?${query}`)).status).toBe(401);
  });

  const buyTicket = async (token = web.token, sessionToken: string | null = session) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...(sessionToken ? { 'X-Jenjang-Session': sessionToken } : {}) };
    const response = await fetch(`${web.url}api/events/ticket`, { method: 'POST', headers });
    return { status: response.status, body: await response.json() as { ok: boolean; data?: { ticket: string }; error?: { code: string; message: string } } };
  };

  /** Opens the event stream with a ticket and reads it in the background: what arrived, and whether it ended. */
  const openStream = async (ticket: string) => {
    const controller = new AbortController();
    const response = await fetch(`${web.url}api/events?ticket=${ticket}`, { signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const stream = { text: '', ended: false, close: () => controller.abort() };
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          stream.text += decoder.decode(value);
        }
      } catch {
        // aborted by the test
      }
      stream.ended = true;
    })();
    return stream;
  };
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    return condition();
  };

  it('opens the event stream with a one-use ticket bought with the token and a session', async () => {
    const { status, body } = await buyTicket();
    expect(status).toBe(200);
    const ticket = body.data!.ticket;
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ticket).not.toContain(web.token);
    const controller = new AbortController();
    const first = await fetch(`${web.url}api/events?ticket=${ticket}`, { signal: controller.signal });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    controller.abort();
    // Spent: the same ticket opens nothing a second time.
    expect((await fetch(`${web.url}api/events?ticket=${ticket}`)).status).toBe(401);
    expect((await fetch(`${web.url}api/events?ticket=not-a-ticket`)).status).toBe(401);
    expect((await fetch(`${web.url}api/events`)).status).toBe(401);
    // A print token buys none, a request from another web page gets none.
    expect((await buyTicket(web.issueScopedToken(['reports:render']).token)).status).toBe(401);
    const foreign = await fetch(`${web.url}api/events/ticket`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}`, Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('streams job progress as server-sent events', async () => {
    const controller = new AbortController();
    const events = await fetch(`${web.url}api/events?ticket=${web.issueEventTicket(session)}`, { signal: controller.signal });
    const reader = events.body!.getReader();
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received.push(decoder.decode(value));
        if (received.join('').includes('job:progress')) break;
      }
    })();
    const load = await post('demo:load', { jobId: 'job-sse-test', employees: 300 }, { Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session });
    expect((await load.json()).ok).toBe(true);
    await reading;
    controller.abort();
    expect(received.join('')).toContain('"jobId":"job-sse-test"');
  });

  it('gives no ticket to a page that has not logged in, nor for an unknown session', async () => {
    for (const sessionToken of [null, 'not-a-session-token-0123456789abcdef']) {
      const { status, body } = await buyTicket(web.token, sessionToken);
      expect(status).toBe(401);
      expect(body).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Anda belum masuk atau sesi Anda sudah berakhir; silakan masuk lagi.' } });
      expect(body.data).toBeUndefined();
    }
  });

  it('hands data-change events only to a live session: a ticket whose session ended opens nothing, and a stream closes when its session ends', async () => {
    const auth = (token: string) => ({ Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': token });
    // A ticket bought while logged in, spent after log-out.
    const early = await login(host, TEST_ADMIN.username, TEST_ADMIN.password);
    const { body } = await buyTicket(web.token, early);
    expect((await (await post('auth:logout', {}, auth(early))).json()).ok).toBe(true);
    expect((await fetch(`${web.url}api/events?ticket=${body.data!.ticket}`)).status).toBe(401);

    // Two pages logged in: both hear a change; after one logs out, only the other hears the next one.
    const leaving = await login(host, TEST_ADMIN.username, TEST_ADMIN.password);
    const staying = await login(host, TEST_ADMIN.username, TEST_ADMIN.password);
    const leavingStream = await openStream((await buyTicket(web.token, leaving)).body.data!.ticket);
    const stayingStream = await openStream((await buyTicket(web.token, staying)).body.data!.ticket);
    try {
      expect((await (await post('agency:removeLogo', { version: 0 }, auth(staying))).json()).ok).toBe(true);
      expect(await until(() => leavingStream.text.includes('data:changed') && stayingStream.text.includes('data:changed'))).toBe(true);
      expect((await (await post('auth:logout', {}, auth(leaving))).json()).ok).toBe(true);
      const heardBefore = leavingStream.text.split('data:changed').length;
      expect((await (await post('agency:removeLogo', { version: 0 }, auth(staying))).json()).ok).toBe(true);
      expect(await until(() => stayingStream.text.split('data:changed').length > heardBefore && leavingStream.ended)).toBe(true);
      expect(leavingStream.text.split('data:changed').length).toBe(heardBefore);
      expect(stayingStream.ended).toBe(false);
    } finally {
      leavingStream.close();
      stayingStream.close();
    }
  });
});
