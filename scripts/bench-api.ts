/**
 * npm run bench:api [-- --seconds 20] [-- --only sqlite|postgres|ceiling]
 *
 * The API under a contact centre's load, on SQLite and on PostgreSQL (when one answers at
 * KNOWHOW_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test), beside the
 * ceiling of this machine: a bare Node http server answering a fixed JSON, measured in the same
 * run with the same load.
 * - Steady: 64 signed-in clients call GET /api/me at 500 requests per second in total for 20 s,
 *   evenly spaced (scripts/lib/steady-load.ts), latencies counted from when each request was due:
 *   p50, p99, errors. Target: p99 <= 50 ms, no errors.
 * - Flat out: the same 64 clients as fast as they can for 10 s (autocannon, closed loop):
 *   requests per second, and its ratio to the ceiling.
 * The load generators run on the same machine as the server: they share its two cores.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type AppContext, startApp } from '../src/lib/server/app.ts';
import { loadEnv } from '../src/lib/server/env.ts';
import { prepareUser, insertUser } from '../src/lib/server/users/users.ts';
import { newUserSchema } from '../src/lib/server/users/user-input.ts';
import { postgres, sqlite, type DatabaseKindUnderTest } from '../test/helpers/databases.ts';
import { type RunningServer, startServer, TEST_AUTH_SECRET } from '../test/helpers/server.ts';
import { build, ROOT } from './bench-build.ts';
import { steadyLoad } from './lib/steady-load.ts';

const CLIENTS = 64;
const STEADY_RATE = 500;
const TARGET_P99_MS = 50;
const PASSWORD = 'bench lantern orbit kettle';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, only: { type: 'string' } } });
const steadySeconds = Number(values.seconds);
const flatOutSeconds = Math.max(5, Math.round(steadySeconds / 2));

interface Load {
  label: string;
  url: string;
  /** A header set per client: each signed-in agent has their own session. */
  headersFor: (client: number) => Record<string, string>;
}

interface Figures {
  p50: number;
  p99: number;
  errors: number;
  requestsPerSecond: number;
}

/** As many requests as 64 clients can make, each waiting for its answer before the next. */
function flatOut(load: Load, seconds: number): Promise<Figures> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: load.url,
        connections: CLIENTS,
        duration: seconds,
        setupClient: (client: { setHeaders(headers: Record<string, string>): void }) =>
          client.setHeaders(load.headersFor(next++ % CLIENTS)),
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        resolve({
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
          requestsPerSecond: result.requests.average,
        });
      },
    );
  });
}

async function steady(load: Load, seconds: number): Promise<Figures> {
  const result = await steadyLoad({ url: load.url, clients: CLIENTS, rate: STEADY_RATE, seconds, headersFor: load.headersFor });
  return { p50: result.p50, p99: result.p99, errors: result.errors, requestsPerSecond: result.sent / seconds };
}

async function measure(load: Load): Promise<{ steady: Figures; flatOut: Figures }> {
  // Warm up: connections open, code compiled, caches filled.
  await steady(load, 3);
  return { steady: await steady(load, steadySeconds), flatOut: await flatOut(load, flatOutSeconds) };
}

async function ceiling(): Promise<{ steady: Figures; flatOut: Figures }> {
  const body = JSON.stringify({
    user: { id: 'x'.repeat(32), email: 'agent@kestrel.example', name: 'Agent', role: 'member', jobRoles: ['agent'] },
    padding: 'x'.repeat(1800),
  });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    return await measure({ label: 'ceiling', url: `http://127.0.0.1:${port}/`, headersFor: () => ({}) });
  } finally {
    server.close();
  }
}

/** 64 agents in the database, each signed in with a session of their own. */
async function signedInAgents(app: AppContext, server: RunningServer): Promise<string[]> {
  const schema = newUserSchema(['agent']);
  const people = Array.from({ length: CLIENTS }, (_, index) =>
    schema.parse({
      email: `agent.${index}@bench.example`,
      name: `Agent ${index}`,
      jobRoles: ['agent'],
      team: `Tier ${index % 3}`,
      password: PASSWORD,
    }),
  );
  const prepared = await Promise.all(people.map((person) => prepareUser(app, person)));
  await app.db.transaction().execute(async (trx) => {
    for (const user of prepared) await insertUser(trx, app, { user: null, via: 'benchmark' }, user);
  });
  const cookies: string[] = [];
  for (const person of people) {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ email: person.email, password: PASSWORD }),
    });
    if (!response.ok) throw new Error(`Signing in ${person.email} failed: ${response.status} ${await response.text()}`);
    cookies.push(
      response.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; '),
    );
  }
  return cookies;
}

