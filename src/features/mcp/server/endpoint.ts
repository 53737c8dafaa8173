/**
 * The MCP endpoint (/mcp): stateless Streamable HTTP on the official SDK. Each request is
 * answered by a server made for its caller (the tools a person may call are listed to people
 * only): the current protocol revision by the SDK's handler, the 2025 ones (2025-11-25,
 * 2025-06-18, 2025-03-26) by a stateless transport made for the request that answers in one
 * JSON body. Before any JSON-RPC is read the caller is known, allowed and within its rate limit,
 * and the body is read once, within MAX_BODY_BYTES, and parsed once.
 */
import {
  type AuthInfo,
  createMcpHandler,
  isLegacyRequest,
  type McpHttpHandler,
  McpServer,
  ProtocolError,
  ProtocolErrorCode,
  ResourceNotFoundError,
  readRequestBody,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';
import type { z } from 'astro/zod';
import type { AppContext } from '../../../server/app.ts';
import {
  AcknowledgementsDueOutput,
  GetPageInput,
  GetPageOutput,
  type McpToolName,
  MyTrainingOutput,
  NoInput,
  SearchInput,
  SearchOutput,
} from '../schemas.ts';
import { type CallerContext, type McpCaller, jsonRpcError, rateLimited, resolveCaller } from './callers.ts';
import {
  acknowledgementsDueTool,
  getPageTool,
  listPageResources,
  myTrainingTool,
  readPageResource,
  searchTool,
  type ToolContext,
  toolError,
} from './tools.ts';
import { countCall } from './usage.ts';

/** Bodies larger than this are refused before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SERVER_INFO = { name: 'knowhow', title: 'Knowhow handbook', version: '1.0.0' };
const READ_ONLY = { readOnlyHint: true, openWorldHint: false, destructiveHint: false, idempotentHint: true } as const;

const INSTRUCTIONS =
  "The organisation's handbook: policies, how-tos and training. Search it with `search` (a question in plain words) and read a page with `get_page` (a url from search). Every answer says who owns the page and whether its review is current, due soon or overdue: say so when a page is overdue or a stale translation.";

interface RequestInfo {
  caller: McpCaller;
  requestOrigin: string;
}

/** Runs a tool for the caller, counted, and answers a failure as a tool error (logged) rather than a broken request. */
function run<Input>(
  app: AppContext,
  info: RequestInfo,
  tool: McpToolName,
  body: (context: ToolContext, input: Input) => ReturnType<typeof searchTool>,
) {
  return async (input: Input) => {
    countCall(app, info.caller, tool);
    try {
      return await body({ app, caller: info.caller, requestOrigin: info.requestOrigin }, input);
    } catch (error) {
      console.error(`MCP tool ${tool} failed:`, error);
      return toolError('Something went wrong on the server while answering; it was logged. Try again.');
    }
  };
}

/** A server with the tools `info.caller` may call. Cheap: the schemas are made once, at load. */
function serverFor(app: AppContext, info: RequestInfo): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS });
  server.registerTool(
    'search',
    {
      title: 'Search the handbook',
      description:
        'Search the handbook with a question in plain words (e.g. "customer wants a refund after 5 weeks"). The best pages first, each with its whole address, the matching section, a snippet, its owner and its review status. Same ranking as the handbook\'s own search.',
      inputSchema: SCHEMAS.searchInput,
      outputSchema: SCHEMAS.searchOutput,
      annotations: { title: 'Search the handbook', ...READ_ONLY },
    },
    run(app, info, 'search', searchTool),
  );
  server.registerTool(
    'get_page',
    {
      title: 'Read a handbook page',
      description:
        'One page of the handbook as Markdown, with its owner, review status, version, translations and section anchors. Pass a url that search gave, or a path such as /policies/refunds-and-returns/.',
      inputSchema: SCHEMAS.getPageInput,
      outputSchema: SCHEMAS.getPageOutput,
      annotations: { title: 'Read a handbook page', ...READ_ONLY },
    },
    run(app, info, 'get_page', getPageTool),
  );
  // The pages as resources, by their whole addresses: listed a page at a time, read as Markdown.
  server.server.registerCapabilities({ resources: {} });
  server.server.setRequestHandler('resources/list', async (request) => {
    const listed = await listPageResources(app, request.params?.cursor);
    if (!listed)
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Unknown cursor: pass the nextCursor of the previous answer, or none.');
    return listed;
  });
  server.server.setRequestHandler('resources/templates/list', () => ({ resourceTemplates: [] }));
  server.server.setRequestHandler('resources/read', async (request) => {
    countCall(app, info.caller, 'resources/read');
    const read = await readPageResource({ app, requestOrigin: info.requestOrigin }, request.params.uri);
    if (!read)
      throw new ResourceNotFoundError(
        request.params.uri,
        `There is no page at ${request.params.uri}: list the pages with resources/list, or use the search tool.`,
      );
    return read;
  });
  if (info.caller.kind === 'person') {
    server.registerTool(
      'my_training',
      {
        title: 'My training',
        description: 'The training modules assigned to me (the signed-in person): status, due dates and progress, the most urgent first.',
        inputSchema: SCHEMAS.noInput,
        outputSchema: SCHEMAS.myTrainingOutput,
        annotations: { title: 'My training', ...READ_ONLY },
      },
      run(app, info, 'my_training', myTrainingTool),
    );
    server.registerTool(
      'acknowledgements_due',
      {
        title: 'Pages I must acknowledge',
        description: 'The pages whose current version I (the signed-in person) must still read and acknowledge.',
        inputSchema: SCHEMAS.noInput,
        outputSchema: SCHEMAS.acknowledgementsDueOutput,
        annotations: { title: 'Pages I must acknowledge', ...READ_ONLY },
      },
      run(app, info, 'acknowledgements_due', acknowledgementsDueTool),
    );
  }
  return server;
}

