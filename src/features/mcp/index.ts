/**
 * The MCP server for AI assistants: its tools' names and shapes, and what it says about a page.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { MCP_TOOLS, PERSON_TOOLS, READ_TOOLS } from './schemas.ts';
export type { McpToolName } from './schemas.ts';
