/**
 * How often each caller called each tool, per day: counted in memory on every call and added to
 * the database (mcp_usage) every FLUSH_INTERVAL_MS, when an admin looks, and when the server
 * stops, so a busy assistant costs no database write per call. Several servers on one database
 * add up their own counts.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../../server/app.ts';
import type { McpCaller } from './callers.ts';

const FLUSH_INTERVAL_MS = 10_000;

interface Pending {
  day: string;
  callerKind: McpCaller['kind'];
  callerId: string;
  callerName: string;
  tool: string;
  calls: number;
}

/**
 * The counts not yet written, kept in the app context: the built server's routes and the
 * process that closes the context (cli/serve.ts) load this module each their own way, so a
 * module's own variable would be two.
 */
export interface UsageCounter {
  pending: Map<string, Pending>;
  timer: NodeJS.Timeout | undefined;
  flushing: Promise<void>;
}

export function createUsageCounter(): UsageCounter {
  return { pending: new Map(), timer: undefined, flushing: Promise.resolve() };
}

function callerOf(caller: McpCaller): { id: string; name: string } {
  return caller.kind === 'anonymous' ? { id: '', name: '' } : { id: caller.id, name: caller.name };
}

/** Counts one call of `tool` by `caller`; written within FLUSH_INTERVAL_MS. */
export function countCall(app: AppContext, caller: McpCaller, tool: string): void {
  const counter = app.mcpUsage;
  const day = app.now().toISOString().slice(0, 10);
  const { id, name } = callerOf(caller);
  const key = `${day}\u0000${caller.kind}\u0000${id}\u0000${tool}`;
  const pending = counter.pending.get(key);
  if (pending) {
    pending.calls++;
    pending.callerName = name;
  } else {
    counter.pending.set(key, { day, callerKind: caller.kind, callerId: id, callerName: name, tool, calls: 1 });
  }
  if (!counter.timer) {
    counter.timer = setTimeout(() => {
      counter.timer = undefined;
      flushUsage(app).catch((error: unknown) => console.error('Writing the MCP call counts failed:', error));
    }, FLUSH_INTERVAL_MS);
    // Waiting counts never keep a process alive; the server's stop flushes them (app.close).
    counter.timer.unref();
  }
}

/**
 * Adds the counts made since the last flush to the database, one upsert per caller, tool and
 * day. Counts that fail to be written are kept for the next flush.
 */
export function flushUsage(app: AppContext): Promise<void> {
  const counter = app.mcpUsage;
  counter.flushing = counter.flushing.then(async () => {
    if (counter.pending.size === 0) return;
    const batch = [...counter.pending.values()];
    counter.pending.clear();
    try {
      await app.db
        .insertInto('mcp_usage')
        .values(
          batch.map((row) => ({
            day: row.day,
            caller_kind: row.callerKind,
            caller_id: row.callerId,
            caller_name: row.callerName,
            tool: row.tool,
            calls: row.calls,
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['day', 'caller_kind', 'caller_id', 'tool']).doUpdateSet({
            calls: sql`mcp_usage.calls + excluded.calls`,
            caller_name: sql`excluded.caller_name`,
          }),
        )
        .execute();
    } catch (error) {
      for (const row of batch) {
        const key = `${row.day}\u0000${row.callerKind}\u0000${row.callerId}\u0000${row.tool}`;
        const later = counter.pending.get(key);
        if (later) later.calls += row.calls;
        else counter.pending.set(key, row);
      }
      throw error;
    }
  });
  return counter.flushing;
}

/** Writes what is counted and stops counting for `app`: its server is stopping. */
export async function closeUsage(app: AppContext): Promise<void> {
  const counter = app.mcpUsage;
  if (counter.timer) clearTimeout(counter.timer);
  counter.timer = undefined;
  await flushUsage(app);
}

export interface UsageRow {
  callerKind: McpCaller['kind'];
  callerId: string;
  callerName: string;
  /** Calls per tool over the days asked for. */
  tools: Record<string, number>;
  total: number;
}

/** The calls per caller and tool over the last `days` days (UTC) up to today, busiest callers first. */
export async function usageReport(app: AppContext, days = 30): Promise<{ from: string; to: string; rows: UsageRow[] }> {
  await flushUsage(app);
  const today = app.now();
  const to = today.toISOString().slice(0, 10);
  const from = new Date(today.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const found = await app.db
    .selectFrom('mcp_usage')
    .select(['caller_kind', 'caller_id', 'tool', sql<string>`max(caller_name)`.as('caller_name'), sql<string>`sum(calls)`.as('calls')])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['caller_kind', 'caller_id', 'tool'])
    .execute();
  const rows = new Map<string, UsageRow>();
  for (const row of found) {
    const key = `${row.caller_kind}\u0000${row.caller_id}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        callerKind: row.caller_kind as McpCaller['kind'],
        callerId: row.caller_id,
        callerName: row.caller_name,
        tools: {},
        total: 0,
      };
      rows.set(key, entry);
    }
    const calls = Number(row.calls);
    entry.tools[row.tool] = (entry.tools[row.tool] ?? 0) + calls;
    entry.total += calls;
  }
  return { from, to, rows: [...rows.values()].sort((a, b) => b.total - a.total || a.callerName.localeCompare(b.callerName)) };
}
