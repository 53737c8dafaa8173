/**
 * better-auth's routes under /api/auth, where integrations expect them, limited to the ones
 * Knowhow uses: sign-in with a password or single sign-on, self sign-up where it is on,
 * sign-out, the session and changing one's password; and the OAuth endpoints through which
 * people connect their own AI assistants (oauth2/*, jwks), which answer in OAuth's own shape
 * ({ error, error_description }, RFC 6749) for the assistants' OAuth clients. Anything else better-auth could answer
 * (its admin routes, impersonation, account deletion) is not reachable: people are managed
 * through /api/admin, which records every change in the audit log. Bodies are checked here, so
 * errors come in the one shape every route uses.
 */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { handleMethod, method, type RouteSpec } from '../../../server/api/route.ts';
import type { AppContext } from '../../../server/app.ts';
import {
  SSO_PROVIDER,
  standardAuthResponse,
  MAX_PASSWORD_LENGTH,
  countClientAttempt,
  signInWithPassword,
  emailSchema,
  nameSchema,
} from '../../../features/accounts/server.ts';
import { type Env, siteOrigin } from '../../../kit/server/env.ts';
import { errorResponse } from '../../../kit/server/errors.ts';
import { safeReturnPath } from '../../../features/accounts/index.ts';

export const prerender = false;

const password = z
  .string({ error: 'write the password' })
  .min(1, { error: 'write the password' })
  .max(MAX_PASSWORD_LENGTH, { error: `use at most ${MAX_PASSWORD_LENGTH} characters` });
const SessionSchema = z.object({
  session: z.object({ expiresAt: z.string() }).loose(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).loose(),
});
const AUTH_TAGS = ['Signing in'];

/**
 * Passes the request, with its checked body, to better-auth, and answers its errors in the
 * standard shape. The body is always sent as JSON, whatever the client's Content-Type said:
 * better-auth refuses any other type, and a body-less sign-out (which the origin check has
 * already let through) would otherwise reach it as text/plain and fail with the session intact.
 */
async function forward({ app, request, body }: { app: AppContext; request: Request; body?: unknown }): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  const init: RequestInit = { method: request.method, headers };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers.set('content-type', 'application/json');
  }
  return standardAuthResponse(await app.auth.handler(new Request(request.url, init)));
}

/**
 * An OAuth endpoint: the request as it came (a form or JSON body, a Basic or Bearer
 * Authorization), better-auth's answer as it is, in OAuth's shape, readable by assistants that
 * run in a browser.
 */
async function oauthEndpoint({ app, request }: { app: AppContext; request: Request }): Promise<Response> {
  const answer = await app.auth.handler(request);
  const response = new Response(answer.body, answer);
  response.headers.set('Access-Control-Allow-Origin', '*');
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  return response;
}

const OAUTH_TAGS = ['Connecting assistants (OAuth)'];

/** The CORS preflight of an assistant running in a browser, before it registers or exchanges a code. */
const preflight = method({
  summary: 'CORS preflight, for assistants that run in a browser',
  tags: OAUTH_TAGS,
  access: 'public',
  responses: { 204: { description: 'Any origin may post here, without cookies.' } },
  handler: () =>
    new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      },
    }),
});
const OAUTH_ERROR = { description: 'An OAuth error: { error, error_description } (RFC 6749 section 5.2).' };

type Availability = (env: Env) => Response | undefined;
const whenSignUpIsOpen: Availability = (env) =>
  env.signUpDomains.length > 0
    ? undefined
    : errorResponse('SIGN_UP_CLOSED', 'People cannot create their own accounts here; ask an admin to add you.');
const whenSingleSignOnIsSet: Availability = (env) =>
  env.oidc ? undefined : errorResponse('NOT_FOUND', 'Single sign-on is not set up on this site.');

