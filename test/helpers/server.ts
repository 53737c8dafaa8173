/**
 * Starts a built site's real server (cli/serve.ts, as npm start does) on a free loopback
 * port, in production mode, with a database of its own (a new SQLite file unless `env` gives a
 * DATABASE_URL) so tests never touch data/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './fixture-site.ts';

export interface RunningServer {
  url: string;
  /** The DATABASE_URL it runs on, for tests that add people to it. */
  databaseUrl: string;
  /** Its process id. */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
  /** Stops it at once, as a crash or `kill -9` would. */
  kill(): Promise<void>;
}

/** A secret for test servers only: production mode refuses to start without one. */
export const TEST_AUTH_SECRET = 'test-secret-for-knowhow-servers-in-tests-0123456789';

export async function startServer(
  distDir: string,
  env: Record<string, string> = {},
  { nodeArgs = [] }: { nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const port = Number(env.PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  const dataDir = env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'knowhow-server-'));
  const databaseUrl = env.DATABASE_URL ?? `file:${join(dataDir as string, 'knowhow.db')}`;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'cli/serve.ts')], {
    env: {
      ...process.env,
      KNOWHOW_OUT_DIR: distDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      BETTER_AUTH_URL: url,
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await waitUntilUp(url, child, () => output);
  const stopWith = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  let removed = false;
  const cleanUp = () => {
    if (dataDir && !removed) rmSync(dataDir, { recursive: true, force: true });
    removed = true;
  };
  return {
    url,
    databaseUrl,
    pid: child.pid as number,
    output: () => output,
    stop: () => stopWith('SIGTERM').then(cleanUp),
    kill: () => stopWith('SIGKILL'),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server stopped:\n${output()}`);
    try {
      await fetch(`${url}/api/health`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error(`The server did not start within 15 s:\n${output()}`);
}
