/**
 * Renders many pages on every core: a few child processes, each fed the next page as soon as it
 * finishes one, so a long page on one does not hold the others up. Processes rather than
 * worker threads, because a process gives its memory back when it exits and the rest of the
 * build then runs at the memory of a single-threaded one.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RenderJob, RenderReply } from './render-protocol.ts';

// A page needs a few megabytes; a capped heap collects before it grows large, which keeps the
// build's memory down while the render processes run.
const RENDER_HEAP_MB = 512;
const MAX_BATCH = 16;

export async function renderInWorkers(
  workerFile: URL,
  workerArgs: string[],
  jobs: RenderJob[],
  workerCount = defaultWorkerCount(),
): Promise<RenderReply[]> {
  const results: RenderReply[] = [];
  let next = 0;
  const workers: ChildProcess[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(workerCount, jobs.length) }, () => {
        const worker = fork(fileURLToPath(workerFile), workerArgs, {
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          execArgv: [...process.execArgv, `--max-old-space-size=${RENDER_HEAP_MB}`],
        });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          let current: RenderJob[] = [];
          const feed = () => {
            current = jobs.slice(next, next + batchSize(jobs.length - next, workerCount));
            next += current.length;
            if (current.length > 0) worker.send(current);
            else resolve();
          };
          worker.on('message', (replies: RenderReply[]) => {
            results.push(...replies);
            feed();
          });
          worker.once('error', reject);
          worker.once('exit', (code, signal) => {
            const files = current.map((job) => job.file).join(', ');
            if (current.length > 0)
              reject(new Error(`The render process stopped (${signal ?? `exit code ${code}`}) while rendering ${files}`));
          });
          feed();
        });
      }),
    );
  } finally {
    for (const worker of workers) worker.kill();
  }
  return results;
}

/**
 * Pages per message: large while many remain (each message costs a trip through both event
 * loops), down to one at the end so that no process is left with a long queue while the others
 * have finished.
 */
export function batchSize(remaining: number, workerCount: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(remaining / (workerCount * 4))));
}

export function defaultWorkerCount(raw = process.env.KNOWHOW_RENDER_WORKERS): number {
  if (raw === undefined || raw.trim() === '') return Math.max(1, Math.min(availableParallelism(), 8));
  const configured = Number(raw);
  // A typo must not quietly become the default: the build stops and says what to write.
  if (!/^\d+$/.test(raw.trim()) || configured < 1 || configured > 64) {
    throw new Error(
      `KNOWHOW_RENDER_WORKERS is "${raw}": write a whole number from 1 to 64, or leave it unset for one per core (at most 8).`,
    );
  }
  return configured;
}