async function onDatabase(kind: DatabaseKindUnderTest, dist: string): Promise<[string, { steady: Figures; flatOut: Figures }][]> {
  if (!kind.available) {
    console.log(`${kind.name}: not measured, no PostgreSQL answers (set KNOWHOW_TEST_POSTGRES_URL).`);
    return [];
  }
  const db = await kind.create();
  const app = await startApp(loadEnv({ DATABASE_URL: db.url, BETTER_AUTH_SECRET: TEST_AUTH_SECRET }, ROOT), {
    devSecretFile: `${ROOT}/.bench/unused-secret`,
  });
  const server = await startServer(dist, { DATABASE_URL: db.url, KNOWHOW_SIGNIN_RATE_LIMIT: '100000' });
  try {
    const cookies = await signedInAgents(app, server);
    const me = await fetch(`${server.url}/api/me`, { headers: { Cookie: cookies[0] as string } });
    if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
    const rows: [string, { steady: Figures; flatOut: Figures }][] = [
      [
        `GET /api/me on ${kind.name}`,
        await measure({ label: kind.name, url: `${server.url}/api/me`, headersFor: (client) => ({ Cookie: cookies[client] as string }) }),
      ],
    ];
    // The route that does nothing, without a session: what is left is the server's own path.
    if (kind === sqlite)
      rows.push([
        'GET /api/health, nobody signed in',
        await measure({ label: 'health', url: `${server.url}/api/health`, headersFor: () => ({}) }),
      ]);
    return rows;
  } finally {
    await server.stop();
    await app.close();
    await db.drop();
  }
}

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

const built = await build(`${ROOT}/test/fixtures/site`, 'api-site');
if (built.status !== 0) {
  console.error(`The fixture site did not build:\n${built.output.slice(-3000)}`);
  process.exit(1);
}
const dist = `${ROOT}/.bench/api-site/dist`;
const rows: [string, { steady: Figures; flatOut: Figures }][] = [];
const wanted = (name: string) => !values.only || values.only === name;
const top = wanted('ceiling') || !values.only ? await ceiling() : undefined;
if (top) rows.push(['bare Node http, fixed JSON (ceiling)', top]);
for (const kind of [sqlite, postgres]) {
  if (!wanted(kind.name.toLowerCase())) continue;
  rows.push(...(await onDatabase(kind, dist)));
}

console.log(`\n${CLIENTS} signed-in clients; steady ${STEADY_RATE} req/s for ${steadySeconds} s, then flat out for ${flatOutSeconds} s.\n`);
console.log('| server | steady p50 | steady p99 | errors | flat out | of the ceiling |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [label, { steady, flatOut }] of rows) {
  const ratio = top ? `${((flatOut.requestsPerSecond / top.flatOut.requestsPerSecond) * 100).toFixed(1)}%` : 'n/a';
  console.log(
    `| ${label} | ${format(steady.p50)} ms | ${format(steady.p99)} ms | ${steady.errors + flatOut.errors} | ${format(flatOut.requestsPerSecond)} req/s | ${ratio} |`,
  );
}
const missed = rows.filter(([label, { steady }]) => label.startsWith('GET /api/me') && (steady.p99 > TARGET_P99_MS || steady.errors > 0));
if (missed.length > 0) {
  console.log(
    `\nTarget missed (p99 <= ${TARGET_P99_MS} ms at ${STEADY_RATE} req/s, no errors): ${missed.map(([label]) => label).join(', ')}`,
  );
  process.exitCode = 1;
} else {
  console.log(`\nTarget met: p99 <= ${TARGET_P99_MS} ms at ${STEADY_RATE} req/s with no errors.`);
}
