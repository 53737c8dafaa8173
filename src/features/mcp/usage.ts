/**
 * The MCP tools' call counts, per caller, tool and day: written by the server, read by the
 * admins' page. An entry of its own, so that what reads them does not load the MCP SDK.
 */
export { closeUsage, createUsageCounter, flushUsage, usageReport } from './server/usage.ts';
export type { UsageCounter, UsageRow } from './server/usage.ts';