/**
 * The schema, with its JSON Schema made once rather than by every request's server (tools/list
 * and every call ask for it; making it took most of a request's time).
 */
function madeOnce<Schema extends z.ZodType>(schema: Schema): Schema {
  const standard = schema['~standard'] as Schema['~standard'] & {
    jsonSchema: Record<'input' | 'output', (options: { target: string }) => Record<string, unknown>>;
  };
  const made = new Map<string, Record<string, unknown>>();
  const once = (io: 'input' | 'output') => (options: { target: string }) => {
    const key = `${io} ${options.target}`;
    let json = made.get(key);
    if (!json) {
      // Frozen: the SDK reads it for every request and must not change it for the next.
      json = deepFreeze(standard.jsonSchema[io](options));
      made.set(key, json);
    }
    return json;
  };
  return { '~standard': { ...standard, jsonSchema: { input: once('input'), output: once('output') } } } as unknown as Schema;
}

function deepFreeze<Value>(value: Value): Value {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const SCHEMAS = {
  searchInput: madeOnce(SearchInput),
  searchOutput: madeOnce(SearchOutput),
  getPageInput: madeOnce(GetPageInput),
  getPageOutput: madeOnce(GetPageOutput),
  noInput: madeOnce(NoInput),
  myTrainingOutput: madeOnce(MyTrainingOutput),
  acknowledgementsDueOutput: madeOnce(AcknowledgementsDueOutput),
};

const modernHandlers = new WeakMap<AppContext, McpHttpHandler>();

/** The SDK's handler for the current revision (2026-07-28 and later), one per app context. */
function modernHandlerFor(app: AppContext): McpHttpHandler {
  let handler = modernHandlers.get(app);
  if (!handler) {
    handler = createMcpHandler(({ authInfo }) => serverFor(app, authInfo?.extra?.knowhow as RequestInfo), {
      legacy: 'reject',
      responseMode: 'json',
      maxRequestBodySize: MAX_BODY_BYTES,
    });
    modernHandlers.set(app, handler);
  }
  return handler;
}

/**
 * A 2025-era request (2025-11-25, 2025-06-18, 2025-03-26): a server and a stateless transport for
 * this request alone, answering in one JSON body (no event stream: the tools answer at once).
 */
async function answerLegacy(app: AppContext, request: Request, body: unknown, authInfo: AuthInfo): Promise<Response> {
  const server = serverFor(app, authInfo.extra?.knowhow as RequestInfo);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, { authInfo, parsedBody: body });
  } finally {
    transport.close().catch(() => {});
    server.close().catch(() => {});
  }
}

/** Answers one HTTP request to /mcp. */
export async function answerMcp(context: CallerContext & { url: URL }): Promise<Response> {
  const { app, request } = context;
  const decision = await resolveCaller(context);
  if ('refused' in decision) return decision.refused;
  const { caller } = decision;
  const limited = rateLimited(app, caller);
  if (limited) return limited;
  if (request.method !== 'POST') {
    // Stateless: no session to open a stream on (GET) or to end (DELETE).
    return jsonRpcError(405, -32000, `${request.method} is not allowed here: send each JSON-RPC message as a POST.`, undefined, {
      Allow: 'POST',
    });
  }
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return jsonRpcError(415, -32000, 'Send the JSON-RPC message as JSON, with Content-Type: application/json.');
  }
  const read = await readRequestBody(request, MAX_BODY_BYTES);
  if (read.tooLarge) return jsonRpcError(413, -32600, `The request is too large: keep it under ${MAX_BODY_BYTES / 1024} KB.`);
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch (error) {
    return jsonRpcError(400, -32700, `Parse error: the body is not valid JSON (${(error as Error).message}).`);
  }
  const info: RequestInfo = { caller, requestOrigin: context.url.origin };
  const authInfo: AuthInfo = {
    token: '',
    clientId: caller.kind === 'anonymous' ? 'anonymous' : caller.id,
    scopes: ['read'],
    extra: { knowhow: info },
  };
  const response = (await isLegacyRequest(request, body, { maxRequestBodySize: MAX_BODY_BYTES }))
    ? await answerLegacy(app, request, body, authInfo)
    : await modernHandlerFor(app).fetch(request, { authInfo, parsedBody: body });
  if (response.headers.has('cache-control')) return response;
  const answered = new Response(response.body, response);
  answered.headers.set('Cache-Control', 'no-store');
  return answered;
}
