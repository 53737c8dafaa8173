/**
 * /api/openapi.json describes every API route, from the schemas the routes validate with: a
 * route file under src/pages/api that the document misses fails this test.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { useServedSite } from '../../helpers/served-site.ts';
import { FIXTURE_DIST, PROJECT_ROOT } from '../../helpers/fixture-site.ts';

interface Document {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        summary: string;
        description: string;
        responses: Record<string, unknown>;
        requestBody?: unknown;
        parameters?: { name: string; in: string }[];
        security?: Record<string, string[]>[];
        'x-knowhow-key-scope'?: string;
      }
    >
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme?: string }> };
}

const API_DIR = join(PROJECT_ROOT, 'src/pages/api');

/** The OpenAPI path each route file answers at: [id] is {id}; a catch-all stands for the paths below it. */
function routePaths(dir = API_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routePaths(path);
    const route = `/api/${relative(API_DIR, path)}`
      .replace(/\.ts$/, '')
      .replace(/\/index$/, '')
      .replace(/\[\.\.\.(\w+)\]/g, '{...$1}')
      .replace(/\[(\w+)\]/g, '{$1}');
    return [route];
  });
}

const site = useServedSite(sqlite, FIXTURE_DIST, { people: false });
let document: Document;
beforeAll(async () => {
  document = (await (await fetch(`${site.server.url}/api/openapi.json`)).json()) as Document;
});

describe('/api/openapi.json', () => {
  it('describes every route under src/pages/api', () => {
    const described = Object.keys(document.paths);
    const missing = routePaths().filter((route) => {
      const catchAll = /^(.*)\/\{\.\.\.\w+\}$/.exec(route);
      return catchAll ? !described.some((path) => path.startsWith(`${catchAll[1]}/`)) : !described.includes(route);
    });
    expect(missing).toEqual([]);
    expect(document.openapi).toBe('3.1.0');
  });

  it('gives each operation its parameters, body, answers and who may call it', () => {
    const list = document.paths['/api/admin/users']?.get;
    expect(list?.parameters?.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual(
      expect.arrayContaining(['query:q', 'query:role', 'query:status', 'query:limit']),
    );
    expect(list?.description).toContain('Who may call it: Signed-in people with the permission: Only admins manage people.');
    expect(Object.keys(list?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '405']));
    const create = document.paths['/api/admin/users']?.post;
    expect(JSON.stringify(create?.requestBody)).toContain('"email"');
    expect(document.paths['/api/admin/users/{id}']?.patch?.parameters?.[0]).toMatchObject({ in: 'path', name: 'id' });
    expect(document.paths['/api/auth/sign-in/email']?.post?.summary).toBe('Sign in with email and password');
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'User', 'AuditEvent', 'DueAcknowledgement', 'PolicyChanges']),
    );
    const acknowledge = document.paths['/api/acknowledgements']?.post;
    expect(Object.keys(acknowledge?.responses ?? {})).toEqual(expect.arrayContaining(['200', '201', '400', '401', '404', '409']));
    expect(JSON.stringify(acknowledge?.requestBody)).toContain('"version"');
    expect(document.paths['/api/reports/acknowledgements']?.get?.description).toContain(
      'Only managers and admins see reports about people.',
    );
  });

  it('declares the bearer scheme of API keys and the scope each route takes, and no key elsewhere', () => {
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const search = document.paths['/api/search']?.get;
    expect(search?.security).toEqual([{ session: [] }, { apiKey: ['read'] }]);
    expect(search?.['x-knowhow-key-scope']).toBe('read');
    expect(search?.description).toContain('API keys with the `read` scope');
    for (const path of ['/api/reports/training', '/api/reports/acknowledgements', '/api/reviews']) {
      expect(document.paths[path]?.get?.security, path).toEqual([{ session: [] }, { apiKey: ['reports'] }]);
    }
    // Admin, people and write routes take no key.
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    const keyed = operations.filter(({ operation }) => JSON.stringify(operation.security ?? []).includes('apiKey'));
    expect(keyed.every(({ method }) => method === 'get')).toBe(true);
    expect(keyed.some(({ path }) => path.startsWith('/api/admin') || path.startsWith('/api/me'))).toBe(false);
    expect(document.paths['/api/admin/api-keys']?.post?.security).toEqual([{ session: [] }]);
  });

  it('has a page for people that lists every operation', async () => {
    const page = await (await fetch(`${site.server.url}/api-docs/`)).text();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations))
        expect(page, `${method} ${path}`).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
    }
  });
});
