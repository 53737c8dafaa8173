/**
 * One request must never take the server down. Requests no browser sends, written byte for
 * byte on a socket to the real server process (cli/serve.ts): odd and absurd methods,
 * bodies cut short, truncated chunked bodies, header blocks that never end, clients that hang
 * up mid-answer. After every one the process still runs, answers the health check, logs no
 * unhandled error, and keeps what was written before.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE, signIn } from '../../helpers/people.ts';
import { halfSentRequest, rawExchange } from '../../helpers/raw-http.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const site = useServedSite(sqlite, FIXTURE_DIST);
let admin: string;
let host: string;
const WRITTEN = { email: 'written.before@fixture.example', name: 'Written Before', jobRoles: ['agent'] };

beforeAll(async () => {
  host = new URL(site.server.url).host;
  admin = await signIn(site.server.url, PEOPLE.admin.email);
  const created = await fetch(`${site.server.url}/api/admin/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: site.server.url, Cookie: admin },
    body: JSON.stringify(WRITTEN),
  });
  expect(created.status).toBe(201);
});

afterAll(() => {
  expect(site.server.output()).not.toMatch(/Unhandled rejection|uncaught|TypeError/i);
});

/** The server still runs, still answers, and still has the person added before the attacks. */
async function expectAlive(what: string): Promise<void> {
  const health = await fetch(`${site.server.url}/api/health`).catch((error: unknown) => error as Error);
  expect(health instanceof Response && health.status, `the health check after ${what}`).toBe(200);
  const people = await fetch(`${site.server.url}/api/admin/users`, { headers: { Cookie: admin } });
  const { users } = (await people.json()) as { users: { email: string }[] };
  expect(
    users.map((user) => user.email),
    `the person written before ${what}`,
  ).toContain(WRITTEN.email);
}

const request = (head: string, body = '') => `${head.replaceAll('\n', '\r\n')}\r\n\r\n${body}`;

