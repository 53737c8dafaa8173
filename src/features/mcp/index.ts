/**
 * The MCP server for AI assistants: its tools' names, and who may see what they were called for.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { USAGE_READERS } from './access.ts';
export { MCP_TOOLS, PERSON_TOOLS, READ_TOOLS } from './schemas.ts';
export type { McpToolName } from './schemas.ts';
