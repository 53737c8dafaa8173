/**
 * How an API route is written: one declaration per method with its guard, its zod schemas for
 * the query, the path parameters and the body, its answers, and a handler that calls a service.
 * The same declaration validates requests here and describes the route in /api/openapi.json
 * (openapi.ts), so the two cannot drift apart. A method the route does not have gets 405 with
 * an Allow header, in the standard error shape.
 *
 *   export const { GET, ALL, spec } = defineApi('/api/me', {
 *     GET: method({ summary: 'Who am I', access: 'signed-in', responses: { 200: { description, schema } },
 *                   handler: ({ app, user }) => ... }),
 *   });
 */
import type { APIContext, APIRoute } from 'astro';
import type { z } from 'astro/zod';
import type { AppContext } from '../app.ts';
import { type Access, accessError } from '../../features/accounts/server.ts';
import type { SessionUser } from '../../features/accounts/server.ts';
import { type ApiKeyCaller, type ApiKeyScope, hasScope } from '../../features/api-keys/index.ts';
import { ApiError, errorResponse, fieldMessages } from '../../kit/server/errors.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** JSON bodies larger than this are refused before they are parsed. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** The media type, when it is not JSON (e.g. text/csv). */
  contentType?: string;
}

export interface HandlerContext<Query, Params, Body> {
  app: AppContext;
  /** The signed-in person; null only on routes whose access lets anonymous people in, or for an API key. */
  user: SessionUser | null;
  /** The API key the request carries (a service, never a person); null for people and anonymous callers. */
  apiKey: ApiKeyCaller | null;
  query: Query;
  params: Params;
  body: Body;
  request: Request;
  url: URL;
  clientAddress: string;
}

export interface MethodSpec<Query = unknown, Params = unknown, Body = unknown> {
  summary: string;
  description?: string;
  tags?: string[];
  access: Access;
  /**
   * The scope an API key needs to call this method. Without it the method is closed to keys,
   * whatever their scopes: admin, people and write routes never take one.
   */
  keyScope?: ApiKeyScope;
  /** Lets a person with a one-time password in (their own account, sign-out). */
  allowPendingPasswordChange?: boolean;
  query?: z.ZodType<Query>;
  params?: z.ZodType<Params>;
  body?: z.ZodType<Body>;
  /** The answers besides the standard errors, which every route may give. */
  responses: Record<number, ResponseSpec>;
  handler(context: HandlerContext<Query, Params, Body>): Promise<Response | object> | Response | object;
}

/** One method's declaration, with the handler's query, params and body typed from its schemas. */
export function method<Query = undefined, Params = undefined, Body = undefined>(
  spec: MethodSpec<Query, Params, Body>,
): MethodSpec<Query, Params, Body> {
  return spec;
}

// biome-ignore lint/suspicious/noExplicitAny: each method keeps its own types (method() above); here they only need to be specs.
type AnyMethodSpec = MethodSpec<any, any, any>;
export type RouteMethods = { [Method in HttpMethod]?: AnyMethodSpec };

export interface RouteSpec {
  /** The OpenAPI path, e.g. /api/admin/users/{id}. */
  path: string;
  methods: RouteMethods;
}

/** Declares the API route at `path`: its method handlers, the 405 fallback (ALL) and its spec. */
export function defineApi<const Methods extends RouteMethods>(
  path: string,
  methods: Methods,
): { [Method in keyof Methods]: APIRoute } & { ALL: APIRoute; spec: RouteSpec } {
  const handlers: Record<string, APIRoute> = {};
  for (const [method, spec] of Object.entries(methods)) handlers[method] = (context) => handleMethod(spec as MethodSpec, context);
  const allow = [...Object.keys(methods), ...('GET' in methods ? ['HEAD'] : [])].join(', ');
  handlers.ALL = async (context) => {
    if (context.request.method === 'HEAD' && handlers.GET) {
      const response = await handlers.GET(context);
      return new Response(null, { status: response.status, headers: response.headers });
    }
    return errorResponse('METHOD_NOT_ALLOWED', `${context.request.method} is not allowed here; use ${allow}.`, {
      headers: { Allow: allow },
    });
  };
  return { ...handlers, spec: { path, methods } } as unknown as { [Method in keyof Methods]: APIRoute } & {
    ALL: APIRoute;
    spec: RouteSpec;
  };
}

/** Guard, validation, the handler, and the answer in the standard shape: the life of one request. */
export async function handleMethod(spec: MethodSpec, context: APIContext): Promise<Response> {
  const { app, user, clientAddress } = context.locals;
  const apiKey = context.locals.apiKey ?? null;
  try {
    // Public routes (health, who am I, signing in) have nothing a key could unlock.
    const refused =
      apiKey && spec.access !== 'public'
        ? keyRefusal(spec.keyScope, apiKey)
        : accessError(spec.access, { user, accessMode: app.env.access }, { allowPendingPasswordChange: spec.allowPendingPasswordChange });
    if (refused) throw refused;
    if (apiKey) limitKey(app, apiKey);
    const query = parse(spec.query, Object.fromEntries(context.url.searchParams), 'The query is not valid; see fields.');
    const params = parse(spec.params, context.params, 'The address is not valid; see fields.');
    const body = spec.body ? parse(spec.body, await readJson(context.request), 'The request body is not valid; see fields.') : undefined;
    const result = await spec.handler({
      app,
      user: apiKey ? null : user,
      apiKey,
      query,
      params,
      body,
      request: context.request,
      url: context.url,
      clientAddress,
    });
    if (result instanceof Response) return result;
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof ApiError) return error.toResponse();
    console.error(`${context.request.method} ${context.url.pathname} failed:`, error);
    return errorResponse('INTERNAL_ERROR', 'Something went wrong on the server; the error is in its log.');
  }
}

/** Every key has its own budget per minute, for all the routes it calls (KNOWHOW_API_KEY_RATE_LIMIT). */
function limitKey(app: AppContext, key: ApiKeyCaller): void {
  const { allowed, retryAfterSeconds } = app.apiKeyLimiter.take(key.id);
  if (allowed) return;
  throw new ApiError('RATE_LIMITED', `Too many requests with this API key; try again in ${retryAfterSeconds} s.`, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** Why a key may not call a method: it needs a scope the key lacks, or it takes no key at all. */
function keyRefusal(needed: ApiKeyScope | undefined, key: ApiKeyCaller): ApiError | undefined {
  if (!needed) {
    return new ApiError('FORBIDDEN', 'API keys cannot use this route: it is for people, who sign in with their own account.', {
      headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' },
    });
  }
  if (hasScope(key, needed)) return undefined;
  return new ApiError('INSUFFICIENT_SCOPE', `This API key lacks the ${needed} scope; ask an admin for a key with it.`, {
    headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${needed}"` },
  });
}

function parse<Value>(schema: z.ZodType<Value> | undefined, input: unknown, message: string): Value {
  if (!schema) return undefined as Value;
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError('INVALID_INPUT', message, { fields: fieldMessages(result.error.issues) });
  return result.data;
}

async function readJson(request: Request): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON, with Content-Type: application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', `Keep the body under ${MAX_BODY_BYTES / 1024} KB.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', `Keep the body under ${MAX_BODY_BYTES / 1024} KB.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('INVALID_INPUT', `The body is not valid JSON: ${(error as Error).message}`, {
      fields: { body: 'send a JSON object' },
    });
  }
}
