/**
 * Who may ask for what: every route of the site (API routes and pages, static and on request)
 * for each kind of client (anonymous, member, manager, admin, a deactivated person whose
 * cookie worked a moment ago, and API keys: one with the read scope, one with reports, a revoked
 * and an expired one), on SQLite and PostgreSQL, with the handbook public and private.
 * Over real HTTP against the built fixture site's server. A route file without a row here
 * fails the test: new routes join the matrix.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserByEmail } from '../../src/features/accounts/server/users.ts';
import { createApiKey, revokeApiKey } from '../../src/features/api-keys/server.ts';
import type { AppContext } from '../../src/server/app.ts';
import { DATABASES } from '../helpers/databases.ts';
import { FIXTURE_DIST, PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { CLIENTS, type Client, PASSWORD, PEOPLE, signIn, signInEveryone } from '../helpers/people.ts';
import { useServedSite } from '../helpers/served-site.ts';

/** A status, or 'sign-in' for a redirect to the sign-in page. */
type Expected = number | 'sign-in';
type ByClient = Record<Client, Expected>;

/** Services with API keys: a key is never a person, whatever cookies come with it. */
const KEY_CLIENTS = ['keyRead', 'keyReports', 'keyRevoked', 'keyExpired'] as const;
type KeyClient = (typeof KEY_CLIENTS)[number];
type ByKey = Record<KeyClient, Expected>;

interface Row {
  /** The route files this row covers, relative to src/pages. */
  files: string[];
  method: string;
  /** The path; {target} is the id of a person the admin routes change (a function body gets it too). */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sign the client in afresh for this request (sign-out ends the session it uses). */
  freshSession?: boolean;
  public: ByClient;
  private: ByClient;
  /** What keys get, where it is not what keysByDefault says. */
  keys?: { public?: Partial<ByKey>; private?: Partial<ByKey> };
}

/**
 * What keys get unless a row says otherwise. API routes: only those that name a scope take a
 * key (the rows say which), others answer 403, and a dead key gets 401. Pages and files: a
 * public handbook's static pages and files are served to anyone, keys or not; a private
 * handbook's to keys with read only (403 for reports); a dead key gets 401 wherever Knowhow
 * looks at who asks. Pages made on request for people: a key is nobody there.
 */
function keysByDefault(row: Row, mode: 'public' | 'private'): ByKey {
  const anonymous = row[mode].anonymous;
  if (row.path.startsWith('/api/')) return { keyRead: 403, keyReports: 403, keyRevoked: 401, keyExpired: 401 };
  const onRequest = row.files.length > 0 && row.files.every((file) => !STATIC_ROUTES.has(file));
  const gated = anonymous === 'sign-in' || anonymous === 401;
  const dead = onRequest || (mode === 'private' && gated) ? 401 : anonymous;
  if (mode === 'public' || !gated) return { keyRead: anonymous, keyReports: anonymous, keyRevoked: dead, keyExpired: dead };
  // A private handbook: a read key passes the gate and is nobody on the pages made for people.
  const forPeople = row.public.anonymous === 'sign-in';
  return { keyRead: forPeople ? 'sign-in' : row.private.member, keyReports: 403, keyRevoked: dead, keyExpired: dead };
}

/** Route files prerendered at build time: served as files, before anyone is looked up. */
const STATIC_ROUTES = new Set([
  'index.astro',
  '[...slug].astro',
  '404.astro',
  '[lang]/404.astro',
  'api-docs.astro',
  'language-notices/[lang].json.ts',
]);

const everyone = (status: Expected): ByClient => ({
  anonymous: status,
  member: status,
  manager: status,
  admin: status,
  deactivated: status,
});
const signedIn = (status: Expected, others: Expected): ByClient => ({
  anonymous: others,
  member: status,
  manager: status,
  admin: status,
  deactivated: others,
});
const adminsOnly = (status: Expected, others: Expected): ByClient => ({
  anonymous: others,
  member: 403,
  manager: 403,
  admin: status,
  deactivated: others,
});
const managersAndAdmins = (status: Expected, others: Expected): ByClient => ({
  anonymous: others,
  member: 403,
  manager: status,
  admin: status,
  deactivated: others,
});
/** A handbook page: anyone may read it when public; signed-in people only when private. */
const handbookPage = { public: everyone(200), private: signedIn(200, 'sign-in') };
const handbookFile = { public: everyone(200), private: signedIn(200, 401) };

