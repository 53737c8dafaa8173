/**
 * A person's own AI assistant, connected with OAuth as the MCP authorization specification
 * describes. Knowhow is both the authorization server (better-auth's OAuth provider, set up in
 * auth.ts) and the protected resource, its MCP server at /mcp:
 * - the protected-resource metadata (RFC 9728) names the site's origin as the authorization
 *   server, whose metadata (RFC 8414) is better-auth's;
 * - an access token is a JWT signed with the site's key (the JWT plugin), of type at+jwt, issued
 *   by the site's origin for the audience /mcp, with the person as subject and the assistant
 *   (the OAuth client) as azp. verifyMcpAccessToken accepts nothing else, and only while the
 *   person is active and their consent for that assistant stands: deactivating the person or
 *   disconnecting the assistant stops its tokens at once.
 * - signing in for an authorization and the consent page: see oauthSignInReturn and consent below.
 */
import { verifyOAuthQueryParams } from '@better-auth/oauth-provider';
import { oauthProviderResourceClient } from '@better-auth/oauth-provider/resource-client';
import type { AppContext } from '../../../server/app.ts';
import { type Env, siteOrigin } from '../../../kit/server/env.ts';
import type { SessionUser } from './session.ts';
import { selectUserRecords, toUserRecord } from './user-records.ts';

/** The MCP endpoint's path: the protected resource. */
export const MCP_PATH = '/mcp';
export const CONSENT_PAGE = '/connect-assistant/';
/** How long an assistant's access token lasts; it renews it with its refresh token. */
export const OAUTH_TOKEN_SECONDS = 3600;
/**
 * What an assistant may ask for: who the person is (openid, profile, email) and to stay
 * connected (offline_access, a refresh token). What the token opens is the person's own view
 * of the handbook through /mcp: its audience, not a scope.
 */
export const ASSISTANT_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** The absolute address of the MCP endpoint: the resource indicator (RFC 8707) of its tokens. */
export function mcpResource(env: Env): string {
  return `${siteOrigin(env)}${MCP_PATH}`;
}

/** For the 401 of /mcp: `WWW-Authenticate: Bearer resource_metadata="<this>"`. */
export function mcpResourceMetadataUrl(app: { env: Env }): string {
  return `${siteOrigin(app.env)}/.well-known/oauth-protected-resource${MCP_PATH}`;
}

/** The protected-resource metadata of /mcp (RFC 9728 section 2). */
export function protectedResourceMetadata(env: Env) {
  return {
    resource: mcpResource(env),
    authorization_servers: [siteOrigin(env)],
    // openid is the authorization server's own; the rest an assistant may ask for here.
    scopes_supported: ASSISTANT_SCOPES.filter((scope) => scope !== 'openid'),
    bearer_methods_supported: ['header'],
    resource_name: 'Knowhow',
    resource_documentation: `${siteOrigin(env)}/api-docs/`,
  };
}

type VerifyDeps = Pick<AppContext, 'auth' | 'db' | 'database' | 'env' | 'now'>;

/**
 * The person an assistant's access token stands for, or null: a token that is not one of this
 * site's access tokens for /mcp (another audience, an ID token, a tampered or expired one), of a
 * deactivated person, or of an assistant the person has disconnected.
 */
export async function verifyMcpAccessToken(app: VerifyDeps, token: string): Promise<SessionUser | null> {
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return null;
  const payload = await verifiedPayload(app, token);
  const personId = payload?.sub;
  const clientId = payload?.azp;
  if (typeof personId !== 'string' || typeof clientId !== 'string') return null;
  if (!(await hasConsent(app, clientId, personId))) return null;
  const row = await selectUserRecords(app.db, app.database.kind).where('user.id', '=', personId).executeTakeFirst();
  if (!row || row.banned) return null;
  return toUserRecord(row);
}

const verifierOf = (auth: VerifyDeps['auth']) => oauthProviderResourceClient(auth).getActions().verifyBearerToken;
const verifiers = new WeakMap<object, ReturnType<typeof verifierOf>>();

/** better-auth's own check of a bearer token, against the site's keys in this process (cached, read again for an unknown key). */
async function verifiedPayload(app: VerifyDeps, token: string) {
  let verify = verifiers.get(app.auth);
  if (!verify) {
    verify = verifierOf(app.auth);
    verifiers.set(app.auth, verify);
  }
  try {
    return await verify(token, {
      verifyOptions: { issuer: siteOrigin(app.env), audience: mcpResource(app.env), typ: 'at+jwt', currentDate: app.now() },
    });
  } catch {
    return undefined;
  }
}

async function hasConsent(app: Pick<AppContext, 'auth'>, clientId: string, userId: string): Promise<boolean> {
  const { adapter } = await app.auth.$context;
  const consent = await adapter.findOne({
    model: 'oauthConsent',
    where: [
      { field: 'clientId', value: clientId },
      { field: 'userId', value: userId },
    ],
  });
  return consent !== null;
}

/** The signed parameters the OAuth provider adds to the sign-in and consent pages' addresses. */
const SIGNING_PARAMS = ['sig', 'exp', 'ba_iat', 'ba_pl', 'ba_param'];

