/**
 * The OpenAPI document of every route, made by zod-openapi from the declarations the routes
 * validate with (route.ts). Each operation also lists the standard errors it may give, and says
 * who may call it.
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import type { Access } from '../../features/accounts/server.ts';
import { ErrorSchema } from './schemas.ts';
import type { MethodSpec, RouteSpec } from './route.ts';

const errorContent = { 'application/json': { schema: ErrorSchema } };

function whoMayCall(access: Access): string {
  if (access === 'public') return 'Anyone.';
  if (access === 'handbook') return 'Anyone when the handbook is public; signed-in people when it is private (KNOWHOW_ACCESS=signed-in).';
  if (access === 'signed-in') return 'Signed-in people.';
  return `Signed-in people with the permission: ${access.refusal}`;
}

/** Who may call it besides people: the API keys with the method's scope, or none. */
function whichKeys(spec: MethodSpec): string {
  return spec.keyScope ? ` API keys with the \`${spec.keyScope}\` scope (Authorization: Bearer khk_...).` : ' No API key.';
}

/** A method with a key scope takes a session or a key with that scope; any other, a session only. */
function securityOf(spec: MethodSpec) {
  if (spec.access === 'public') return [];
  return spec.keyScope ? [{ session: [] }, { apiKey: [spec.keyScope] }] : [{ session: [] }];
}

function operation(spec: MethodSpec): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status as `2${string}`] = {
      description: response.description,
      ...(response.schema ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } } : {}),
    };
  }
  const errors: Record<string, string> = {};
  if (spec.query || spec.params || spec.body) errors['400'] = 'The request is not valid: INVALID_INPUT, with a message per field.';
  if (spec.access !== 'public')
    errors['401'] =
      'Not signed in (UNAUTHORIZED), or an API key that is unknown, revoked or expired (INVALID_API_KEY, with WWW-Authenticate).';
  if (spec.access !== 'public')
    errors['403'] =
      'Signed in, but not allowed (FORBIDDEN), a one-time password to change first (PASSWORD_CHANGE_REQUIRED), or an API key without the scope (INSUFFICIENT_SCOPE) or on a route closed to keys (FORBIDDEN).';
  errors['405'] = 'Another method than the ones listed (METHOD_NOT_ALLOWED, with an Allow header).';
  for (const [status, description] of Object.entries(errors)) {
    responses[status as `4${string}`] ??= { description, content: errorContent };
  }
  return {
    summary: spec.summary,
    description: [spec.description, `Who may call it: ${whoMayCall(spec.access)}${spec.access === 'public' ? '' : whichKeys(spec)}`]
      .filter(Boolean)
      .join('\n\n'),
    ...(spec.tags ? { tags: spec.tags } : {}),
    security: securityOf(spec),
    ...(spec.keyScope ? { 'x-knowhow-key-scope': spec.keyScope } : {}),
    ...(spec.query || spec.params
      ? { requestParams: { ...(spec.query ? { query: spec.query as never } : {}), ...(spec.params ? { path: spec.params as never } : {}) } }
      : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly RouteSpec[]) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const item: Record<string, ZodOpenApiOperationObject> = {};
    for (const [method, spec] of Object.entries(route.methods)) item[method.toLowerCase()] = operation(spec);
    paths[route.path] = item;
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Knowhow API',
      version: '1',
      description:
        'Search, accounts and administration of a Knowhow handbook. Every error has one shape: {"error": {"code", "message", "fields"?}}. People call it with the session cookie that POST /api/auth/sign-in/email sets; services with an API key (`Authorization: Bearer khk_...`, made by an admin), on the routes that name its scope: `read` (search and the handbook) or `reports` (training, acknowledgement and review reports).',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'khk_ and 43 characters',
          description:
            'An API key for a service. Its scopes (read, reports) say which routes it may call; the scope each route needs is in its security requirement and in x-knowhow-key-scope.',
        },
      },
    },
    security: [{ session: [] }],
    paths,
  });
}

/** The route declarations in a set of route modules (each exports `spec`, or `specs` for a catch-all). */
export function routeSpecsOf(modules: Record<string, unknown>): RouteSpec[] {
  return Object.values(modules).flatMap((module) => {
    const { spec, specs } = module as { spec?: RouteSpec; specs?: RouteSpec[] };
    return [...(spec ? [spec] : []), ...(specs ?? [])];
  });
}
