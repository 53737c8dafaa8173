/**
 * npm run bench:api [-- --seconds 20] [-- --only sqlite|postgres|ceiling] [-- --section me|training|agents]
 *
 * The API under a contact centre's load, on SQLite and on PostgreSQL (when one answers at
 * KNOWHOW_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test), beside the
 * ceiling of this machine: a bare Node http server answering a fixed JSON, measured in the same
 * run with the same load.
 * - Steady: 64 signed-in clients call GET /api/me at 500 requests per second in total for 20 s,
 *   evenly spaced (cli/lib/steady-load.ts), latencies counted from when each request was due:
 *   p50, p99, errors. Target: p99 <= 50 ms, no errors.
 * - Flat out: the same 64 clients as fast as they can for 10 s (autocannon, closed loop):
 *   requests per second, and its ratio to the ceiling.
 * - Training, a second section: 64 signed-in learners take a quiz and read their progress, on
 *   the built sample site (content/ and quizzes/; the rows above run on the fixture site, whose
 *   one quiz allows two attempts). They are agents, so the job role assigns them the module
 *   handling-complaints, whose quiz allows any number of attempts: no submission meets a limit.
 *   Each repeats GET /api/me/training, GET /api/quizzes/handling-complaints (opens an attempt),
 *   POST /api/quizzes/handling-complaints/attempts (a fresh idempotency key each time),
 *   GET /api/me/training (cli/lib/learner-steps.ts): half the requests take the quiz, half
 *   read progress, one submission per two reads; about half the attempts pass. Steady at 200
 *   requests per second in total for 20 s (target: p99 <= 50 ms, no errors), then flat out as
 *   above. Below the table: the mix's steady p99 by request, and any failure by request and
 *   status, since one count of errors does not say which request failed or how.
 * - Agents' tools, a third section: a helpdesk sidebar and an AI assistant asking the sample
 *   site's handbook with one `read` API key between the 64 clients (as a helpdesk's proxy sends
 *   every agent's request with its one key): GET /api/search and the MCP `search` tool
 *   (POST /mcp, tools/call, stateless), each client asking the next of a set of agents'
 *   questions. Steady at 500 requests per second for 20 s (target: p99 <= 50 ms, no errors),
 *   then flat out as above.
 * The load generators run on the same machine as the server: they share its two cores.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type AppContext, startApp } from '../src/server/app.ts';
import { loadEnv } from '../src/kit/server/env.ts';
import { prepareUser, insertUser, newUserSchema } from '../src/features/accounts/server.ts';
import { createApiKey } from '../src/features/api-keys/server.ts';
import { postgres, sqlite, type DatabaseKindUnderTest } from '../test/helpers/databases.ts';
import { type RunningServer, startServer, TEST_AUTH_SECRET } from '../test/helpers/server.ts';
import { build, ROOT } from './bench-build.ts';
import { learnerSteps } from './lib/learner-steps.ts';
import { type Step, steadyLoad } from './lib/steady-load.ts';

const CLIENTS = 64;
const STEADY_RATE = 500;
const TRAINING_RATE = 200;
const TARGET_P99_MS = 50;
const PASSWORD = 'bench lantern orbit kettle';
/** The sample site's module with a quiz of unlimited attempts (attempts: 0), assigned to the job role agent. */
const QUIZ_MODULE = 'handling-complaints';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, only: { type: 'string' }, section: { type: 'string' } },
});
const inSection = (name: Row['section']) => !values.section || values.section === name;
const steadySeconds = Number(values.seconds);
const flatOutSeconds = Math.max(5, Math.round(steadySeconds / 2));

interface Load {
  /** The server's origin. */
  url: string;
  /** Requests per second in total, steady. */
  rate: number;
  /** What client `client` repeats: each signed-in agent's requests carry their own session. */
  stepsFor: (client: number) => Step[];
}

interface Figures {
  p50: number;
  p99: number;
  errors: number;
  /** The errors by request and status, e.g. `GET /api/me: 500`. */
  failures: Record<string, number>;
  requestsPerSecond: number;
  /** Steady only: p99 of each request of a mix alone. */
  p99ByStep?: Record<string, number>;
}

interface Measured {
  steady: Figures;
  flatOut: Figures;
}

/** A line of the table: its section (GET /api/me, the training load, agents' tools), and whether it has a target. */
interface Row {
  section: 'me' | 'training' | 'agents';
  label: string;
  measured: Measured;
  target: boolean;
}

