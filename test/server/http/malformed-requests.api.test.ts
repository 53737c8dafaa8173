/**
 * Every API route (as /api/openapi.json lists them) and every page that takes a form, sent what
 * a careless or hostile client sends: no body, the wrong type, broken or deeply nested JSON, the
 * wrong shapes, prototype keys, huge values, odd path parameters. Each answers a 4xx (or its
 * normal answer), never a 5xx, and the server lives on.
 */
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE, signIn } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

// Sign-out is tried with every body, each time from a new session: room for those sign-ins.
const site = useServedSite(sqlite, FIXTURE_DIST, { env: { KNOWHOW_SIGNIN_RATE_LIMIT: '1000' } });

const BODIES: [string | undefined, string | undefined][] = [
  [undefined, undefined],
  ['', 'application/json'],
  ['null', 'application/json'],
  ['[]', 'application/json'],
  ['"text"', 'application/json'],
  ['1e999', 'application/json'],
  ['{"__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}', 'application/json'],
  [`${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'application/json'],
  ['{broken', 'application/json'],
  ['a=b&a=c', 'application/x-www-form-urlencoded'],
  ['plain words', 'text/plain'],
  [JSON.stringify({ q: 'x'.repeat(1_000_000) }), 'application/json'],
  [
    '{"email":{"$gt":""},"password":["a"],"name":null,"id":{},"page":123,"helpful":"yes","answers":{"q":"a"},"module":[1],"jobRoles":"x","due":"soon"}',
    'application/json',
  ],
  ['{"a":"\\ud800"}', 'application/json'],
];
const PARAMS = ['x', '%00', '..%2F..%2Fetc', 'a'.repeat(3000), '%F0%9F%92%A9', '__proto__'];
const QUERIES = ['', '?q=%00&days=-1&format=xml&page=__proto__&from=999999999999&status=x,y&lang=zz&limit=1e9&module=%FF&owner=me'];

describe('malformed requests to every API route', () => {
  it('are answered with a 4xx, never a 5xx', async () => {
    const spec = (await (await fetch(`${site.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const failures: string[] = [];
    let admin = await signIn(site.server.url, PEOPLE.admin.email);
    let sent = 0;
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    // Signing out last: it ends the session the other requests use.
    const paths = Object.keys(spec.paths).sort((a, b) => Number(a.endsWith('/sign-out')) - Number(b.endsWith('/sign-out')));
    for (const path of paths) {
      for (const method of Object.keys(spec.paths[path] ?? {}).filter((name) => methods.includes(name))) {
        for (const param of path.includes('{') ? PARAMS : ['']) {
          const address = path.replace(/\{\w+\}/g, param);
          for (const [body, type] of method === 'get' ? [[undefined, undefined] as const] : BODIES) {
            for (const query of method === 'get' ? QUERIES : ['']) {
              if (path.endsWith('/sign-out')) admin = await signIn(site.server.url, PEOPLE.admin.email);
              const headers: Record<string, string> = { Cookie: admin, Origin: site.server.url };
              if (type) headers['Content-Type'] = type;
              const response = await fetch(`${site.server.url}${address}${query}`, {
                method: method.toUpperCase(),
                headers,
                body: body ?? null,
                redirect: 'manual',
              });
              sent++;
              if (response.status >= 500)
                failures.push(
                  `${response.status} ${method.toUpperCase()} ${address.slice(0, 60)}${query} ${type}: ${(await response.text()).slice(0, 160)}`,
                );
              else await response.arrayBuffer();
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
    expect((await fetch(`${site.server.url}/api/health`)).status).toBe(200);
  });
});

describe('malformed form posts to every page that takes one', () => {
  const PAGES = [
    '/admin/users/new/',
    '/admin/users/nobody/',
    '/account/',
    '/quiz/basics/',
    '/quiz/nothing/',
    '/sign-up/',
    '/feedback/',
    '/acknowledgements/changes/?page=/policies/refunds/&from=1',
    '/reports/training/assignments/',
    '/reports/training/',
    '/sign-in/?next=%2F%09%2Fevil.example',
  ];
  const FIELDS = [
    'email',
    'password',
    'name',
    'role',
    'jobRoles',
    'team',
    'ownerHandles',
    'language',
    'action',
    'module',
    'assignee',
    'due',
  ];
  const FIELD_MORE = [
    'kind',
    'target',
    'id',
    'currentPassword',
    'newPassword',
    'page',
    'helpful',
    'comment',
    'attempt',
    'idempotencyKey',
    'next',
  ];
  const VALUES = ['', 'x'.repeat(100_000), '\u0000', '__proto__', '-1', '2026-13-45', 'admin', '../../etc/passwd', '\uD800'];

  it('are answered without a 5xx', async () => {
    const failures: string[] = [];
    for (const page of PAGES) {
      const admin = await signIn(site.server.url, PEOPLE.admin.email);
      for (const value of VALUES) {
        const form = new URLSearchParams();
        // Each field twice: a page must cope with a repeated field too.
        for (const field of [...FIELDS, ...FIELD_MORE]) for (const _ of [1, 2]) form.append(field, value);
        for (const [body, type] of [
          [form.toString(), 'application/x-www-form-urlencoded'],
          ['', 'application/x-www-form-urlencoded'],
          ['{"a":1}', 'application/json'],
          [undefined, undefined],
        ] as const) {
          const headers: Record<string, string> = { Cookie: admin, Origin: site.server.url };
          if (type) headers['Content-Type'] = type;
          const response = await fetch(`${site.server.url}${page}`, { method: 'POST', headers, body: body ?? null, redirect: 'manual' });
          if (response.status >= 500) failures.push(`${response.status} ${page} ${value.slice(0, 20)} ${type}`);
          await response.arrayBuffer();
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
