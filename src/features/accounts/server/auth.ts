/**
 * The better-auth instance: email and password, cookie sessions, the admin plugin with
 * Knowhow's access control (access.ts), and single sign-on through any OpenID Connect provider.
 * It shares the server's one Kysely instance. Its own rate limiter is off: sign-in is limited
 * per client address, and failures per account and address, in the database (sign-in.ts),
 * which several servers share. Every password it sets meets Knowhow's rule (password-check.ts).
 *
 * It is also the OAuth authorization server for people's own AI assistants (the MCP
 * authorization specification): better-auth's OAuth provider with dynamic client registration,
 * authorization code with PKCE (S256) only, and access tokens signed by the JWT plugin whose
 * audience is the /mcp resource alone (assistant-oauth.ts). The issuer is the site's origin, so
 * the metadata lives at /.well-known/oauth-authorization-server.
 */
import { betterAuth } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { admin } from 'better-auth/plugins/admin';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { jwt } from 'better-auth/plugins/jwt';
import { oauthProvider } from '@better-auth/oauth-provider';
import type { Kysely } from 'kysely';
import type { AuditLog } from './audit-log.ts';
import type { DatabaseKind } from '../../../kit/server/db/connect.ts';
import type { Database } from '../../../kit/server/db/schema.ts';
import { type Env, siteOrigin } from '../../../kit/server/env.ts';
import { accessControl, DEFAULT_ROLE, roles } from './permissions.ts';
import { checkNewPassword } from './password-check.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { ASSISTANT_SCOPES, CONSENT_PAGE, mcpResource, OAUTH_TOKEN_SECONDS } from './assistant-oauth.ts';

/** The header cli/serve.ts sets to the client's address (see client-address.ts); any sent by the client is dropped. */
export const CLIENT_ADDRESS_HEADER = 'x-knowhow-client-address';
/** better-auth's provider id for the OpenID Connect provider. */
export const SSO_PROVIDER = 'sso';
export const AUTH_BASE_PATH = '/api/auth';
const SESSION_DAYS = 7;

export interface AuthDependencies {
  db: Kysely<Database>;
  kind: DatabaseKind;
  env: Env;
  /** BETTER_AUTH_SECRET, or the generated one kept beside the database outside production. */
  secret: string;
  audit: AuditLog;
}

/**
 * Whether the session cookie must also reach the helpdesk sidebar (/embed/) in a frame of the
 * sites in KNOWHOW_FRAME_ANCESTORS: SameSite=Lax is never sent there, so it is SameSite=None,
 * which browsers take only with Secure, so only over https (or on this machine's loopback
 * address, which browsers treat as secure). Cross-site form posts stay refused by the origin
 * check (server/http/origin-check.ts) and better-auth's own, JSON calls by CORS.
 */
export function crossSiteCookies(env: Env): boolean {
  if (!env.frameAncestors.some((origin) => origin !== "'self'")) return false;
  const { protocol, hostname } = new URL(siteOrigin(env));
  return protocol === 'https:' || hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

export function createAuth({ db, kind, env, secret, audit }: AuthDependencies) {
  const origin = siteOrigin(env);
  return betterAuth({
    appName: 'Knowhow',
    baseURL: origin,
    basePath: AUTH_BASE_PATH,
    secret,
    database: { db, type: kind },
    telemetry: { enabled: false },
    logger: { level: 'error' },
    rateLimit: { enabled: false },
    // Outside production the site is also opened as 127.0.0.1 or localhost on the same port.
    trustedOrigins: env.baseUrl ? [origin] : [`http://localhost:${env.port}`, `http://127.0.0.1:${env.port}`],
    emailAndPassword: {
      enabled: true,
      disableSignUp: env.signUpDomains.length === 0,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    user: {
      additionalFields: {
        // Set by administrators only (input: false): never from a sign-up body.
        team: { type: 'string', required: false, input: false },
        mustChangePassword: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
      validateUserInfo: ({ user, source }) => {
        const domainOf = (email: unknown) =>
          String(email ?? '')
            .split('@')[1]
            ?.toLowerCase() ?? '';
        if (source.method === 'email-password' && !env.signUpDomains.includes(domainOf(user.email))) {
          return { error: 'email_domain_not_allowed', errorDescription: 'Accounts can only be created with a work email address.' };
        }
        if (source.method === 'oauth' && env.oidc && env.oidc.domains.length > 0 && !env.oidc.domains.includes(domainOf(user.email))) {
          return { error: 'email_domain_not_allowed', errorDescription: 'Sign in with a work account of this organisation.' };
        }
        return undefined;
      },
    },
    account: {
      // A person an administrator added with their work email may later sign in through the
      // company's identity provider and land in the same account.
      accountLinking: { enabled: true, trustedProviders: [SSO_PROVIDER] },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: origin.startsWith('https://'),
      ...(crossSiteCookies(env) ? { defaultCookieAttributes: { sameSite: 'none', secure: true } } : {}),
    },
    onAPIError: { errorURL: '/sign-in/' },
    plugins: [
      admin({
        ac: accessControl,
        roles,
        defaultRole: DEFAULT_ROLE,
        adminRoles: ['admin'],
        bannedUserMessage: 'This account is deactivated.',
      }),
      jwt({
        jwt: { issuer: origin, audience: mcpResource(env) },
        // No JWT on session answers: the only JWTs are the assistants' access tokens.
        disableSettingJwtHeader: true,
      }),
      oauthProvider({
        loginPage: '/sign-in/',
        consentPage: CONSENT_PAGE,
        scopes: [...ASSISTANT_SCOPES],
        grantTypes: ['authorization_code', 'refresh_token'],
        allowDynamicClientRegistration: true,
        allowUnauthenticatedClientRegistration: true,
        // Desktop assistants and IDEs register loopback or custom-scheme callbacks without saying they are native.
        clientRegistrationDefaultApplicationType: 'infer',
        resources: [{ identifier: mcpResource(env), name: 'Knowhow MCP server' }],
        resourceSeedMode: 'overwrite',
        clientRegistrationDefaultResources: [mcpResource(env)],
        accessTokenExpiresIn: OAUTH_TOKEN_SECONDS,
        // Its own limits are in memory per server; Knowhow's rate limiter is off (above).
        rateLimit: { token: false, authorize: false, introspect: false, revoke: false, register: false, userinfo: false },
      }),
      genericOAuth({
        config: env.oidc
          ? [
              {
                providerId: SSO_PROVIDER,
                name: env.oidc.name,
                discoveryUrl: `${env.oidc.issuer}/.well-known/openid-configuration`,
                clientId: env.oidc.clientId,
                clientSecret: env.oidc.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
              },
            ]
          : [],
      }),
    ],
    hooks: {
      before: createAuthMiddleware((ctx) => checkNewPassword(ctx, db)),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/change-password' || ctx.context.returned instanceof Error) return;
        const user = ctx.context.session?.user;
        if (!user) return;
        await db
          .updateTable('user')
          .set({ mustChangePassword: kind === 'sqlite' ? 0 : false })
          .where('id', '=', user.id)
          .execute();
        await audit.record({
          type: 'password-changed',
          actor: user,
          subject: user,
          clientAddress: ctx.headers?.get(CLIENT_ADDRESS_HEADER),
        });
      }),
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session, ctx) => {
            const user = await db.selectFrom('user').select(['id', 'email']).where('id', '=', session.userId).executeTakeFirst();
            const method = ctx?.path?.startsWith('/callback') ? 'single sign-on' : 'password';
            await audit.record({ type: 'sign-in', actor: user, subject: user, clientAddress: session.ipAddress, detail: { method } });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