/** The same GET, over and over; a client's headers are its own. */
const getting =
  (path: string, headersFor: (client: number) => Record<string, string> = () => ({})) =>
  (client: number): Step[] => [{ name: `GET ${path}`, method: 'GET', path, headers: headersFor(client) }];

const count = (failures: Record<string, number>, what: string, times = 1) => {
  if (times > 0) failures[what] = (failures[what] ?? 0) + times;
};

/** A step as autocannon sends it; a body made per request needs a setupRequest, which rebuilds it each time. */
function forAutocannon(step: Step, failures: Record<string, number>): autocannon.Request {
  const { body } = step;
  return {
    method: step.method,
    path: step.path,
    headers: step.headers,
    // Left out, not undefined, where there is no body: autocannon would call an undefined one.
    ...(body ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: body() }) } : {}),
    onResponse: (status, answer) => {
      if (status >= 300) count(failures, `${step.name}: ${status}`);
      step.onAnswer?.(status, answer);
    },
  };
}

/** As many requests as 64 clients can make, each waiting for its answer before the next. */
function flatOut(load: Load, seconds: number): Promise<Figures> {
  let next = 0;
  const failures: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: load.url,
        connections: CLIENTS,
        duration: seconds,
        setupClient: (client) => client.setRequests(load.stepsFor(next++ % CLIENTS).map((step) => forAutocannon(step, failures))),
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        count(failures, 'connection errors', result.errors);
        count(failures, 'timeouts', result.timeouts);
        resolve({
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
          failures,
          requestsPerSecond: result.requests.average,
        });
      },
    );
  });
}

async function steady(load: Load, seconds: number): Promise<Figures> {
  const result = await steadyLoad({ url: load.url, clients: CLIENTS, rate: load.rate, seconds, stepsFor: load.stepsFor });
  return { ...result, requestsPerSecond: result.sent / seconds };
}

async function measure(load: Load): Promise<Measured> {
  // Warm up: connections open, code compiled, caches filled.
  await steady(load, 3);
  return { steady: await steady(load, steadySeconds), flatOut: await flatOut(load, flatOutSeconds) };
}

