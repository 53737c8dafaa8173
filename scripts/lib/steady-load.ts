/**
 * An open-loop load at a steady rate: request i is due at start + i / rate, whatever happened
 * to the ones before, sent on client i % clients (each client one keep-alive connection, as an
 * agent's browser would hold). A request's latency counts from when it was due, so a server
 * that falls behind shows it. autocannon's overallRate is not that: each client sends its share
 * of a second back to back and then waits, which makes a burst of the whole second's requests
 * at the top of every second.
 */
import { Agent, request } from 'node:http';

export interface SteadyLoadOptions {
  url: string;
  clients: number;
  /** Requests per second, in total. */
  rate: number;
  seconds: number;
  headersFor(client: number): Record<string, string>;
}

export interface SteadyLoadResult {
  sent: number;
  /** Answers other than 2xx, failed connections and timeouts. */
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

const TIMEOUT_MS = 10_000;

export async function steadyLoad({ url, clients, rate, seconds, headersFor }: SteadyLoadOptions): Promise<SteadyLoadResult> {
  const target = new URL(url);
  const agents = Array.from({ length: clients }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const start = performance.now() + 50;

  const send = (index: number, due: number) =>
    new Promise<void>((resolve) => {
      const client = index % clients;
      const outgoing = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          agent: agents[client],
          headers: headersFor(client),
          timeout: TIMEOUT_MS,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - due);
            if ((response.statusCode ?? 0) >= 300) errors++;
            resolve();
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => {
        errors++;
        resolve();
      });
      outgoing.end();
    });

  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        pending.push(send(sent, start + (sent * 1000) / rate));
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, 50);
  });
  await Promise.all(pending);
  for (const agent of agents) agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? Number.NaN;
  return { sent, errors, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? Number.NaN };
}
