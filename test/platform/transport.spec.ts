// The web transport as a browser uses it: the token leaves the address bar and never travels in another URL,
// the live updates connect with a one-use ticket, and a dropped stream reconnects with a new ticket, after
// which a change made by another client still reaches the page.

import { NEW_EMPLOYEE } from '../helpers/employee-input';
import { expect, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 60 });

test('token only in the launch URL, event stream on tickets, reconnected after a drop', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const streams: string[] = [];
  await page.route(/\/api\/events\?/, async (route) => {
    streams.push(route.request().url());
    // The first stream drops at once, as it would when the computer sleeps or the network stack hiccups.
    if (streams.length === 1) return route.abort('connectionreset');
    return route.continue();
  });

  await jenjang.open(page);
  const total = page.locator('.stat').filter({ hasText: 'Semua catatan pegawai' }).locator('.stat-value');
  await expect(total).toHaveText('60');
  await expect.poll(() => streams.length, { message: 'the page reconnects its event stream after the drop' }).toBeGreaterThanOrEqual(2);
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  expect(await page.evaluate(() => window.location.href)).not.toContain(jenjang.token);

  // Another client adds an employee: the announcement reaches this page over the reconnected stream.
  await jenjang.call('employees:create', { input: NEW_EMPLOYEE });
  await expect(total).toHaveText('61');

  const tickets = streams.map((url) => new URL(url).searchParams.get('ticket'));
  expect(tickets.every((ticket) => ticket && ticket.length >= 40)).toBe(true);
  expect(new Set(tickets).size).toBe(tickets.length);
  // Besides the launch URL itself, no URL the page requested carries the token.
  const launch = requested.filter((url) => url.includes(encodeURIComponent(jenjang.token)) || url.includes(jenjang.token));
  expect(launch).toHaveLength(1);
  expect(new URL(launch[0]).pathname).toBe('/');
  // The dropped stream (the test resets it) is reported by the browser as a failed resource; nothing else may be.
  expect(problems.filter((p) => !/api\/events|ERR_CONNECTION_RESET/.test(p))).toEqual([]);
});