async function ceiling(): Promise<Measured> {
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
    return await measure({ url: `http://127.0.0.1:${port}`, rate: STEADY_RATE, stepsFor: getting('/') });
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

/** A built site's server on the database at `databaseUrl`, stopped once `use` is done. */
async function withServer<T>(dist: string, databaseUrl: string, use: (server: RunningServer) => Promise<T>): Promise<T> {
  // One key serves every agent in the agents' section: its per-key limit must not be what is measured.
  const server = await startServer(dist, {
    DATABASE_URL: databaseUrl,
    KNOWHOW_SIGNIN_RATE_LIMIT: '100000',
    KNOWHOW_API_KEY_RATE_LIMIT: '10000000',
  });
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

/** Refuses to measure a training load that would only measure refusals: the learners must have the module, with no attempt limit. */
async function checkLearnersHaveTheQuiz(server: RunningServer, cookie: string): Promise<void> {
  const response = await fetch(`${server.url}/api/me/training`, { headers: { Cookie: cookie } });
  if (response.status !== 200) throw new Error(`GET /api/me/training answered ${response.status}`);
  const { modules } = (await response.json()) as { modules: { module: string; assigned: boolean; attemptsAllowed: number }[] };
  const module = modules.find((candidate) => candidate.module === QUIZ_MODULE);
  if (!module?.assigned || module.attemptsAllowed !== 0)
    throw new Error(`The learners need ${QUIZ_MODULE} assigned, with unlimited attempts; they have ${JSON.stringify(module)}`);
}

/** What agents ask mid-call, in their words; each client asks the next one each time. */
const AGENT_QUESTIONS = [
  'customer wants a refund after 5 weeks',
  'how do I verify the caller is the account holder',
  'complaint escalation to a team lead',
  'roaming charges disputed abroad',
  'customer threatens to cancel their contract',
  'direct debit failed twice',
  'porting a number to another network',
  'vulnerable customer needs extra support',
  'broadband outage in my area',
  'change the account holder name',
];

/** Whether the MCP endpoint answers a tools/call with this key; false names why. */
async function mcpAnswers(server: RunningServer, key: string): Promise<true | string> {
  const step = mcpSearch(key)(0)[0] as Step;
  const response = await fetch(`${server.url}${step.path}`, { method: 'POST', headers: step.headers, body: step.body?.() ?? '' });
  const text = await response.text();
  return response.status === 200 && text.includes('"result"') ? true : `POST /mcp answered ${response.status}: ${text.slice(0, 200)}`;
}

/** The MCP search tool, called as an assistant calls it over Streamable HTTP with no session. */
function mcpSearch(key: string) {
  let id = 0;
  return (client: number): Step[] => [
    {
      name: 'POST /mcp tools/call search',
      method: 'POST',
      path: '/mcp',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'MCP-Protocol-Version': '2025-11-25',
      },
      body: () =>
        JSON.stringify({
          jsonrpc: '2.0',
          id: ++id,
          method: 'tools/call',
          params: { name: 'search', arguments: { query: AGENT_QUESTIONS[(client + id) % AGENT_QUESTIONS.length], limit: 5 } },
        }),
    },
  ];
}

/** GET /api/search with the helpdesk's key, a different question for each client. */
function keySearch(key: string) {
  return (client: number): Step[] => {
    const question = AGENT_QUESTIONS[client % AGENT_QUESTIONS.length] as string;
    const path = `/api/search?q=${encodeURIComponent(question)}&limit=5`;
    return [{ name: 'GET /api/search', method: 'GET', path, headers: { Authorization: `Bearer ${key}` } }];
  };
}

async function agentsTools(kind: DatabaseKindUnderTest, app: AppContext, sample: string, databaseUrl: string): Promise<Row[]> {
  const { key } = await createApiKey(app, { name: 'Benchmark helpdesk', scopes: ['read'] }, { actor: null });
  return withServer(sample, databaseUrl, async (server) => {
    const check = await fetch(`${server.url}/api/search?q=refund`, { headers: { Authorization: `Bearer ${key}` } });
    if (check.status !== 200) throw new Error(`GET /api/search with the key answered ${check.status}`);
    const rows: Row[] = [
      {
        section: 'agents',
        label: `GET /api/search with a key on ${kind.name}`,
        measured: await measure({ url: server.url, rate: STEADY_RATE, stepsFor: keySearch(key) }),
        target: true,
      },
    ];
    const mcp = await mcpAnswers(server, key);
    if (mcp !== true) {
      console.log(`MCP search on ${kind.name}: not measured, ${mcp}`);
      process.exitCode = 1;
      return rows;
    }
    rows.push({
      section: 'agents',
      label: `MCP search tool with a key on ${kind.name}`,
      measured: await measure({ url: server.url, rate: STEADY_RATE, stepsFor: mcpSearch(key) }),
      target: true,
    });
    return rows;
  });
}

async function onDatabase(kind: DatabaseKindUnderTest, sites: { fixture: string; sample: string }): Promise<Row[]> {
  if (!kind.available) {
    console.log(`${kind.name}: not measured, no PostgreSQL answers (set KNOWHOW_TEST_POSTGRES_URL).`);
    return [];
  }
  const db = await kind.create();
  const app = await startApp(loadEnv({ DATABASE_URL: db.url, BETTER_AUTH_SECRET: TEST_AUTH_SECRET }, ROOT), {
    devSecretFile: `${ROOT}/.bench/unused-secret`,
  });
  try {
    const rows: Row[] = [];
    if (inSection('agents')) rows.push(...(await agentsTools(kind, app, sites.sample, db.url)));
    if (!inSection('me') && !inSection('training')) return rows;
    const cookies = await withServer(sites.fixture, db.url, async (server) => {
      const signedIn = await signedInAgents(app, server);
      const me = await fetch(`${server.url}/api/me`, { headers: { Cookie: signedIn[0] as string } });
      if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
      const withSession = (client: number) => ({ Cookie: signedIn[client] as string });
      if (inSection('me'))
        rows.push({
          section: 'me',
          label: `GET /api/me on ${kind.name}`,
          measured: await measure({ url: server.url, rate: STEADY_RATE, stepsFor: getting('/api/me', withSession) }),
          target: true,
        });
      // The route that does nothing, without a session: what is left is the server's own path.
      if (kind === sqlite && inSection('me'))
        rows.push({
          section: 'me',
          label: 'GET /api/health, nobody signed in',
          measured: await measure({ url: server.url, rate: STEADY_RATE, stepsFor: getting('/api/health') }),
          target: false,
        });
      return signedIn;
    });
    // The same people and sessions, on the sample site's server: the database is the same.
    if (inSection('training'))
      await withServer(sites.sample, db.url, async (server) => {
        await checkLearnersHaveTheQuiz(server, cookies[0] as string);
        rows.push({
          section: 'training',
          label: `training mix on ${kind.name}`,
          measured: await measure({
            url: server.url,
            rate: TRAINING_RATE,
            stepsFor: (client) => learnerSteps(QUIZ_MODULE, cookies[client] as string, server.url),
          }),
          target: true,
        });
      });
    return rows;
  } finally {
    await app.close();
    await db.drop();
  }
}

async function builtSite(contentDir: string, name: string): Promise<string> {
  const built = await build(contentDir, name);
  if (built.status !== 0) {
    console.error(`${contentDir} did not build:\n${built.output.slice(-3000)}`);
    process.exit(1);
  }
  return `${ROOT}/.bench/${name}/dist`;
}

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function printRow({ label, measured: { steady, flatOut } }: Row, top: Measured | undefined): void {
  const ratio = top ? `${((flatOut.requestsPerSecond / top.flatOut.requestsPerSecond) * 100).toFixed(1)}%` : 'n/a';
  console.log(
    `| ${label} | ${format(steady.p50)} ms | ${format(steady.p99)} ms | ${steady.errors + flatOut.errors} | ${format(flatOut.requestsPerSecond)} req/s | ${ratio} |`,
  );
}

/** Where a mix's time goes, and what failed: the table has one figure for each. */
function printDetails(rows: Row[]): void {
  for (const { label, measured } of rows) {
    const byStep = Object.entries(measured.steady.p99ByStep ?? {});
    if (byStep.length > 1)
      console.log(`${label}, steady p99 by request: ${byStep.map(([name, p99]) => `${name} ${format(p99)} ms`).join(', ')}`);
    for (const [phase, figures] of Object.entries(measured))
      for (const [what, times] of Object.entries(figures.failures)) console.log(`${label}, ${phase}: ${times} × ${what}`);
  }
}

function checkTarget(rows: Row[], what: string, rate: number): void {
  const missed = rows.filter(({ target, measured: { steady } }) => target && (steady.p99 > TARGET_P99_MS || steady.errors > 0));
  if (missed.length > 0) {
    console.log(
      `${what}: target missed (p99 <= ${TARGET_P99_MS} ms at ${rate} req/s, no errors): ${missed.map(({ label }) => label).join(', ')}`,
    );
    process.exitCode = 1;
  } else if (rows.some(({ target }) => target)) {
    console.log(`${what}: target met, p99 <= ${TARGET_P99_MS} ms at ${rate} req/s with no errors.`);
  }
}

const sites = {
  fixture: await builtSite(`${ROOT}/test/fixtures/site`, 'api-site'),
  sample: await builtSite(`${ROOT}/content`, 'api-sample'),
};
const rows: Row[] = [];
const wanted = (name: string) => !values.only || values.only === name;
const top = wanted('ceiling') ? await ceiling() : undefined;
if (top) rows.push({ section: 'me', label: 'bare Node http, fixed JSON (ceiling)', measured: top, target: false });
for (const kind of [sqlite, postgres]) {
  if (!wanted(kind.name.toLowerCase())) continue;
  rows.push(...(await onDatabase(kind, sites)));
}
const meRows = rows.filter(({ section }) => section === 'me');
const trainingRows = rows.filter(({ section }) => section === 'training');
const agentRows = rows.filter(({ section }) => section === 'agents');

console.log(`\n${CLIENTS} signed-in clients; steady ${STEADY_RATE} req/s for ${steadySeconds} s, then flat out for ${flatOutSeconds} s.`);
console.log(
  `Training: ${CLIENTS} signed-in learners, each repeating GET /api/me/training, GET /api/quizzes/${QUIZ_MODULE}, POST /api/quizzes/${QUIZ_MODULE}/attempts, GET /api/me/training; steady ${TRAINING_RATE} req/s for ${steadySeconds} s, then flat out for ${flatOutSeconds} s.\n`,
);
console.log('| server | steady p50 | steady p99 | errors | flat out | of the ceiling |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of meRows) printRow(row, top);
if (trainingRows.length > 0) {
  console.log(`| **training: take a quiz and read progress, ${TRAINING_RATE} req/s steady** | | | | | |`);
  for (const row of trainingRows) printRow(row, top);
}
if (agentRows.length > 0) {
  console.log(`| **agents' tools: search with one read key, ${STEADY_RATE} req/s steady** | | | | | |`);
  for (const row of agentRows) printRow(row, top);
}
console.log('');
printDetails(rows);
checkTarget(meRows, 'GET /api/me', STEADY_RATE);
checkTarget(trainingRows, 'Training', TRAINING_RATE);
checkTarget(agentRows, "Agents' tools", STEADY_RATE);
