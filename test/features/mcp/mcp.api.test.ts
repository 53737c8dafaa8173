/**
 * The MCP endpoint (/mcp) over real HTTP against the built fixture site and the sample content,
 * on SQLite and PostgreSQL, with the official SDK's client over Streamable HTTP (and raw
 * requests where a client would not send what is tested): the tools, their schemas and
 * answers, who may call them, bad input, rate limits and the admins' call counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { describe, expect, it, vi } from 'vitest';
import { createApiKey, revokeApiKey } from '../../../src/features/api-keys/server.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST, SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { assistantAccessToken } from '../../helpers/oauth-assistant.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

interface PageFacts {
  title: string;
  url: string;
  type: string;
  lang: string;
  owner: string | null;
  lastReviewed: string | null;
  reviewDue: string | null;
  reviewStatus: string;
  staleTranslation: boolean;
}
type SearchResult = PageFacts & { anchor: string; sectionUrl: string; snippet: string };

interface PageAnswer extends PageFacts {
  markdown: string;
  version: string;
  summary: string | null;
  translations: { lang: string; url: string }[];
  sections: { anchor: string; title: string; depth: number; url: string }[];
}

/** Where the tools' addresses point: the built handbook's public address, else the server's own. */
function publicOrigin(dist: string, server: string): string {
  const manifest = JSON.parse(readFileSync(join(dist, 'server', 'knowhow-manifest.json'), 'utf8')) as {
    settings: { site: { url?: string } };
  };
  return manifest.settings.site.url ?? server;
}

const JSON_RPC_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  'MCP-Protocol-Version': '2025-06-18',
};