describe('requests no browser sends', () => {
  const answered: [string, () => string, number | undefined][] = [
    ['TRACE', () => request(`TRACE /api/health HTTP/1.1\nHost: ${host}\nConnection: close`), 501],
    ['TRACE on a page', () => request(`TRACE /policies/refunds/ HTTP/1.1\nHost: ${host}\nConnection: close`), 501],
    ['TRACK', () => request(`TRACK / HTTP/1.1\nHost: ${host}\nConnection: close`), undefined],
    ['PROPFIND', () => request(`PROPFIND /api/me HTTP/1.1\nHost: ${host}\nConnection: close`), 501],
    ['CONNECT', () => request(`CONNECT evil.example:443 HTTP/1.1\nHost: evil.example:443`), undefined],
    ['an absurd method', () => request(`FROBNICATE-${'X'.repeat(200)} / HTTP/1.1\nHost: ${host}\nConnection: close`), 400],
    ['a lower-case method', () => request(`get /api/health HTTP/1.1\nHost: ${host}\nConnection: close`), 400],
    ['HTTP/0.9', () => 'GET /\r\n', undefined],
    ['HTTP/2 prior knowledge', () => 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', undefined],
    [
      'an invalid chunk size',
      () => request(`POST /api/feedback HTTP/1.1\nHost: ${host}\nTransfer-Encoding: chunked\nConnection: close`, 'zz\r\n{}\r\n0\r\n\r\n'),
      400,
    ],
    [
      'both Content-Length and chunked',
      () =>
        request(
          `POST /api/feedback HTTP/1.1\nHost: ${host}\nContent-Length: 4\nTransfer-Encoding: chunked\nConnection: close`,
          '0\r\n\r\n',
        ),
      400,
    ],
    ['a header of 100 KB', () => request(`GET / HTTP/1.1\nHost: ${host}\nX-Big: ${'a'.repeat(100_000)}\nConnection: close`), 431],
    ['an address of 100 KB', () => request(`GET /${'a'.repeat(100_000)} HTTP/1.1\nHost: ${host}\nConnection: close`), 431],
    ['a NUL in the address', () => request(`GET /api/health\0 HTTP/1.1\nHost: ${host}\nConnection: close`), 400],
    ['an absolute-form target', () => request(`GET http://evil.example/api/health HTTP/1.1\nHost: ${host}\nConnection: close`), 400],
    ['a target of *', () => request(`OPTIONS * HTTP/1.1\nHost: ${host}\nConnection: close`), 400],
    ['a Host with a user', () => request(`GET /api/me HTTP/1.1\nHost: user@evil\nConnection: close`), 400],
    ['two Host headers', () => request(`GET /api/me HTTP/1.1\nHost: ${host}\nHost: evil.example\nConnection: close`), 400],
    ['broken percent-encoding', () => request(`GET /policies/%E0%A4%A/ HTTP/1.1\nHost: ${host}\nConnection: close`), 400],
    [
      'a JSON body that is not UTF-8',
      () =>
        request(
          `POST /api/feedback HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: 6\nConnection: close`,
          '{"\xff":1}'.slice(0, 6),
        ),
      400,
    ],
    [
      'a form post with a broken multipart body',
      () =>
        request(
          `POST /sign-in/ HTTP/1.1\nHost: ${host}\nOrigin: http://${host}\nContent-Type: multipart/form-data; boundary=x\nContent-Length: 9\nConnection: close`,
          '--x\r\nbad\r',
        ),
      400,
    ],
    [
      'a body far over the limit, announced',
      () =>
        request(
          `POST /api/feedback HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: 999999999999\nConnection: close`,
        ),
      413,
    ],
  ];

  it.each(answered)('%s: answered in the request, the server lives on', async (what, bytes, status) => {
    const answer = await rawExchange(site.server.url, bytes());
    if (status !== undefined) expect(answer.status, answer.text.slice(0, 300)).toBe(status);
    else expect(answer.status === undefined || answer.status >= 400, answer.text.slice(0, 300)).toBe(true);
    if (answer.status && answer.status >= 500) expect(answer.status).toBe(501);
    await expectAlive(what);
  });

  it('names the methods it answers when it refuses one', async () => {
    const answer = await rawExchange(site.server.url, request(`TRACE /api/health HTTP/1.1\nHost: ${host}\nConnection: close`));
    expect(answer.text).toMatch(/^Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r$/im);
    expect(answer.text).toContain('"code":"NOT_IMPLEMENTED"');
  });

  const hangUps: [string, () => string][] = [
    [
      'a POST whose client hangs up before the whole body came',
      () => request(`POST /api/feedback HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: 100`, '{"pa'),
    ],
    [
      'a DELETE whose client hangs up before the whole body came',
      () => request(`DELETE /api/training/assignments/x HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: 100`, '{'),
    ],
    [
      'a truncated chunked body',
      () =>
        request(
          `POST /api/search/events HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nTransfer-Encoding: chunked`,
          '40\r\n{"query":',
        ),
    ],
    [
      'a sign-in form post cut short',
      () =>
        request(
          `POST /sign-in/ HTTP/1.1\nHost: ${host}\nOrigin: http://${host}\nContent-Type: application/x-www-form-urlencoded\nContent-Length: 500`,
          'email=a',
        ),
    ],
    [
      'a sign-in API call cut short',
      () => request(`POST /api/auth/sign-in/email HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: 80`, '{"em'),
    ],
    ['a header block cut short', () => `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nX-Half: `],
    [
      'Expect: 100-continue, then nothing',
      () => request(`POST /api/feedback HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: 40\nExpect: 100-continue`),
    ],
  ];

  it.each(hangUps)('%s: the server lives on', async (what, bytes) => {
    await rawExchange(site.server.url, bytes(), { hangUp: true });
    await sleep(100);
    await expectAlive(what);
  });

  it('lives on when fifty clients hang up mid-body at once', async () => {
    const bytes = request(`POST /api/feedback HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: 1000`, '{"page":"/');
    await Promise.all(Array.from({ length: 50 }, () => rawExchange(site.server.url, bytes, { hangUp: true })));
    await sleep(200);
    await expectAlive('fifty bodies cut short');
  });

  it('lives on when a client hangs up in the middle of a long answer', async () => {
    for (const path of ['/policies/refunds/', '/api/openapi.json', '/api/search?q=refund', '/pagefind/pagefind.js']) {
      await rawExchange(site.server.url, request(`GET ${path} HTTP/1.1\nHost: ${host}\nCookie: ${admin}`), { hangUp: true });
    }
    await sleep(100);
    await expectAlive('answers cut off');
  });

  it('keeps answering others while a header block never ends', async () => {
    const stuck = await Promise.all(
      Array.from({ length: 20 }, () => halfSentRequest(site.server.url, `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `)),
    );
    try {
      await expectAlive('twenty header blocks that never end');
    } finally {
      for (const socket of stuck) socket.destroy();
    }
  });
});
