/**
 * The MCP tools: what each does for a caller. Answers carry the structured result (checked
 * against the tool's output schema by the SDK) and the same as JSON text, for clients that read
 * only text. A tool that cannot answer says why and what to do instead (isError: true), so the
 * assistant can act on it; nothing here throws to the caller.
 */
import type { CallToolResult } from '@modelcontextprotocol/server';
import { type PageType, publicUrlOf, todayIso } from '../../content/index.ts';
import type { AppContext } from '../../../server/app.ts';
import { siteOrigin } from '../../../kit/server/env.ts';
import { acknowledgementDeps, myAcknowledgements } from '../../acknowledgements/server.ts';
import { countUnanswered, searchGapDeps } from '../../feedback/server.ts';
import { pagePathOf, type ServedContent } from '../../handbook/server.ts';
import { searchAllLanguages, searcherFor } from '../../search/server.ts';
import { learnerProgress, trainingDeps } from '../../training/server.ts';
import { absoluteUrl, type PageIndex, pageFacts, pageIndex } from '../page-facts.ts';
import type { PageAnswer, SearchResult } from '../schemas.ts';
import type { McpCaller } from './callers.ts';
import { pageMarkdown } from './page-markdown.ts';

export interface ToolContext {
  app: AppContext;
  caller: McpCaller;
  /** The origin the request came to, accepted in page addresses beside the public one. */
  requestOrigin: string;
}

export function answer(structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
}

export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** The handbook's public address (knowhow.yaml site.url), where every address an assistant is given points. */
export function publicOrigin(manifest: ServedContent): string {
  return publicUrlOf(manifest.settings);
}

/**
 * The page an assistant means by `address`: a whole address on one of `origins` or a path, with
 * or without its trailing slash, index.html or its Markdown copy's name (as the copies are found).
 */
function findPage(address: string, index: PageIndex, origins: readonly string[]) {
  const path = pagePathOf(address, origins);
  return path === undefined ? undefined : index.byUrl.get(path);
}

/** The origins whose addresses are this handbook's: its public address, the server's own and the one asked. */
function ownOrigins(app: AppContext, manifest: ServedContent, requestOrigin: string): string[] {
  return [publicOrigin(manifest), siteOrigin(app.env), requestOrigin];
}

function today(app: AppContext, manifest: ServedContent): string {
  return todayIso(app.now(), manifest.settings.site.timeZone);
}

export async function searchTool(
  { app, caller }: ToolContext,
  input: { query: string; lang?: string | undefined; type?: PageType | undefined; limit?: number | undefined },
): Promise<CallToolResult> {
  const manifest = await app.manifest();
  const { settings } = manifest;
  const options = { limit: input.limit ?? 10, type: input.type };
  const all = input.lang === 'all';
  const readerLang = caller.kind === 'person' ? (caller.user.language ?? settings.site.lang) : settings.site.lang;
  const lang = all ? readerLang : (input.lang ?? settings.site.lang);
  const hits = all
    ? searchAllLanguages(input.query, { ...options, readerLang: lang }, settings)
    : searcherFor(lang, settings)?.search(input.query, options);
  if (!hits) {
    return toolError(
      all || lang === settings.site.lang
        ? 'Search is not available on this server: its search index is made when the handbook is built.'
        : `There is no search index for the language "${lang}"; search without lang, or with lang "all".`,
    );
  }
  if (hits.length === 0) {
    countUnanswered(searchGapDeps(app, manifest, lang), input.query, {
      userId: caller.kind === 'person' ? caller.id : null,
      clientAddress: caller.kind === 'anonymous' ? caller.address : `mcp:${caller.kind}:${caller.id}`,
    });
  }
  const origin = publicOrigin(manifest);
  const index = pageIndex(manifest.pages);
  const day = today(app, manifest);
  const results: SearchResult[] = hits.flatMap((hit) => {
    const page = index.byUrl.get(hit.url);
    if (!page) return [];
    return [
      {
        ...pageFacts(page, index, settings, day, origin),
        anchor: hit.anchor,
        sectionUrl: absoluteUrl(hit.anchor ? `${hit.url}#${hit.anchor}` : hit.url, origin),
        snippet: hit.snippet,
        summary: hit.summary,
        score: hit.score,
      },
    ];
  });
  return answer({ query: input.query, results });
}

