/**
 * What deploy/ ships for running Knowhow under systemd: a unit that systemd accepts, that
 * restarts the server on failure as its own user with the settings file, and stops it with one
 * SIGTERM given longer than the server's own grace period; and a settings file that the
 * server accepts once its secret is filled in.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/kit/server/env.ts';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';

const unit = readFileSync(join(PROJECT_ROOT, 'deploy/knowhow.service'), 'utf8');
const settings = (text: string, section: string) => {
  const body = text.split(/^\[/m).find((part) => part.startsWith(`${section}]`)) ?? '';
  return Object.fromEntries(
    body
      .split('\n')
      .filter((line) => /^\w+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
};

const hasSystemdAnalyze = (() => {
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSystemdAnalyze) console.warn('The systemd unit is not verified: systemd-analyze is not installed (Debian package systemd).');

describe('the systemd unit', () => {
  const service = settings(unit, 'Service');

  it('runs the server directly on the project’s Node, as its own user, with the settings file, and restarts it on failure', () => {
    expect(service.ExecStart).toBe('/srv/knowhow/node_modules/.bin/node cli/serve.ts');
    expect(service.WorkingDirectory).toBe('/srv/knowhow');
    expect(service.User).toBe('knowhow');
    expect(service.EnvironmentFile).toBe('/etc/knowhow/knowhow.env');
    expect(service.Restart).toBe('on-failure');
    expect(service.ReadWritePaths).toBe('/srv/knowhow/data');
  });

  it('stops it with one SIGTERM and waits longer than the server lets requests finish', () => {
    expect(service.KillSignal).toBe('SIGTERM');
    // Only the main process gets the signal; with npm in between it would arrive twice.
    expect(service.KillMode).toBe('mixed');
    const defaultGrace = loadEnv({}, PROJECT_ROOT).shutdownTimeoutMs / 1000;
    expect(Number(service.TimeoutStopSec)).toBeGreaterThan(defaultGrace + 5);
  });

  it.skipIf(!hasSystemdAnalyze)('is accepted by systemd-analyze verify', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-unit-'));
    const file = join(dir, 'knowhow.service');
    writeFileSync(file, unit.replaceAll('/srv/knowhow', PROJECT_ROOT.replace(/\/$/, '')));
    const output = execFileSync('systemd-analyze', ['verify', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toBe('');
  });
});

describe('the settings file', () => {
  it('starts a production server once its secret is filled in', () => {
    const text = readFileSync(join(PROJECT_ROOT, 'deploy/knowhow.env.example'), 'utf8');
    const values = Object.fromEntries(
      text
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(() => loadEnv(values, PROJECT_ROOT)).toThrow(/BETTER_AUTH_SECRET is required in production/);
    const env = loadEnv({ ...values, BETTER_AUTH_SECRET: 'x'.repeat(44) }, PROJECT_ROOT);
    expect(env).toMatchObject({
      production: true,
      host: '127.0.0.1',
      baseUrl: 'https://handbook.kestrel.example',
      trustedProxies: ['loopback'],
    });
  });
});
