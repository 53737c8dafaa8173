/**
 * Who may ask for what: every route of the site (API routes and pages, static and on request)
 * for each kind of client (anonymous, member, manager, admin, and a deactivated person whose
 * cookie worked a moment ago), on SQLite and PostgreSQL, with the handbook public and private.
 * Over real HTTP against the built fixture site's server. A route file without a row here
 * fails the test: new routes join the matrix.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserByEmail } from '../../src/features/accounts/server/users.ts';
import { DATABASES } from '../helpers/databases.ts';
import { FIXTURE_DIST, PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { CLIENTS, type Client, PASSWORD, PEOPLE, signIn, signInEveryone } from '../helpers/people.ts';
import { useServedSite } from '../helpers/served-site.ts';

/** A status, or 'sign-in' for a redirect to the sign-in page. */
type Expected = number | 'sign-in';
type ByClient = Record<Client, Expected>;

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
}

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
    files: ['admin/audit.astro'],
    method: 'GET',
    path: '/admin/audit/',
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
  // The API
  { files: ['api/health.ts'], method: 'GET', path: '/api/health', public: everyone(200), private: everyone(200) },
  { files: ['api/search.ts'], method: 'GET', path: '/api/search?q=refund', public: everyone(200), private: signedIn(200, 401) },
  {
    files: ['api/search.ts'],
    method: 'OPTIONS',
    path: '/api/search',
    headers: { Origin: 'https://helpdesk.example.com' },
    public: everyone(204),
    private: signedIn(204, 401),
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
  { files: ['api/openapi.json.ts'], method: 'GET', path: '/api/openapi.json', public: everyone(200), private: signedIn(200, 401) },
  // Nobody signed in is an answer (user: null), not an error: see test/server/http/hosts-and-caching.api.test.ts.
  { files: ['api/me.ts'], method: 'GET', path: '/api/me', public: everyone(200), private: everyone(200) },
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
  },
  {
    files: ['api/reports/training/questions.ts'],
    method: 'GET',
    path: '/api/reports/training/questions?module=basics',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
  },
  {
    files: ['api/reports/training/completions.ts'],
    method: 'GET',
    path: '/api/reports/training/completions',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
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
  },
  {
    files: ['api/reports/acknowledgements/records.ts'],
    method: 'GET',
    path: '/api/reports/acknowledgements/records',
    public: managersAndAdmins(200, 401),
    private: managersAndAdmins(200, 401),
  },
  { files: ['api/admin/audit.ts'], method: 'GET', path: '/api/admin/audit', public: adminsOnly(200, 401), private: adminsOnly(200, 401) },
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
];

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

    beforeAll(async () => {
      cookies = await signInEveryone(site.app, site.server.url);
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
          if (row.path.startsWith('/api/') && response.status >= 400) {
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
  });
});
