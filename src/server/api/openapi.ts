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
  if (spec.access !== 'public') errors['401'] = 'Not signed in (UNAUTHORIZED).';
  if (spec.access !== 'public')
    errors['403'] = 'Signed in, but not allowed (FORBIDDEN), or a one-time password to change first (PASSWORD_CHANGE_REQUIRED).';
  errors['405'] = 'Another method than the ones listed (METHOD_NOT_ALLOWED, with an Allow header).';
  for (const [status, description] of Object.entries(errors)) {
    responses[status as `4${string}`] ??= { description, content: errorContent };
  }
  return {
    summary: spec.summary,
    description: [spec.description, `Who may call it: ${whoMayCall(spec.access)}`].filter(Boolean).join('\n\n'),
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(spec.access === 'public' ? { security: [] } : {}),
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
        'Search, accounts and administration of a Knowhow handbook. Every error has one shape: {"error": {"code", "message", "fields"?}}. Signed-in calls use the session cookie that POST /api/auth/sign-in/email sets.',
    },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' } } },
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
