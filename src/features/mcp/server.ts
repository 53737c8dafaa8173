/**
 * The MCP endpoint on the server: answering /mcp (this loads the MCP SDK).
 *
 * What the server and its pages may use of this feature's server side (its database, sessions
 * and services). They import it from here, never from its files.
 */
export { answerMcp, MAX_BODY_BYTES } from './server/endpoint.ts';
export type { McpCaller } from './server/callers.ts';