const routes: (RouteSpec & { available?: Availability })[] = [
  {
    path: '/api/auth/sign-in/email',
    methods: {
      POST: method({
        summary: 'Sign in with email and password',
        description:
          'Sets the session cookie. Limited per client address and, for failed attempts, per account (429 with Retry-After). The answer never tells whether an email has an account.',
        tags: AUTH_TAGS,
        access: 'public',
        body: z.object({ email: emailSchema, password, rememberMe: z.boolean().optional() }),
        responses: {
          200: {
            description: 'Signed in; the session cookie is set.',
            schema: z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string() }).loose() }).loose(),
          },
        },
        handler: ({ app, body, request, clientAddress }) => signInWithPassword(app, { ...body, clientAddress, headers: request.headers }),
      }),
    },
  },
  {
    path: '/api/auth/sign-up/email',
    available: whenSignUpIsOpen,
    methods: {
      POST: method({
        summary: 'Create an account with a work email (only where self sign-up is on)',
        description: 'Open only when KNOWHOW_SIGNUP_DOMAINS is set, and only for those email domains; otherwise 403 SIGN_UP_CLOSED.',
        tags: AUTH_TAGS,
        access: 'public',
        body: z.object({ name: nameSchema, email: emailSchema, password }),
        responses: { 200: { description: 'The account exists and its session cookie is set.' } },
        handler: forward,
      }),
    },
  },
  {
    path: '/api/auth/sign-out',
    methods: {
      POST: method({
        summary: 'Sign out',
        description:
          'With or without a body or Content-Type; the session ends on every server. A post without Content-Type: application/json must carry this site’s Origin (403 FORBIDDEN_ORIGIN otherwise).',
        tags: AUTH_TAGS,
        access: 'signed-in',
        allowPendingPasswordChange: true,
        responses: { 200: { description: 'Signed out; the session has ended.' } },
        handler: ({ app, request }) => forward({ app, request, body: {} }),
      }),
    },
  },
  {
    path: '/api/auth/get-session',
    methods: {
      GET: method({
        summary: 'The current session',
        tags: AUTH_TAGS,
        access: 'public',
        responses: { 200: { description: 'The session and its user, or null when signed out.', schema: SessionSchema.nullable() } },
        handler: forward,
      }),
    },
  },
  {
    path: '/api/auth/change-password',
    methods: {
      POST: method({
        summary: 'Change my password',
        description:
          'The new password needs at least 10 characters and must not be a common or easily guessed one (400 WEAK_PASSWORD says why).',
        tags: AUTH_TAGS,
        access: 'signed-in',
        allowPendingPasswordChange: true,
        body: z.object({ currentPassword: password, newPassword: password, revokeOtherSessions: z.boolean().optional() }),
        responses: { 200: { description: 'Changed.' } },
        handler: forward,
      }),
    },
  },
  {
    path: '/api/auth/sign-in/social',
    available: whenSingleSignOnIsSet,
    methods: {
      POST: method({
        summary: 'Start single sign-on',
        description: 'Answers the identity provider’s address to send the person to; they come back to callbackURL (a path of this site).',
        tags: AUTH_TAGS,
        access: 'public',
        body: z.object({
          provider: z.literal(SSO_PROVIDER, { error: `write "${SSO_PROVIDER}"` }),
          callbackURL: z.string().optional().meta({ description: 'A path of this site; anything else comes back to the home page.' }),
        }),
        responses: { 200: { description: 'Where to send the person.', schema: z.object({ url: z.string(), redirect: z.boolean() }) } },
        handler: async (context) =>
          (await countClientAttempt(context.app, context.clientAddress)) ??
          forward({
            ...context,
            body: { ...context.body, callbackURL: safeReturnPath(context.body.callbackURL, siteOrigin(context.app.env)) },
          }),
      }),
    },
  },
  {
    path: `/api/auth/callback/${SSO_PROVIDER}`,
    available: whenSingleSignOnIsSet,
    methods: {
      GET: method({
        summary: 'Where the identity provider sends people back',
        tags: AUTH_TAGS,
        access: 'public',
        responses: { 302: { description: 'Signed in (or not, with ?error= on the sign-in page); on to the page they asked for.' } },
        handler: forward,
      }),
    },
  },
  {
    path: '/api/auth/oauth2/register',
    methods: {
      OPTIONS: preflight,
      POST: method({
        summary: 'Register an assistant (OAuth dynamic client registration, RFC 7591)',
        description:
          'Open to anyone, as the MCP authorization specification expects; limited per client address. Public clients (token_endpoint_auth_method "none") get a client_id; confidential ones a client_secret too. Redirect addresses are matched exactly later.',
        tags: OAUTH_TAGS,
        access: 'public',
        responses: { 201: { description: 'The registered client (RFC 7591 section 3.2.1).' }, 400: OAUTH_ERROR },
        handler: async (context) => (await countClientAttempt(context.app, context.clientAddress)) ?? oauthEndpoint(context),
      }),
    },
  },
  {
    path: '/api/auth/oauth2/authorize',
    methods: {
      GET: method({
        summary: 'Start an authorization (authorization code with PKCE, S256)',
        description:
          'Sends the person to sign in if they are not, then to the consent page (/connect-assistant/), then back to the assistant’s redirect_uri with a code. `resource` should be this site’s /mcp address.',
        tags: OAUTH_TAGS,
        access: 'public',
        responses: { 302: { description: 'On to sign-in, consent, or the redirect_uri.' } },
        handler: oauthEndpoint,
      }),
    },
  },
  {
    path: '/api/auth/oauth2/token',
    methods: {
      OPTIONS: preflight,
      POST: method({
        summary: 'Exchange a code or a refresh token for an access token',
        description:
          'A form (application/x-www-form-urlencoded), as OAuth clients send it, with or without an Origin header. The access token is a JWT for the resource /mcp.',
        tags: OAUTH_TAGS,
        access: 'public',
        responses: { 200: { description: 'The tokens (RFC 6749 section 5.1).' }, 400: OAUTH_ERROR, 401: OAUTH_ERROR },
        handler: oauthEndpoint,
      }),
    },
  },
  {
    path: '/api/auth/oauth2/revoke',
    methods: {
      OPTIONS: preflight,
      POST: method({
        summary: 'Revoke a token (RFC 7009)',
        tags: OAUTH_TAGS,
        access: 'public',
        responses: { 200: { description: 'Revoked, or it was not valid.' }, 400: OAUTH_ERROR, 401: OAUTH_ERROR },
        handler: oauthEndpoint,
      }),
    },
  },
  {
    path: '/api/auth/oauth2/introspect',
    methods: {
      POST: method({
        summary: 'Introspect a token (RFC 7662), for confidential clients',
        tags: OAUTH_TAGS,
        access: 'public',
        responses: { 200: { description: 'Whether the token is active, and its claims.' }, 400: OAUTH_ERROR, 401: OAUTH_ERROR },
        handler: oauthEndpoint,
      }),
    },
  },
  {
    path: '/api/auth/oauth2/userinfo',
    methods: {
      GET: method({
        summary: 'Who the access token stands for (OpenID Connect UserInfo)',
        tags: OAUTH_TAGS,
        access: 'public',
        responses: { 200: { description: 'The claims the token’s scopes allow.' }, 401: OAUTH_ERROR },
        handler: oauthEndpoint,
      }),
    },
  },
  {
    path: '/api/auth/jwks',
    methods: {
      GET: method({
        summary: 'The public keys that sign access tokens (JWKS)',
        tags: OAUTH_TAGS,
        access: 'public',
        responses: { 200: { description: 'A JSON Web Key Set.' } },
        handler: oauthEndpoint,
      }),
    },
  },
];

export const specs: RouteSpec[] = routes;

export const ALL: APIRoute = async (context) => {
  const path = context.url.pathname.replace(/\/$/, '');
  const route = routes.find((candidate) => candidate.path === path);
  if (!route) return errorResponse('NOT_FOUND', 'There is no such sign-in route; see /api/openapi.json.');
  const spec = route.methods[context.request.method as keyof RouteSpec['methods']];
  if (!spec) {
    const allow = Object.keys(route.methods).join(', ');
    return errorResponse('METHOD_NOT_ALLOWED', `${context.request.method} is not allowed here; use ${allow}.`, {
      headers: { Allow: allow },
    });
  }
  return route.available?.(context.locals.app.env) ?? handleMethod(spec, context);
};
