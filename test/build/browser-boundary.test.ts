/**
 * What the browser gets and what only the server may run stay apart: no file of the built
 * site's public folder carries server code, secrets' names or the database's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIST } from '../helpers/fixture-site.ts';

const CLIENT_DIR = join(FIXTURE_DIST, 'client');
/** Words only server code has. */
const SERVER_ONLY = [
  'better-auth',
  'kysely',
  'node:sqlite',
  'pg-pool',
  'BETTER_AUTH_SECRET',
  'DATABASE_URL',
  'createHmac',
  'audit_event',
  'rate_limit_bucket',
  'mustChangePassword',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the browser’s files', () => {
  it('carry no server code', () => {
    const found: string[] = [];
    for (const file of files(CLIENT_DIR).filter((path) => /\.(js|mjs|css|html|json)$/.test(path))) {
      const text = readFileSync(file, 'utf8');
      for (const word of SERVER_ONLY) if (text.includes(word)) found.push(`${relative(CLIENT_DIR, file)}: ${word}`);
    }
    expect(found).toEqual([]);
  });
});