let newPeople = 0;
const ROWS: Row[] = [
  // Pages and files of the handbook
  { files: ['index.astro'], method: 'GET', path: '/', ...handbookPage },
  { files: ['[...slug].astro'], method: 'GET', path: '/policies/refunds/', ...handbookPage },
  { files: ['[...slug].astro'], method: 'GET', path: '/training/basics/', ...handbookPage },
  { files: ['404.astro'], method: 'GET', path: '/no-such-page/', public: everyone(404), private: signedIn(404, 'sign-in') },
  { files: ['[lang]/404.astro'], method: 'GET', path: '/de/no-such-page/', public: everyone(404), private: signedIn(404, 'sign-in') },
  { files: ['search.astro'], method: 'GET', path: '/search/?q=refund', ...handbookPage },
  { files: ['api-docs.astro'], method: 'GET', path: '/api-docs/', ...handbookPage },
  { files: ['feedback.astro'], method: 'GET', path: '/feedback/?page=/policies/refunds/', ...handbookPage },
  // The helpdesk sidebar: served to everyone, as a frame must not be sent to sign in; on a private
  // handbook it explains signing in and searches nothing until there is a session.
  { files: ['embed/index.astro'], method: 'GET', path: '/embed/?q=refund', public: everyone(200), private: everyone(200) },
  {
    files: ['embed/signed-in.astro'],
    method: 'GET',
    path: '/embed/signed-in/',
    public: signedIn(200, 'sign-in'),
    private: signedIn(200, 'sign-in'),
  },
  { files: ['language-notices/[lang].json.ts'], method: 'GET', path: '/language-notices/de.json', ...handbookFile },
  { files: [], method: 'GET', path: '/pagefind/pagefind.js', ...handbookFile },
  { files: [], method: 'GET', path: '/images/flow.svg', ...handbookFile },
  { files: [], method: 'GET', path: '/favicon.svg', public: everyone(200), private: everyone(200) },
  // The handbook for machines: Markdown copies, llms.txt, the OpenSearch description (build/machine-files.ts)
  { files: [], method: 'GET', path: '/policies/refunds/index.html.md', ...handbookFile },
  { files: [], method: 'GET', path: '/llms.txt', ...handbookFile },
  { files: [], method: 'GET', path: '/llms-full.txt', ...handbookFile },
  { files: [], method: 'GET', path: '/opensearch.xml', ...handbookFile },
  // Signing in and out
  {
    files: ['sign-in.astro'],
    method: 'GET',
    path: '/sign-in/',
    public: { anonymous: 200, member: 303, manager: 303, admin: 303, deactivated: 200 },
    private: { anonymous: 200, member: 303, manager: 303, admin: 303, deactivated: 200 },
  },
  { files: ['sign-up.astro'], method: 'GET', path: '/sign-up/', public: everyone(404), private: everyone(404) },
  { files: ['sign-out.astro'], method: 'GET', path: '/sign-out/', public: signedIn(200, 'sign-in'), private: signedIn(200, 'sign-in') },
  { files: ['account.astro'], method: 'GET', path: '/account/', public: signedIn(200, 'sign-in'), private: signedIn(200, 'sign-in') },
  // Connecting an assistant with OAuth: the discovery documents are open before signing in
  {
    files: ['.well-known/oauth-protected-resource/[...resource].ts'],
    method: 'GET',
    path: '/.well-known/oauth-protected-resource/mcp',
    public: everyone(200),
    private: everyone(200),
  },
  {
    files: ['.well-known/oauth-authorization-server.ts'],
    method: 'GET',
    path: '/.well-known/oauth-authorization-server',
    public: everyone(200),
    private: everyone(200),
  },
  {
    files: ['.well-known/openid-configuration.ts'],
    method: 'GET',
    path: '/.well-known/openid-configuration',
    public: everyone(200),
    private: everyone(200),
  },
  // Without a signed authorization request in its address, the consent page has nothing to ask.
  {
    files: ['connect-assistant.astro'],
    method: 'GET',
    path: '/connect-assistant/',
    public: signedIn(400, 'sign-in'),
    private: signedIn(400, 'sign-in'),
  },
  // Admin pages
  {
    files: ['admin/users/index.astro'],
    method: 'GET',
    path: '/admin/users/',
    public: adminsOnly(200, 'sign-in'),
    private: adminsOnly(200, 'sign-in'),
  },
  {
    files: ['admin/users/new.astro'],
    method: 'GET',
    path: '/admin/users/new/',
    public: adminsOnly(200, 'sign-in'),
    private: adminsOnly(200, 'sign-in'),
  },
  {
    files: ['admin/users/[id].astro'],
    method: 'GET',
    path: '/admin/users/{target}/',
    public: adminsOnly(200, 'sign-in'),
    private: adminsOnly(200, 'sign-in'),
  },
  {
    files: ['admin/api-keys/index.astro'],
    method: 'GET',
    path: '/admin/api-keys/',
    public: adminsOnly(200, 'sign-in'),
    private: adminsOnly(200, 'sign-in'),
  },
  {
    files: ['admin/audit.astro'],
    method: 'GET',
    path: '/admin/audit/',
    public: adminsOnly(200, 'sign-in'),
    private: adminsOnly(200, 'sign-in'),
  },
  {
    files: ['admin/assistants.astro'],
    method: 'GET',
    path: '/admin/assistants/',
    public: adminsOnly(200, 'sign-in'),
    private: adminsOnly(200, 'sign-in'),
  },
  // Training pages
  {
    files: ['my-training.astro'],
    method: 'GET',
    path: '/my-training/',
    public: signedIn(200, 'sign-in'),
    private: signedIn(200, 'sign-in'),
  },
  {
    files: ['quiz/[module]/index.astro'],
    method: 'GET',
    path: '/quiz/basics/',
    public: signedIn(200, 'sign-in'),
    private: signedIn(200, 'sign-in'),
  },
  {
    files: ['quiz/[module]/results/[attempt].astro'],
    method: 'GET',
    path: '/quiz/basics/results/no-such-attempt/',
    public: signedIn(404, 'sign-in'),
    private: signedIn(404, 'sign-in'),
  },
  {
    files: ['reports/training/index.astro'],
    method: 'GET',
    path: '/reports/training/',
    public: managersAndAdmins(200, 'sign-in'),
    private: managersAndAdmins(200, 'sign-in'),
  },
  {
    files: ['reports/training/assignments.astro'],
    method: 'GET',
    path: '/reports/training/assignments/',
    public: managersAndAdmins(200, 'sign-in'),
    private: managersAndAdmins(200, 'sign-in'),
  },
  {
    files: ['reports/training/questions.astro'],
    method: 'GET',
    path: '/reports/training/questions/?module=basics',
    public: managersAndAdmins(200, 'sign-in'),
    private: managersAndAdmins(200, 'sign-in'),
  },
  // Search gaps and page feedback: managers, admins and page owners (the matrix's member owns no page)
  {
    files: ['reports/search-gaps.astro'],
    method: 'GET',
    path: '/reports/search-gaps/',
    public: managersAndAdmins(200, 'sign-in'),
    private: managersAndAdmins(200, 'sign-in'),
  },
  {
    files: ['reports/feedback.astro'],
    method: 'GET',
    path: '/reports/feedback/?days=7',
    public: managersAndAdmins(200, 'sign-in'),
    private: managersAndAdmins(200, 'sign-in'),
  },
  // Read and acknowledge
  {
    files: ['acknowledgements/index.astro'],
    method: 'GET',
    path: '/acknowledgements/',
    public: signedIn(200, 'sign-in'),
    private: signedIn(200, 'sign-in'),
  },
  {
    files: ['acknowledgements/changes.astro'],
    method: 'GET',
    path: '/acknowledgements/changes/?page=/policies/refunds/&from=1',
    public: signedIn(200, 'sign-in'),
    private: signedIn(200, 'sign-in'),
  },
  {
    files: ['reports/acknowledgements/index.astro'],
    method: 'GET',
    path: '/reports/acknowledgements/',
    public: managersAndAdmins(200, 'sign-in'),
    private: managersAndAdmins(200, 'sign-in'),
  },
  // The MCP endpoint for AI assistants: readable like the pages; a private handbook's 401 points to its OAuth metadata
  {
    files: ['mcp.ts'],
    method: 'POST',
    path: '/mcp',
    headers: { Accept: 'application/json, text/event-stream', 'MCP-Protocol-Version': '2025-06-18' },
    body: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'search', arguments: { query: 'refund' } } },
    public: everyone(200),
    private: signedIn(200, 401),
    // A read key calls the tools; a reports key is refused before any JSON-RPC is read.
    keys: { public: { keyRead: 200, keyReports: 403 }, private: { keyRead: 200, keyReports: 403 } },
  },
  {
    files: ['mcp.ts'],
    method: 'GET',
    path: '/mcp',
    public: everyone(405),
    private: signedIn(405, 401),
    keys: { public: { keyRead: 405, keyReports: 403 }, private: { keyRead: 405, keyReports: 403 } },
  },
  // The API
  // Open to anyone, keys too (nothing here a key could unlock); a dead key still hears so.
  {
    files: ['api/health.ts'],
    method: 'GET',
    path: '/api/health',
    public: everyone(200),
    private: everyone(200),
    keys: { public: { keyRead: 200, keyReports: 200 }, private: { keyRead: 200, keyReports: 200 } },
  },
  {
    files: ['api/search.ts'],
    method: 'GET',
    path: '/api/search?q=refund',
    public: everyone(200),
    private: signedIn(200, 401),
    keys: { public: { keyRead: 200 }, private: { keyRead: 200 } },
  },
  {
    files: ['api/search.ts'],
    method: 'OPTIONS',
    path: '/api/search',
    headers: { Origin: 'https://helpdesk.example.com' },
    public: everyone(204),
    private: signedIn(204, 401),
    // A preflight carries no credentials in a browser; a key sent with one changes nothing.
    keys: { public: { keyRead: 204, keyReports: 204 }, private: { keyRead: 204, keyReports: 204 } },
  },
  {
    files: ['api/search/events.ts'],
    method: 'POST',
    path: '/api/search/events',
    body: { query: 'holiday on the moon', results: 0, opened: false },
    public: everyone(202),
    private: signedIn(202, 401),
  },
  {
    files: ['api/feedback.ts'],
    method: 'POST',
    path: '/api/feedback',
    body: { page: '/policies/refunds/', helpful: true },
    public: everyone(201),
    private: signedIn(201, 401),
  },
  {
    files: ['api/reports/search-gaps.ts'],
    method: 'GET',
    path: '/api/reports/search-gaps',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
  },
  {
    files: ['api/reports/feedback.ts'],
    method: 'GET',
    path: '/api/reports/feedback?format=csv',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
  },
  {
    files: ['api/openapi.json.ts'],
    method: 'GET',
    path: '/api/openapi.json',
    public: everyone(200),
    private: signedIn(200, 401),
    keys: { public: { keyRead: 200 }, private: { keyRead: 200 } },
  },
  // Nobody signed in is an answer (user: null), not an error: see test/server/http/hosts-and-caching.api.test.ts.
  {
    files: ['api/me.ts'],
    method: 'GET',
    path: '/api/me',
    public: everyone(200),
    private: everyone(200),
    keys: { public: { keyRead: 200, keyReports: 200 }, private: { keyRead: 200, keyReports: 200 } },
  },
  {
    files: ['api/admin/users/index.ts'],
    method: 'GET',
    path: '/api/admin/users',
    public: adminsOnly(200, 401),
    private: adminsOnly(200, 401),
  },
  {
    files: ['api/admin/users/index.ts'],
    method: 'POST',
    path: '/api/admin/users',
    body: () => ({ email: `new.person.${++newPeople}@fixture.example`, name: 'New Person', jobRoles: ['agent'] }),
    public: adminsOnly(201, 401),
    private: adminsOnly(201, 401),
  },
  {
    files: ['api/admin/users/[id].ts'],
    method: 'GET',
    path: '/api/admin/users/{target}',
    public: adminsOnly(200, 401),
    private: adminsOnly(200, 401),
  },
  {
    files: ['api/admin/users/[id].ts'],
    method: 'PATCH',
    path: '/api/admin/users/{target}',
    body: { team: 'Tier 2' },
    public: adminsOnly(200, 401),
    private: adminsOnly(200, 401),
  },
  {
    files: ['api/admin/users/[id]/deactivate.ts'],
    method: 'POST',
    path: '/api/admin/users/{target}/deactivate',
    body: {},
    public: adminsOnly(200, 401),
    private: adminsOnly(200, 401),
  },
  {
    files: ['api/admin/users/[id]/reactivate.ts'],
    method: 'POST',
    path: '/api/admin/users/{target}/reactivate',
    body: {},
    public: adminsOnly(200, 401),
    private: adminsOnly(200, 401),
  },
  {
    files: ['api/admin/users/[id]/password.ts'],
    method: 'POST',
    path: '/api/admin/users/{target}/password',
    body: {},
    public: adminsOnly(200, 401),
    private: adminsOnly(200, 401),
  },
  // Training
  { files: ['api/me/training.ts'], method: 'GET', path: '/api/me/training', public: signedIn(200, 401), private: signedIn(200, 401) },
  // Reviews: any signed-in person may see what is due; the dashboard adds every owner for managers.
  {
    files: ['api/reviews.ts'],
    method: 'GET',
    path: '/api/reviews?owner=me&status=overdue',
    public: signedIn(200, 401),
    private: signedIn(200, 401),
    keys: { public: { keyReports: 200 }, private: { keyReports: 200 } },
  },
  { files: ['reviews/index.astro'], method: 'GET', path: '/reviews/', public: signedIn(200, 'sign-in'), private: signedIn(200, 'sign-in') },
  {
    files: ['api/me/lessons/[module]/[lesson].ts'],
    method: 'POST',
    path: '/api/me/lessons/basics/welcome',
    public: signedIn(200, 401),
    private: signedIn(200, 401),
  },
  {
    files: ['api/quizzes/[module]/index.ts'],
    method: 'GET',
    path: '/api/quizzes/basics',
    public: signedIn(200, 401),
    private: signedIn(200, 401),
  },
  {
    files: ['api/quizzes/[module]/attempts/index.ts'],
    method: 'POST',
    path: '/api/quizzes/basics/attempts',
    body: () => ({ answers: {}, idempotencyKey: `matrix-${++newPeople}-${Date.now()}` }),
    public: signedIn(201, 401),
    private: signedIn(201, 401),
  },
  {
    files: ['api/quizzes/[module]/attempts/index.ts'],
    method: 'GET',
    path: '/api/quizzes/basics/attempts',
    public: signedIn(200, 401),
    private: signedIn(200, 401),
  },
  {
    files: ['api/quizzes/[module]/attempts/[attempt].ts'],
    method: 'GET',
    path: '/api/quizzes/basics/attempts/no-such-attempt',
    public: signedIn(404, 401),
    private: signedIn(404, 401),
  },
  {
    files: ['api/reports/training/index.ts'],
    method: 'GET',
    path: '/api/reports/training',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
    keys: { public: { keyReports: 200 }, private: { keyReports: 200 } },
  },
  {
    files: ['api/reports/training/questions.ts'],
    method: 'GET',
    path: '/api/reports/training/questions?module=basics',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
    keys: { public: { keyReports: 200 }, private: { keyReports: 200 } },
  },
  {
    files: ['api/reports/training/completions.ts'],
    method: 'GET',
    path: '/api/reports/training/completions',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
    keys: { public: { keyReports: 200 }, private: { keyReports: 200 } },
  },
  {
    files: ['api/training/assignments/index.ts'],
    method: 'GET',
    path: '/api/training/assignments',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
  },
  {
    files: ['api/training/assignments/index.ts'],
    method: 'POST',
    path: '/api/training/assignments',
    body: { module: 'basics', team: 'Tier 1' },
    public: managersAndAdmins(201, 401),
    private: managersAndAdmins(201, 401),
  },
  {
    files: ['api/training/assignments/[id].ts'],
    method: 'DELETE',
    path: '/api/training/assignments/no-such-assignment',
    public: managersAndAdmins(404, 401),
    private: managersAndAdmins(404, 401),
  },
  {
    files: ['api/training/retakes.ts'],
    method: 'POST',
    path: '/api/training/retakes',
    body: (target: string) => ({ userId: target, module: 'basics' }),
    public: managersAndAdmins(201, 401),
    private: managersAndAdmins(201, 401),
  },
  // Read and acknowledge
  {
    files: ['api/me/acknowledgements.ts'],
    method: 'GET',
    path: '/api/me/acknowledgements',
    public: signedIn(200, 401),
    private: signedIn(200, 401),
  },
  {
    files: ['api/acknowledgements/index.ts'],
    method: 'POST',
    path: '/api/acknowledgements',
    body: { page: '/policies/refunds/', version: '1' },
    public: signedIn(201, 401),
    private: signedIn(201, 401),
  },
  {
    files: ['api/acknowledgements/changes.ts'],
    method: 'GET',
    path: '/api/acknowledgements/changes?page=/policies/refunds/&from=1',
    public: signedIn(200, 401),
    private: signedIn(200, 401),
  },
  {
    files: ['api/reports/acknowledgements/index.ts'],
    method: 'GET',
    path: '/api/reports/acknowledgements',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
    keys: { public: { keyReports: 200 }, private: { keyReports: 200 } },
  },
  {
    files: ['api/reports/acknowledgements/records.ts'],
    method: 'GET',
    path: '/api/reports/acknowledgements/records',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
    keys: { public: { keyReports: 200 }, private: { keyReports: 200 } },
  },
  { files: ['api/admin/audit.ts'], method: 'GET', path: '/api/admin/audit', public: adminsOnly(200, 401), private: adminsOnly(200, 401) },
  // API keys: admins only, and never with a key
  {
    files: ['api/admin/api-keys/index.ts'],
    method: 'GET',
    path: '/api/admin/api-keys',
    public: adminsOnly(200, 401),
    private: adminsOnly(200, 401),
  },
  {
    files: ['api/admin/api-keys/index.ts'],
    method: 'POST',
    path: '/api/admin/api-keys',
    body: { name: 'Matrix key', scopes: ['read'] },
    public: adminsOnly(201, 401),
    private: adminsOnly(201, 401),
  },
  {
    files: ['api/admin/api-keys/[id].ts'],
    method: 'DELETE',
    path: '/api/admin/api-keys/no-such-key',
    public: adminsOnly(404, 401),
    private: adminsOnly(404, 401),
  },
  // better-auth's routes, as far as they are reachable
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/sign-in/email',
    body: { email: 'nobody@fixture.example', password: 'not the password' },
    public: everyone(401),
    private: everyone(401),
  },
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/sign-up/email',
    body: { name: 'Somebody', email: 'somebody@fixture.example', password: PASSWORD },
    public: everyone(403),
    private: everyone(403),
  },
  { files: ['api/auth/[...all].ts'], method: 'GET', path: '/api/auth/get-session', public: everyone(200), private: everyone(200) },
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/change-password',
    body: { currentPassword: PASSWORD, newPassword: 'password1234' },
    public: signedIn(400, 401),
    private: signedIn(400, 401),
  },
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/sign-in/social',
    body: { provider: 'sso' },
    public: everyone(404),
    private: everyone(404),
  },
  { files: ['api/auth/[...all].ts'], method: 'GET', path: '/api/auth/callback/sso', public: everyone(404), private: everyone(404) },
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/admin/impersonate-user',
    body: {},
    public: everyone(404),
    private: everyone(404),
  },
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/delete-user',
    body: {},
    public: everyone(404),
    private: everyone(404),
  },
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/sign-out',
    body: {},
    freshSession: true,
    public: signedIn(200, 401),
    private: signedIn(200, 401),
  },
  // The OAuth endpoints for assistants: open to anyone, each checks the client itself
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/oauth2/register',
    body: {},
    public: everyone(400),
    private: everyone(400),
  },
  // A script's fetch (Sec-Fetch-Mode: cors) is answered { redirect, url }: here, to the error of a request without a client.
  { files: ['api/auth/[...all].ts'], method: 'GET', path: '/api/auth/oauth2/authorize', public: everyone(200), private: everyone(200) },
  ...['token', 'revoke', 'introspect'].map((endpoint) => ({
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: `/api/auth/oauth2/${endpoint}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    public: everyone(400),
    private: everyone(400),
  })),
  { files: ['api/auth/[...all].ts'], method: 'GET', path: '/api/auth/oauth2/userinfo', public: everyone(401), private: everyone(401) },
  { files: ['api/auth/[...all].ts'], method: 'GET', path: '/api/auth/jwks', public: everyone(200), private: everyone(200) },
  // better-auth's other OAuth routes are not reachable: consent goes through the consent page.
  {
    files: ['api/auth/[...all].ts'],
    method: 'POST',
    path: '/api/auth/oauth2/consent',
    body: {},
    public: everyone(404),
    private: everyone(404),
  },
  { files: ['api/auth/[...all].ts'], method: 'GET', path: '/api/auth/oauth2/get-clients', public: everyone(404), private: everyone(404) },
];

/** The OAuth endpoints answer errors in OAuth's own shape ({ error, error_description }, RFC 6749), for OAuth clients. */
const OAUTH_ENDPOINTS = /^\/api\/auth\/oauth2\//;

/** Every route file under src/pages, relative to it. */
function routeFiles(dir = join(PROJECT_ROOT, 'src/pages')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path) : [relative(join(PROJECT_ROOT, 'src/pages'), path)];
  });
}

describe('the authorization matrix', () => {
  it('has a row for every route file', () => {
    const covered = new Set(ROWS.flatMap((row) => row.files));
    expect(routeFiles().filter((file) => !covered.has(file))).toEqual([]);
  });
});

const SERVER_ENV = {
  KNOWHOW_SEARCH_RATE_LIMIT: '100000',
  KNOWHOW_SEARCH_REPORT_RATE_LIMIT: '100000',
  KNOWHOW_FEEDBACK_RATE_LIMIT: '100000',
  KNOWHOW_SIGNIN_RATE_LIMIT: '100000',
  KNOWHOW_SIGNIN_ACCOUNT_LIMIT: '100000',
  KNOWHOW_CORS_ORIGINS: 'https://helpdesk.example.com',
};

describe.each(DATABASES)('the authorization matrix on $name', (database) => {
  describe.skipIf(!database.available).each(['public', 'signed-in'] as const)('with KNOWHOW_ACCESS=%s', (access) => {
    let target: string;
    const site = useServedSite(database, FIXTURE_DIST, {
      prepare: async (app) => {
        const person = await findUserByEmail(app, 'tara.target@fixture.example');
        target = person
          ? person.id
          : (
              await createUser(
                app,
                { user: null },
                {
                  email: 'tara.target@fixture.example',
                  name: 'Tara Target',
                  role: 'member',
                  jobRoles: [],
                  team: null,
                  ownerHandles: [],
                  password: PASSWORD,
                },
              )
            ).user.id;
      },
      env: { ...SERVER_ENV, KNOWHOW_ACCESS: access },
    });
    let cookies: Record<Client, string>;
    let keys: Record<KeyClient, string>;

    beforeAll(async () => {
      cookies = await signInEveryone(site.app, site.server.url);
      keys = await keysOfEveryKind(site.app);
    });

    it('answers every route as the matrix says, for every client', async () => {
      const mismatches: string[] = [];
      for (const row of ROWS) {
        for (const client of CLIENTS) {
          const expected = (access === 'public' ? row.public : row.private)[client];
          const cookie =
            row.freshSession && client !== 'anonymous' && client !== 'deactivated'
              ? await signIn(site.server.url, PEOPLE[client].email)
              : cookies[client];
          const body = typeof row.body === 'function' ? (row.body as (target: string) => unknown)(target) : row.body;
          const response = await fetch(`${site.server.url}${row.path.replace('{target}', target)}`, {
            method: row.method,
            redirect: 'manual',
            headers: {
              ...(cookie ? { Cookie: cookie } : {}),
              ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
              Origin: site.server.url,
              ...row.headers,
            },
            ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          });
          const location = response.headers.get('location') ?? '';
          const got: Expected =
            response.status >= 300 && response.status < 400 && location.startsWith('/sign-in/') ? 'sign-in' : response.status;
          if (got !== expected) mismatches.push(`${row.method} ${row.path} as ${client}: expected ${expected}, got ${got} ${location}`);
          // Errors from the API come in the one shape.
          if (row.path.startsWith('/api/') && !OAUTH_ENDPOINTS.test(row.path) && response.status >= 400) {
            const error = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
            if (!error.error?.code || !error.error.message)
              mismatches.push(`${row.method} ${row.path} as ${client}: ${response.status} not in the standard error shape`);
          } else {
            await response.arrayBuffer();
          }
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('answers every route as the matrix says, for every kind of API key', async () => {
      const mismatches: string[] = [];
      for (const row of ROWS) {
        if (row.freshSession) continue;
        const mode = access === 'public' ? 'public' : 'private';
        const expectations = { ...keysByDefault(row, mode), ...row.keys?.[mode] };
        for (const client of KEY_CLIENTS) {
          const body = typeof row.body === 'function' ? (row.body as (target: string) => unknown)(target) : row.body;
          const response = await fetch(`${site.server.url}${row.path.replace('{target}', target)}`, {
            method: row.method,
            redirect: 'manual',
            headers: {
              Authorization: `Bearer ${keys[client]}`,
              // A key is the key's service, never the person whose cookie comes with it.
              Cookie: cookies.admin,
              ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
              Origin: site.server.url,
              ...row.headers,
            },
            ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          });
          const location = response.headers.get('location') ?? '';
          const got: Expected =
            response.status >= 300 && response.status < 400 && location.startsWith('/sign-in/') ? 'sign-in' : response.status;
          const expected = expectations[client];
          if (got !== expected) mismatches.push(`${row.method} ${row.path} as ${client}: expected ${expected}, got ${got} ${location}`);
          if (response.status === 401 && !response.headers.get('www-authenticate')?.startsWith('Bearer '))
            mismatches.push(`${row.method} ${row.path} as ${client}: 401 without a Bearer challenge`);
          await response.arrayBuffer();
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
});

/** A key of each kind: read, reports, one revoked and one past its expiry. */
async function keysOfEveryKind(app: AppContext): Promise<Record<KeyClient, string>> {
  const make = async (name: string, scopes: ('read' | 'reports')[]) => createApiKey(app, { name, scopes }, { actor: null });
  const [read, reports, revoked, expired] = await Promise.all([
    make('Helpdesk sidebar', ['read']),
    make('HR system', ['reports']),
    make('Old chat bot', ['read', 'reports']),
    make("Last year's pilot", ['read', 'reports']),
  ]);
  await revokeApiKey(app, revoked.id, { actor: null });
  await app.db.updateTable('api_key').set({ expires_at: '2020-12-31T23:59:59.999Z' }).where('id', '=', expired.id).execute();
  return { keyRead: read.key, keyReports: reports.key, keyRevoked: revoked.key, keyExpired: expired.key };
}
