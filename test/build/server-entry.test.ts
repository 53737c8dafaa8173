/**
 * The built server's entry (build/server-adapter.ts, memoized-page-imports.ts): it
 * exports Astro's app and the API route modules, and every module loader in it remembers its
 * module. If an Astro release changes how the entry loads modules, this says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEMOIZED_LOADER_MARK } from '../../src/build/memoized-page-imports.ts';
import { FIXTURE_DIST } from '../helpers/fixture-site.ts';

const entry = readFileSync(join(FIXTURE_DIST, 'server/entry.mjs'), 'utf8');

describe('the built server entry', () => {
  it('exports Astro’s app and the API route modules', async () => {
    expect(entry).toMatch(/export \{[^}]*\bapiRouteModules\b[^}]*\bapp\b[^}]*\}/);
    const built = (await import(join(FIXTURE_DIST, 'server/entry.mjs'))) as {
      app: { render: unknown };
      apiRouteModules: Record<string, { GET?: unknown }>;
    };
    expect(typeof built.app.render).toBe('function');
    expect(Object.keys(built.apiRouteModules)).toEqual(expect.arrayContaining(['../pages/api/me.ts', '../pages/api/auth/[...all].ts']));
  });

  it('loads each route module once, not on every request', () => {
    const remembered = entry.match(new RegExp(`${MEMOIZED_LOADER_MARK}\\(\\(\\) => import\\(`, 'g')) ?? [];
    expect(remembered.length).toBeGreaterThan(10);
    expect(entry).not.toMatch(/(?<!\()\(\) => import\("\.\//);
  });
});