async function connect(
  baseUrl: string,
  { headers = {}, versions, negotiate }: { headers?: Record<string, string>; versions?: string[]; negotiate?: boolean } = {},
): Promise<Client> {
  const client = new Client(
    { name: 'knowhow-test', version: '1.0.0' },
    {
      ...(versions ? { supportedProtocolVersions: versions } : {}),
      ...(negotiate ? { versionNegotiation: { mode: 'auto' as const } } : {}),
    },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', baseUrl), { requestInit: { headers } }));
  return client;
}

/** One JSON-RPC message, posted as a client would, read back whole. */
async function rpc(baseUrl: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/mcp`, {
    method: 'POST',
    headers: { ...JSON_RPC_HEADERS, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as { result?: Record<string, unknown>; error?: { code: number; message: string } }) : {};
  return { response, json };
}

const callTool = (name: string, args: unknown, id = 1) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

describe.each(DATABASES)('the MCP server on $name', (database) => {
  describe.skipIf(!database.available)('on a public handbook', () => {
    let helpdeskKey: string;
    const site = useServedSite(database, FIXTURE_DIST, {
      prepare: async (app) => {
        helpdeskKey = (await createApiKey(app, { name: 'Helpdesk AI agent', scopes: ['read'] }, { actor: null })).key;
      },
      signIn: { member: PEOPLE.member.email, admin: PEOPLE.admin.email },
      env: { KNOWHOW_SEARCH_RATE_LIMIT: '100000' },
    });

    const origin = () => publicOrigin(FIXTURE_DIST, site.server.url);

    it('lists the read tools to anonymous callers, each with its schemas and read-only annotations', async () => {
      const client = await connect(site.server.url);
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['search', 'get_page']);
      for (const tool of tools) {
        expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
        expect(tool.inputSchema.type).toBe('object');
        expect(tool.outputSchema?.type).toBe('object');
        expect(tool.description).toBeTruthy();
      }
      const search = tools.find((tool) => tool.name === 'search');
      expect(search?.inputSchema.required).toEqual(['query']);
      expect(Object.keys(search?.inputSchema.properties ?? {})).toEqual(['query', 'lang', 'type', 'limit']);
      await client.close();
    });

    it('searches with whole addresses, the owner and the review status of each page', async () => {
      const client = await connect(site.server.url);
      const result = await client.callTool({ name: 'search', arguments: { query: 'refund', limit: 5 } });
      expect(result.isError).toBeFalsy();
      const { results } = result.structuredContent as { results: SearchResult[] };
      expect(results.length).toBeGreaterThan(0);
      const refunds = results.find((hit) => hit.url === `${origin()}/policies/refunds/`);
      expect(refunds).toMatchObject({
        title: 'Refunds',
        type: 'policy',
        lang: 'en',
        owner: 'Billing Operations',
        lastReviewed: '2020-01-15',
        reviewDue: '2021-01-15',
        reviewStatus: 'overdue',
        staleTranslation: false,
      });
      expect(refunds?.sectionUrl.startsWith(`${origin()}/policies/refunds/`)).toBe(true);
      for (const hit of results) {
        expect(hit.url.startsWith(`${origin()}/`)).toBe(true);
        expect(['current', 'due-soon', 'overdue', 'unknown']).toContain(hit.reviewStatus);
      }
      // The text copy says the same, for clients that read only text.
      const text = (result.content as { type: string; text: string }[])[0]?.text ?? '';
      expect(JSON.parse(text)).toEqual(result.structuredContent);
      // Same ranking as GET /api/search.
      const api = (await (await fetch(`${site.server.url}/api/search?q=refund&limit=5`)).json()) as { results: { url: string }[] };
      expect(results.map((hit) => new URL(hit.url).pathname)).toEqual(api.results.map((hit) => hit.url));
      await client.close();
    });

    it('counts a question that finds nothing as a search gap', async () => {
      const client = await connect(site.server.url);
      const question = 'zebra husbandry certification xylophone';
      const result = await client.callTool({ name: 'search', arguments: { query: question } });
      expect((result.structuredContent as { results: unknown[] }).results).toEqual([]);
      await vi.waitFor(
        async () => {
          const gap = await site.app.db.selectFrom('search_gap').selectAll().where('question', '=', question).executeTakeFirst();
          expect(gap?.no_results).toBe(1);
        },
        { timeout: 10_000, interval: 100 },
      );
      await client.close();
    });

    it('reads a page as Markdown with its facts, version and section anchors, by its path or its whole address', async () => {
      const client = await connect(site.server.url);
      const result = await client.callTool({ name: 'get_page', arguments: { url: '/policies/refunds/' } });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      const page = result.structuredContent as unknown as PageAnswer;
      expect(page).toMatchObject({
        title: 'Refunds',
        url: `${origin()}/policies/refunds/`,
        type: 'policy',
        owner: 'Billing Operations',
        lastReviewed: '2020-01-15',
        reviewStatus: 'overdue',
        staleTranslation: false,
        translations: [],
      });
      expect(page.version).toMatch(/\S/);
      expect(page.markdown).not.toMatch(/^---/);
      expect(page.markdown).not.toMatch(/^reviewed:/m);
      expect(page.markdown).toMatch(/refund/i);
      // Links in the Markdown are whole addresses.
      for (const [, target] of page.markdown.matchAll(/\]\(([^)\s]+)/g)) expect(target).toMatch(/^(https?:|mailto:|#)/);
      expect(page.sections.map((section) => section.anchor)).toContain('refund-window');
      for (const section of page.sections) expect(section.url).toBe(`${origin()}/policies/refunds/#${section.anchor}`);
      const again = await client.callTool({ name: 'get_page', arguments: { url: page.url } });
      expect(again.structuredContent).toEqual(result.structuredContent);
      await client.close();
    });

    it('lists the pages as resources, a page of them at a time, and reads one as Markdown', async () => {
      const client = await connect(site.server.url);
      const { resources, nextCursor } = await client.listResources();
      expect(nextCursor).toBeUndefined();
      const refunds = resources.find((resource) => resource.uri === `${origin()}/policies/refunds/`);
      expect(refunds).toMatchObject({ title: 'Refunds', mimeType: 'text/markdown' });
      const read = await client.readResource({ uri: refunds?.uri as string });
      const [content] = read.contents as { uri: string; mimeType: string; text: string }[];
      expect(content).toMatchObject({ uri: refunds?.uri, mimeType: 'text/markdown' });
      expect(content?.text).toMatch(/refund/i);
      await expect(client.readResource({ uri: `${origin()}/policies/no-such-policy/` })).rejects.toThrow(/no page/);
      await expect(client.listResources({ cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
      await client.close();
    });

    it('answers an unknown page with a tool error that says how to find pages', async () => {
      const client = await connect(site.server.url);
      const result = await client.callTool({ name: 'get_page', arguments: { url: '/policies/no-such-policy/' } });
      expect(result.isError).toBe(true);
      expect((result.content as { text: string }[])[0]?.text).toMatch(/no page at \/policies\/no-such-policy\/.*search tool/);
      const elsewhere = await client.callTool({ name: 'get_page', arguments: { url: 'https://elsewhere.example/policies/refunds/' } });
      expect(elsewhere.isError).toBe(true);
      await client.close();
    });

    it('lists and answers my_training and acknowledgements_due to a person only', async () => {
      const client = await connect(site.server.url, { headers: { Cookie: site.cookies.member } });
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['search', 'get_page', 'my_training', 'acknowledgements_due']);
      const training = await client.callTool({ name: 'my_training', arguments: {} });
      expect(training.isError).toBeFalsy();
      const { modules } = training.structuredContent as { modules: { module: string; url: string; status: string }[] };
      expect(modules.map((module) => module.module)).toContain('basics');
      for (const module of modules) expect(module.url.startsWith(`${origin()}/`)).toBe(true);
      const acknowledgements = await client.callTool({ name: 'acknowledgements_due', arguments: {} });
      expect(acknowledgements.isError).toBeFalsy();
      const { due } = acknowledgements.structuredContent as { due: { url: string; title: string; version: string }[] };
      expect(due.map((item) => item.url)).toContain(`${origin()}/policies/refunds/`);
      await client.close();

      // Anonymous callers can neither see them nor call them.
      const anonymous = await rpc(site.server.url, callTool('my_training', {}));
      expect(anonymous.json.error?.message).toMatch(/my_training/);
    });

    it('answers a client of the newest protocol revision, which negotiates it', async () => {
      const client = await connect(site.server.url, { negotiate: true });
      const version = client.getNegotiatedProtocolVersion() as string;
      expect(version > '2025-11-25', version).toBe(true);
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['search', 'get_page']);
      const result = await client.callTool({ name: 'search', arguments: { query: 'refund', limit: 1 } });
      expect((result.structuredContent as { results: SearchResult[] }).results[0]?.title).toBe('Refunds');
      await client.close();
    });

    it('answers clients of the protocol revisions 2025-06-18 and 2025-03-26', async () => {
      for (const version of ['2025-06-18', '2025-03-26']) {
        const client = await connect(site.server.url, { versions: [version] });
        expect(client.getNegotiatedProtocolVersion()).toBe(version);
        const result = await client.callTool({ name: 'search', arguments: { query: 'refund', limit: 1 } });
        expect((result.structuredContent as { results: SearchResult[] }).results[0]?.title).toBe('Refunds');
        await client.close();
      }
    });

    it('answers bad input with clear errors, and keeps serving', async () => {
      const url = site.server.url;
      const malformed = await rpc(url, '{"jsonrpc":"2.0",');
      expect(malformed.response.status).toBe(400);
      expect(malformed.json.error?.code).toBe(-32700);

      const notJsonRpc = await rpc(url, { hello: 'world' });
      expect(notJsonRpc.response.status).toBeGreaterThanOrEqual(400);
      expect(notJsonRpc.response.status).toBeLessThan(500);

      const unknownTool = await rpc(url, callTool('delete_everything', {}));
      expect(unknownTool.json.error?.message).toMatch(/delete_everything/);

      const wrongType = await rpc(url, callTool('search', { query: 42 }));
      expect(wrongType.json.result?.isError).toBe(true);
      expect(JSON.stringify(wrongType.json.result?.content)).toMatch(/query/);

      const wrongLimit = await rpc(url, callTool('search', { query: 'refund', limit: 'lots' }));
      expect(wrongLimit.json.result?.isError).toBe(true);
      expect(JSON.stringify(wrongLimit.json.result?.content)).toMatch(/limit/);

      const longQuestion = await rpc(url, callTool('search', { query: 'refund '.repeat(100) }));
      expect(longQuestion.json.result?.isError).toBe(true);
      expect(JSON.stringify(longQuestion.json.result?.content)).toMatch(/200 characters/);

      const huge = await rpc(url, callTool('search', { query: 'x'.repeat(1.5 * 1024 * 1024) }));
      expect(huge.response.status).toBe(413);
      expect(huge.json.error?.message).toBe('The request is too large: keep it under 1024 KB.');
      // Larger still, the server refuses it before it reaches /mcp.
      const larger = await rpc(url, callTool('search', { query: 'x'.repeat(3 * 1024 * 1024) }));
      expect(larger.response.status).toBe(413);

      const get = await fetch(`${url}/mcp`, { headers: { Accept: 'text/event-stream' } });
      expect(get.status).toBe(405);

      const text = await fetch(`${url}/mcp`, { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: url }, body: 'hello' });
      expect(text.status).toBe(415);
      // Without a JSON type or this site's Origin it could be another site's form: refused as on the API.
      const form = await fetch(`${url}/mcp`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
      expect(form.status).toBe(403);

      // Still serving.
      const after = await rpc(url, callTool('search', { query: 'refund', limit: 1 }));
      expect(after.response.status).toBe(200);
      expect(after.json.result?.isError).toBeFalsy();
    });

    it('shows admins the calls per caller and tool, and nobody else', async () => {
      const client = await connect(site.server.url, { headers: { Cookie: site.cookies.member } });
      await client.callTool({ name: 'search', arguments: { query: 'refund' } });
      await client.callTool({ name: 'search', arguments: { query: 'password' } });
      await client.callTool({ name: 'my_training', arguments: {} });
      await client.close();
      const agent = await connect(site.server.url, { headers: { Authorization: `Bearer ${helpdeskKey}` } });
      await agent.callTool({ name: 'get_page', arguments: { url: '/policies/refunds/' } });
      await agent.close();

      const page = await fetch(`${site.server.url}/admin/assistants/`, { headers: { Cookie: site.cookies.admin } });
      expect(page.status).toBe(200);
      const html = await page.text();
      const row = new RegExp(`<tr[^>]*data-caller-kind="person"[^>]*>\\s*<th[^>]*>${PEOPLE.member.name}</th>(.*?)</tr>`, 's').exec(
        html,
      )?.[1];
      expect(row, html).toBeDefined();
      // At least these calls (other tests here called too): search twice, my_training once.
      const count = (tool: string) =>
        Number(new RegExp(`data-tool="${tool}"[^>]*>([\\d\\s,.]+)<`).exec(row as string)?.[1]?.replace(/\D/g, ''));
      expect(count('search')).toBeGreaterThanOrEqual(2);
      expect(count('my_training')).toBeGreaterThanOrEqual(1);
      expect(html).toMatch(/data-caller-kind="anonymous"/);
      const keyRow = /<tr[^>]*data-caller-kind="key"[^>]*>\s*<th[^>]*>Helpdesk AI agent<\/th>(.*?)<\/tr>/s.exec(html)?.[1];
      expect(keyRow).toMatch(/data-tool="get_page">1</);

      const member = await fetch(`${site.server.url}/admin/assistants/`, { headers: { Cookie: site.cookies.member }, redirect: 'manual' });
      expect(member.status).toBe(403);
    });

    it('writes the counts it holds when the server stops', async () => {
      const agent = await connect(site.server.url, { headers: { Authorization: `Bearer ${helpdeskKey}` } });
      await agent.callTool({ name: 'search', arguments: { query: 'refund' } });
      await agent.close();
      await site.restart();
      const counted = await site.app.db
        .selectFrom('mcp_usage')
        .select(['caller_name', 'calls'])
        .where('caller_kind', '=', 'key')
        .where('tool', '=', 'search')
        .executeTakeFirst();
      expect(counted).toEqual({ caller_name: 'Helpdesk AI agent', calls: 1 });
    });
  });

  describe.skipIf(!database.available)('on a private handbook', () => {
    const keys: Record<'read' | 'reports' | 'revoked', { id: string; key: string }> = {} as never;
    const site = useServedSite(database, FIXTURE_DIST, {
      prepare: async (app) => {
        keys.read = await createApiKey(app, { name: 'Zendesk AI agent', scopes: ['read'] }, { actor: null });
        keys.reports = await createApiKey(app, { name: 'HR system', scopes: ['reports'] }, { actor: null });
        keys.revoked = await createApiKey(app, { name: 'Old chat bot', scopes: ['read'] }, { actor: null });
      },
      signIn: { member: PEOPLE.member.email },
      env: { KNOWHOW_ACCESS: 'signed-in', KNOWHOW_SEARCH_RATE_LIMIT: '30' },
    });

    it('answers nobody without credentials, and points assistants to its OAuth metadata', async () => {
      const { response, json } = await rpc(site.server.url, callTool('search', { query: 'refund' }));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(
        `Bearer resource_metadata="${site.server.url}/.well-known/oauth-protected-resource/mcp"`,
      );
      expect(JSON.stringify(json)).not.toMatch(/Refunds/);
      await expect(connect(site.server.url)).rejects.toThrow();
    });

    it('refuses an access token it does not know', async () => {
      const { response } = await rpc(site.server.url, callTool('search', { query: 'refund' }), {
        Authorization: 'Bearer not-a-real-token',
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", resource_metadata="/);
    });

    it('answers a key with the read scope, with the read tools only', async () => {
      const client = await connect(site.server.url, { headers: { Authorization: `Bearer ${keys.read.key}` } });
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['search', 'get_page']);
      const result = await client.callTool({ name: 'search', arguments: { query: 'refund', limit: 1 } });
      expect((result.structuredContent as { results: SearchResult[] }).results[0]).toMatchObject({
        url: `${publicOrigin(FIXTURE_DIST, site.server.url)}/policies/refunds/`,
        owner: 'Billing Operations',
        reviewStatus: 'overdue',
      });
      await client.close();
    });

    it('refuses a key without the read scope with 403, before any JSON-RPC', async () => {
      const { response, json } = await rpc(site.server.url, callTool('search', { query: 'refund' }), {
        Authorization: `Bearer ${keys.reports.key}`,
      });
      expect(response.status).toBe(403);
      expect(JSON.stringify(json)).toMatch(/read scope/);
    });

    it('stops a revoked key at once, in the middle of a session', async () => {
      const client = await connect(site.server.url, { headers: { Authorization: `Bearer ${keys.revoked.key}` } });
      expect((await client.callTool({ name: 'search', arguments: { query: 'refund', limit: 1 } })).isError).toBeFalsy();
      await revokeApiKey(site.app, keys.revoked.id, { actor: null });
      await expect(client.callTool({ name: 'search', arguments: { query: 'refund', limit: 1 } })).rejects.toThrow();
      const { response } = await rpc(site.server.url, callTool('search', { query: 'refund' }), {
        Authorization: `Bearer ${keys.revoked.key}`,
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      await client.close().catch(() => {});
    });

    it("answers a person's own assistant, connected with OAuth, as that person", async () => {
      const token = await assistantAccessToken(site.server.url, site.cookies.member);
      const client = await connect(site.server.url, { headers: { Authorization: `Bearer ${token}` } });
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['search', 'get_page', 'my_training', 'acknowledgements_due']);
      const training = await client.callTool({ name: 'my_training', arguments: {} });
      expect((training.structuredContent as { modules: { module: string }[] }).modules.map((module) => module.module)).toContain('basics');
      await client.close();
      // A token that is not one of this handbook's, or tampered with, is refused.
      const tampered = await rpc(site.server.url, callTool('search', { query: 'refund' }), { Authorization: `Bearer ${token}x` });
      expect(tampered.response.status).toBe(401);
    });

    it('answers a signed-in person', async () => {
      const client = await connect(site.server.url, { headers: { Cookie: site.cookies.member } });
      const result = await client.callTool({ name: 'search', arguments: { query: 'refund', limit: 1 } });
      expect((result.structuredContent as { results: SearchResult[] }).results[0]?.url).toBe(
        `${publicOrigin(FIXTURE_DIST, site.server.url)}/policies/refunds/`,
      );
      await client.close();
    });

    it('rate-limits each person, and says when to try again', async () => {
      let limited: Awaited<ReturnType<typeof rpc>> | undefined;
      for (let call = 0; call < 40 && !limited; call++) {
        const answer = await rpc(site.server.url, callTool('search', { query: 'refund', limit: 1 }), { Cookie: site.cookies.member });
        if (answer.response.status === 429) limited = answer;
      }
      expect(limited).toBeDefined();
      const retryAfter = Number(limited?.response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(limited?.json.error?.message).toBe(`Too many requests: try again in ${retryAfter} s.`);
    });
  });

  describe.skipIf(!database.available)('with the sample handbook, private, and an assistant with a read key', () => {
    let key: string;
    const site = useServedSite(database, SAMPLE_DIST, {
      prepare: async (app) => {
        key = (await createApiKey(app, { name: 'Support assistant', scopes: ['read'] }, { actor: null })).key;
      },
      env: { KNOWHOW_ACCESS: 'signed-in' },
    });
    const withKey = () => connect(site.server.url, { headers: { Authorization: `Bearer ${key}` } });

    it('finds the refunds policy for "customer wants a refund after 5 weeks", with its owner and review status', async () => {
      // Nothing answers without a key or a person.
      expect((await rpc(site.server.url, callTool('search', { query: 'refund' }))).response.status).toBe(401);
      const client = await withKey();
      const result = await client.callTool({ name: 'search', arguments: { query: 'customer wants a refund after 5 weeks', limit: 3 } });
      const { results } = result.structuredContent as { results: SearchResult[] };
      const policy = results.find((hit) => hit.type === 'policy');
      expect(policy).toMatchObject({
        url: `${publicOrigin(SAMPLE_DIST, site.server.url)}/policies/refunds-and-returns/`,
        type: 'policy',
        owner: 'Billing Operations',
        lastReviewed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        reviewDue: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      expect(['current', 'due-soon', 'overdue']).toContain(policy?.reviewStatus);
      await client.close();
    });

    it('names the translations of a page, and says when a translation fell behind its original', async () => {
      const origin = publicOrigin(SAMPLE_DIST, site.server.url);
      const client = await withKey();
      const result = await client.callTool({ name: 'get_page', arguments: { url: '/policies/goodwill-credits/' } });
      const page = result.structuredContent as unknown as PageAnswer;
      expect(page.translations.map((translation) => translation.lang).sort()).toEqual(['de', 'fi', 'pl', 'sv']);
      for (const translation of page.translations) expect(translation.url.startsWith(`${origin}/${translation.lang}/`)).toBe(true);
      const german = await client.callTool({ name: 'get_page', arguments: { url: page.translations.find((t) => t.lang === 'de')?.url } });
      const translated = german.structuredContent as unknown as PageAnswer;
      expect(translated).toMatchObject({ lang: 'de', owner: page.owner, reviewDue: page.reviewDue, reviewStatus: page.reviewStatus });
      // The sample's German goodwill credits page was translated from an earlier version.
      expect(page.staleTranslation).toBe(false);
      expect(translated.staleTranslation).toBe(true);
      await client.close();
    });
  });
});