/** Whether `search` is an authorization request the OAuth provider signed (and it has not expired). */
export async function isSignedAuthorization(app: Pick<AppContext, 'auth'>, search: URLSearchParams): Promise<boolean> {
  if (!search.has('sig') || !search.has('client_id')) return false;
  const secret = (await app.auth.$context).secret;
  return verifyOAuthQueryParams(search.toString(), secret);
}

/**
 * Where the sign-in page sends a person who signed in for an assistant's authorization request
 * (the OAuth provider sends them to /sign-in/ with the request, signed): the authorization
 * endpoint again, with the same request, now with their session. Undefined for any other
 * sign-in. A `prompt=login` is dropped, as the person has just signed in.
 */
export async function oauthSignInReturn(app: Pick<AppContext, 'auth'>, search: URLSearchParams): Promise<string | undefined> {
  if (!(await isSignedAuthorization(app, search))) return undefined;
  const query = new URLSearchParams(search);
  for (const name of SIGNING_PARAMS) query.delete(name);
  const prompt = (query.get('prompt') ?? '').split(' ').filter((value) => value && value !== 'login');
  if (prompt.length > 0) query.set('prompt', prompt.join(' '));
  else query.delete('prompt');
  return `/api/auth/oauth2/authorize?${query.toString()}`;
}

/**
 * The Content-Security-Policy form-action source for an assistant's redirect address: the
 * origin of a web address, the scheme of an app's own (cursor:, vscode:).
 */
export function formTargetOf(redirectUri: string | null | undefined): string[] {
  if (!redirectUri) return [];
  try {
    const url = new URL(redirectUri);
    if (url.protocol === 'http:' || url.protocol === 'https:') return [url.origin];
    return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) ? [url.protocol] : [];
  } catch {
    return [];
  }
}

export interface ConsentRequest {
  clientId: string;
  /** The name the assistant registered with, or its client id. */
  clientName: string;
  /** Its web address, when it gave one. */
  clientUri: string | null;
  scopes: string[];
  /** Where the person goes after answering: the client's redirect address, for the page's form-action. */
  redirectUri: string;
}

/** The request a consent page shows, from its signed address; undefined when it is not one. */
export async function consentRequest(app: Pick<AppContext, 'auth'>, search: URLSearchParams): Promise<ConsentRequest | undefined> {
  if (!(await isSignedAuthorization(app, search))) return undefined;
  const clientId = search.get('client_id') as string;
  const redirectUri = search.get('redirect_uri');
  if (!redirectUri) return undefined;
  const { adapter } = await app.auth.$context;
  const client = await adapter.findOne<{ name?: string | null; uri?: string | null; disabled?: boolean | null }>({
    model: 'oauthClient',
    where: [{ field: 'clientId', value: clientId }],
  });
  if (!client || client.disabled) return undefined;
  return {
    clientId,
    clientName: client.name?.trim() || clientId,
    clientUri: client.uri ?? null,
    scopes: (search.get('scope') ?? '').split(' ').filter(Boolean),
    redirectUri,
  };
}

/**
 * The person's answer on the consent page, given to the OAuth provider: where to send them next
 * (the assistant's redirect address with a code, or with error=access_denied).
 */
export async function answerConsent(
  app: Pick<AppContext, 'auth'>,
  { search, accept, headers }: { search: URLSearchParams; accept: boolean; headers: Headers },
): Promise<string> {
  const answer = await app.auth.api.oauth2Consent({ body: { accept, oauth_query: search.toString() }, headers });
  return answer.url;
}

export interface ConnectedAssistant {
  clientId: string;
  name: string;
  scopes: string[];
  since: Date;
}

/** The assistants a person has connected (consented to), newest first. */
export async function listConnectedAssistants(app: Pick<AppContext, 'auth'>, userId: string): Promise<ConnectedAssistant[]> {
  const { adapter } = await app.auth.$context;
  const consents = await adapter.findMany<{ clientId: string; scopes: string[] | string; createdAt: Date }>({
    model: 'oauthConsent',
    where: [{ field: 'userId', value: userId }],
  });
  const assistants = await Promise.all(
    consents.map(async (consent) => {
      const client = await adapter.findOne<{ name?: string | null }>({
        model: 'oauthClient',
        where: [{ field: 'clientId', value: consent.clientId }],
      });
      const scopes = Array.isArray(consent.scopes) ? consent.scopes : String(consent.scopes).split(/[ ,]/).filter(Boolean);
      return { clientId: consent.clientId, name: client?.name?.trim() || consent.clientId, scopes, since: new Date(consent.createdAt) };
    }),
  );
  return assistants.sort((a, b) => b.since.getTime() - a.since.getTime());
}

/**
 * Disconnects an assistant: its consent and refresh tokens go, so its access tokens stop
 * working at once (verifyMcpAccessToken) and it cannot renew them.
 */
export async function disconnectAssistant(app: Pick<AppContext, 'auth'>, userId: string, clientId: string): Promise<boolean> {
  const { adapter } = await app.auth.$context;
  const where = [
    { field: 'clientId', value: clientId },
    { field: 'userId', value: userId },
  ];
  const removed = await adapter.deleteMany({ model: 'oauthConsent', where });
  await adapter.deleteMany({ model: 'oauthRefreshToken', where });
  await adapter.deleteMany({ model: 'oauthAccessToken', where });
  return removed > 0;
}