export async function getPageTool({ app, requestOrigin }: ToolContext, input: { url: string }): Promise<CallToolResult> {
  const manifest = await app.manifest();
  const origin = publicOrigin(manifest);
  const index = pageIndex(manifest.pages);
  const page = findPage(input.url, index, ownOrigins(app, manifest, requestOrigin));
  if (!page) {
    return toolError(
      `There is no page at ${input.url} in this handbook. Find pages with the search tool and pass one of its result urls (e.g. ${absoluteUrl('/', origin)}...).`,
    );
  }
  const markdown = await pageMarkdown(app, page);
  if (markdown === undefined) {
    return toolError(
      `The Markdown copy of ${absoluteUrl(page.url, origin)} is missing from this server's build; open the page's address instead, or ask the handbook's admins to rebuild it.`,
    );
  }
  const page_: PageAnswer = {
    ...pageFacts(page, index, manifest.settings, today(app, manifest), origin),
    summary: page.summary ?? null,
    version: page.textVersion,
    translations: page.translations
      .filter((translation) => translation.url !== page.url)
      .map((translation) => ({ lang: translation.lang, url: absoluteUrl(translation.url, origin) })),
    sections: page.headings.map((heading) => ({
      anchor: heading.slug,
      title: heading.text,
      depth: heading.depth,
      url: absoluteUrl(`${page.url}#${heading.slug}`, origin),
    })),
    markdown,
  };
  return answer(page_);
}

export async function myTrainingTool({ app, caller }: ToolContext): Promise<CallToolResult> {
  if (caller.kind !== 'person') return toolError('my_training is for a person signed in as themselves.');
  const origin = publicOrigin(await app.manifest());
  const modules = await learnerProgress(await trainingDeps(app), caller.user);
  return answer({
    modules: modules.map((module) => ({
      module: module.module,
      title: module.title,
      url: absoluteUrl(module.url, origin),
      status: module.status,
      assigned: module.assigned,
      dueOn: module.dueOn,
      lessonsDone: module.lessonsDone,
      lessonsTotal: module.lessonsTotal,
      hasQuiz: module.hasQuiz,
      quizPassed: module.quizPassed,
      bestScore: module.bestScore,
      completedAt: module.completedAt,
    })),
  });
}

export async function acknowledgementsDueTool({ app, caller }: ToolContext): Promise<CallToolResult> {
  if (caller.kind !== 'person') return toolError('acknowledgements_due is for a person signed in as themselves.');
  const origin = publicOrigin(await app.manifest());
  const { due } = await myAcknowledgements(await acknowledgementDeps(app), caller.user);
  return answer({
    due: due.map((item) => ({
      title: item.title,
      url: absoluteUrl(item.page, origin),
      version: item.version,
      changedSince: item.previous?.version ?? null,
    })),
  });
}

/** How many pages one resources/list answer holds; `nextCursor` asks for the next ones. */
export const RESOURCES_PAGE_SIZE = 100;

/** The handbook's pages as MCP resources (their whole addresses, as Markdown), a page of them at a time, in address order. */
export async function listPageResources(app: AppContext, cursor: string | undefined) {
  const manifest = await app.manifest();
  const origin = publicOrigin(manifest);
  const pages = [...pageIndex(manifest.pages).byUrl.values()].sort((a, b) => a.url.localeCompare(b.url));
  const start = cursor === undefined ? 0 : Number.parseInt(cursor, 10);
  if (!Number.isInteger(start) || start < 0 || String(start) !== (cursor ?? '0')) return undefined;
  const slice = pages.slice(start, start + RESOURCES_PAGE_SIZE);
  return {
    resources: slice.map((page) => ({
      uri: absoluteUrl(page.url, origin),
      name: page.url,
      title: page.title,
      ...(page.summary ? { description: page.summary } : {}),
      mimeType: 'text/markdown',
    })),
    ...(start + RESOURCES_PAGE_SIZE < pages.length ? { nextCursor: String(start + RESOURCES_PAGE_SIZE) } : {}),
  };
}

/** One page resource's Markdown; undefined when the handbook has no page there or no copy of it. */
export async function readPageResource({ app, requestOrigin }: Pick<ToolContext, 'app' | 'requestOrigin'>, uri: string) {
  const manifest = await app.manifest();
  const origin = publicOrigin(manifest);
  const page = findPage(uri, pageIndex(manifest.pages), ownOrigins(app, manifest, requestOrigin));
  const markdown = page ? await pageMarkdown(app, page) : undefined;
  if (!page || markdown === undefined) return undefined;
  return { contents: [{ uri: absoluteUrl(page.url, origin), mimeType: 'text/markdown', text: markdown }] };
}
