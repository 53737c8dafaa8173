/**
 * An open-loop load at a steady rate: request i is due at start + i / rate, whatever happened
 * to the ones before, sent on client i % clients (each client one keep-alive connection, as an
 * agent's browser would hold). A request's latency counts from when it was due, so a server
 * that falls behind shows it. autocannon's overallRate is not that: each client sends its share
 * of a second back to back and then waits, which makes a burst of the whole second's requests
 * at the top of every second.
 *
 * Each client repeats its own steps in order (one step, GET /api/me, for a plain load; open a
 * quiz, submit it, read progress for a learner), one request at a time as on one connection: a
 * step is sent once the client's step before it has answered, so it can be built from that
 * answer. A client that falls behind queues its due requests, and their wait counts.
 */
import { Agent, request } from 'node:http';

/** One request in a client's cycle. */
export interface Step {
  /** What failures are counted under, e.g. `POST /api/quizzes/{module}/attempts`. */
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** Made when the request is sent, for a body that depends on an earlier step's answer. */
  body?: () => string;
  /** Told the answer (only steps that ask have their answer's body read into a string). */
  onAnswer?: (status: number, body: string) => void;
}

export interface SteadyLoadOptions {
  /** The server's origin, e.g. http://127.0.0.1:4321. */
  url: string;
  clients: number;
  /** Requests per second, in total. */
  rate: number;
  seconds: number;
  /** The steps client `client` repeats, in order. */
  stepsFor(client: number): Step[];
}

export interface SteadyLoadResult {
  sent: number;
  /** Answers other than 2xx, failed connections and timeouts. */
  errors: number;
  /** The errors by step and status (or error message), e.g. `GET /api/me: 500`. */
  failures: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  /** p99 of each step's requests alone, by step name: in a mix, which one is slow. */
  p99ByStep: Record<string, number>;
}

const TIMEOUT_MS = 10_000;

export async function steadyLoad({ url, clients, rate, seconds, stepsFor }: SteadyLoadOptions): Promise<SteadyLoadResult> {
  const target = new URL(url);
  const agents = Array.from({ length: clients }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const cycles = Array.from({ length: clients }, (_, client) => stepsFor(client));
  const turns = new Array<number>(clients).fill(0);
  // Each client's last request: its next one goes out when that one has answered.
  const lastOf = new Array<Promise<void>>(clients).fill(Promise.resolve());
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const latenciesByStep = new Map<string, number[]>();
  const failures: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  const start = performance.now() + 50;

  const latenciesOf = (step: Step) => {
    const list = latenciesByStep.get(step.name);
    if (list) return list;
    const first: number[] = [];
    latenciesByStep.set(step.name, first);
    return first;
  };
  const fail = (step: Step, what: string | number) => {
    const failure = `${step.name}: ${what}`;
    errors++;
    failures[failure] = (failures[failure] ?? 0) + 1;
  };

  const send = (client: number, step: Step, due: number) =>
    new Promise<void>((resolve) => {
      const body = step.body?.();
      const outgoing = request(
        {
          host: target.hostname,
          port: target.port,
          method: step.method,
          path: step.path,
          agent: agents[client],
          headers: body === undefined ? step.headers : { ...step.headers, 'Content-Length': Buffer.byteLength(body) },
          timeout: TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          if (step.onAnswer) response.on('data', (chunk: Buffer) => chunks.push(chunk));
          else response.resume();
          response.on('end', () => {
            const latency = performance.now() - due;
            latencies.push(latency);
            latenciesOf(step).push(latency);
            const status = response.statusCode ?? 0;
            if (status >= 300) fail(step, status);
            step.onAnswer?.(status, Buffer.concat(chunks).toString('utf8'));
            resolve();
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', (error) => {
        fail(step, error.message);
        resolve();
      });
      outgoing.end(body);
    });

  /** The client's next step, sent once its previous request has answered. */
  const queue = (index: number, due: number) => {
    const client = index % clients;
    const cycle = cycles[client] as Step[];
    const step = cycle[(turns[client] as number)++ % cycle.length] as Step;
    const done = (lastOf[client] as Promise<void>).then(() => send(client, step, due));
    lastOf[client] = done;
    return done;
  };

  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        pending.push(queue(sent, start + (sent * 1000) / rate));
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, 50);
  });
  await Promise.all(pending);
  for (const agent of agents) agent.destroy();
  latencies.sort(byValue);
  const p99ByStep = Object.fromEntries([...latenciesByStep].map(([name, list]) => [name, percentile(list.sort(byValue), 0.99)]));
  return {
    sent,
    errors,
    failures,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    p99ByStep,
  };
}

const byValue = (a: number, b: number) => a - b;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}
