/**
 * Site settings that travel with the content: knowhow.yaml at the top of the content folder.
 * A folder without one gets the defaults below, so any Markdown folder builds as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { DURATION_HINT, parseDuration } from './duration.ts';
import { PAGE_TYPES, type PageType } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { isValidTimeZone } from '../../kit/calendar.ts';
import { DEFAULT_DUE_SOON } from './review.ts';
import { closest, quoteList } from './suggest.ts';

export const SETTINGS_FILE = 'knowhow.yaml';

export interface Settings {
  site: {
    name: string;
    /**
     * The handbook's public address, an origin such as https://handbook.example.com: every
     * address that leaves the site (hreflang and canonical links, the Markdown copies, llms.txt,
     * OpenSearch, the MCP tools) starts with it. Unset in knowhow.yaml, the build fills it from
     * BETTER_AUTH_URL, else http://localhost:4321 (publicUrlOf).
     */
    url?: string;
    /** Base URL of the Git host's editor; the page's path in the content folder is appended. */
    editUrl?: string;
    lang: string;
    /** IANA time zone of the organisation: training due dates are calendar dates there. */
    timeZone: string;
  };
  /** Folder name -> the type of the pages in it (and below it). */
  types: Record<string, PageType>;
  /** Page type -> how often it is reviewed. */
  review: Record<PageType, string>;
  /** How long before its due date a page counts as due soon (knowhow.yaml review.dueSoon), e.g. 14d. */
  reviewDueSoon: string;
  /** The roles `audience` may name; empty means any. */
  roles: string[];
  /** Display names for owner handles from CODEOWNERS, e.g. "@acme/billing": Billing Operations. */
  owners: Record<string, string>;
  /** Groups of words and phrases that mean the same to searchers, e.g. [chargeback, dispute]. */
  synonyms: string[][];
  /** Whether search also uses its built-in synonyms of the site's language (features/search/built-in-synonyms.ts). */
  builtInSynonyms: boolean;
  /** When true, warnings fail `check:content` and the build as errors do. */
  strict: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  site: { name: 'Knowhow', lang: 'en', timeZone: 'UTC' },
  types: {
    policies: 'policy',
    policy: 'policy',
    procedures: 'procedure',
    procedure: 'procedure',
    runbooks: 'procedure',
    faq: 'faq',
    faqs: 'faq',
    guides: 'guide',
  },
  review: { policy: '6m', procedure: '6m', guide: '1y', faq: '1y' },
  reviewDueSoon: DEFAULT_DUE_SOON,
  roles: [],
  owners: {},
  synonyms: [],
  builtInSynonyms: true,
  strict: false,
};

const duration = z.string().refine((value) => parseDuration(value) !== undefined, { error: DURATION_HINT });

const settingsSchema = z.strictObject({
  site: z
    .strictObject({
      name: z.string().min(1).optional(),
      url: z.string().transform(publicOrigin).optional(),
      editUrl: z.url({ error: 'write the full address, e.g. https://github.com/acme/handbook/edit/main/' }).optional(),
      lang: z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { error: 'write a language code, e.g. en' })
        .optional(),
      timeZone: z.string().refine(isValidTimeZone, { error: 'write a time zone name, e.g. Europe/London or America/New_York' }).optional(),
    })
    .optional(),
  types: z.record(z.string(), z.enum(PAGE_TYPES, { error: `write one of ${quoteList([...PAGE_TYPES])}` })).optional(),
  review: z
    .strictObject({ ...Object.fromEntries(PAGE_TYPES.map((type) => [type, duration.optional()])), dueSoon: duration.optional() })
    .optional(),
  roles: z.array(z.string().min(1), { error: 'write a list of roles, e.g. roles: [agent, team-lead]' }).optional(),
  owners: z
    .record(z.string(), z.string().min(1), { error: 'write handle: name lines, e.g. "@acme/billing": Billing Operations' })
    .optional(),
  synonyms: z
    .array(
      z
        .array(z.string().min(1), { error: 'write each group as a list, e.g. - [chargeback, dispute]' })
        .min(2, { error: 'a group needs two or more words' }),
      {
        error: 'write a list of groups, e.g. synonyms: [[chargeback, dispute], [PTO, time off]]',
      },
    )
    .optional(),
  builtInSynonyms: z.boolean({ error: 'write true or false' }).optional(),
  strict: z.boolean({ error: 'write true or false' }).optional(),
});

/** The keys each part of the settings may have, for "did you mean" hints. */
const KNOWN_KEYS: Record<string, string[]> = {
  '': Object.keys(settingsSchema.shape),
  site: ['name', 'url', 'editUrl', 'lang', 'timeZone'],
  review: [...PAGE_TYPES, 'dueSoon'],
};

/** The public address when neither knowhow.yaml nor BETTER_AUTH_URL gives one: `npm start` on this machine. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:4321';

const URL_HINT = 'write the address people open, e.g. https://handbook.example.com';

/**
 * site.url as an origin: an absolute http(s) address with no path (the site is served at the
 * root of its host; there is no path prefix), no query, no fragment and no user name.
 */
function publicOrigin(value: string, context: z.RefinementCtx): string {
  const problem = publicUrlProblem(value);
  if (problem) {
    context.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return new URL(value).origin;
}

/** What is wrong with `value` as the handbook's public address, or undefined when it is one. */
export function publicUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an address: ${URL_HINT}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `the address must start with https:// or http://: ${URL_HINT}`;
  if (url.username || url.password) return 'the address must not hold a user name or password';
  if (url.search || value.includes('?')) return 'the address must not have a query (?...): write the origin only';
  if (url.hash || value.includes('#')) return 'the address must not have a fragment (#...): write the origin only';
  if (url.pathname !== '/')
    return `Knowhow is served at the root of its host, not under a path (${url.pathname}): write the origin only, e.g. ${url.origin}`;
  return undefined;
}

/**
 * The handbook's public address (an origin, no trailing slash) for settings a build loaded:
 * site.url, which loadSite fills from BETTER_AUTH_URL when knowhow.yaml has none, else
 * http://localhost:4321.
 */
export function publicUrlOf(settings: Pick<Settings, 'site'>): string {
  return settings.site.url ?? DEFAULT_PUBLIC_URL;
}

/** site.url from knowhow.yaml, else the origin of `fallback` (BETTER_AUTH_URL at build time) when it is a valid one. */
export function withPublicUrl(settings: Settings, fallback: string | undefined): Settings {
  if (settings.site.url || !fallback || !URL.canParse(fallback)) return settings;
  const origin = new URL(fallback).origin;
  return publicUrlProblem(origin) ? settings : { ...settings, site: { ...settings.site, url: origin } };
}

/**
 * The warning the content check and the build give when knowhow.yaml has no site.url (and
 * none when it has one or its settings have errors): `settings` are the loaded ones, with the
 * fallback already filled in.
 */
export function publicUrlNotice(contentDir: string, settings: Pick<Settings, 'site'>): string | undefined {
  const own = loadSettings(contentDir);
  if (own.settings.site.url || own.problems.length > 0) return undefined;
  const from = settings.site.url ? 'BETTER_AUTH_URL' : 'the default';
  return (
    `site.url is not set in ${SETTINGS_FILE}: links that leave the site (hreflang, canonical, the Markdown copies, ` +
    `llms.txt, OpenSearch) use ${publicUrlOf(settings)} (${from}). Set site.url to the address people open, e.g. url: https://handbook.example.com`
  );
}

/** An absolute address on the handbook for a site path (/policies/refunds/). */
export function absoluteUrl(publicUrl: string, path: string): string {
  return new URL(path, `${publicUrl}/`).href;
}

export interface LoadedSettings {
  settings: Settings;
  problems: Problem[];
}

export function loadSettings(contentDir: string): LoadedSettings {
  const path = join(contentDir, SETTINGS_FILE);
  if (!existsSync(path)) return { settings: DEFAULT_SETTINGS, problems: [] };
  return parseSettings(readFileSync(path, 'utf8'));
}

export function parseSettings(source: string): LoadedSettings {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const problem = (line: number, message: string, hint?: string, field?: string): Problem => ({
    severity: 'error',
    code: 'INVALID_SETTINGS',
    file: SETTINGS_FILE,
    line,
    ...(field ? { field } : {}),
    message,
    ...(hint ? { hint } : {}),
  });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) =>
      problem(lineCounter.linePos(error.pos[0]).line, `not valid YAML: ${error.message.split('\n')[0]}`),
    );
    return { settings: DEFAULT_SETTINGS, problems };
  }
  const result = settingsSchema.safeParse(document.toJSON() ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
        const line = keyLine(document, issue.path as string[], issue.keys[0] as string, lineCounter);
        const known = KNOWN_KEYS[String(issue.path[0] ?? '')] ?? [];
        const keys = issue.keys.map((key) => {
          const suggestion = closest(key, known);
          return suggestion ? `${key} (did you mean ${suggestion}?)` : key;
        });
        return problem(line, `unknown setting ${keys.join(', ')}`, `the settings here are ${quoteList(known, 'and')}`, field || undefined);
      }
      const node = document.getIn(issue.path as (string | number)[], true) as { range?: [number] } | undefined;
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : keyLine(document, [], String(issue.path[0]), lineCounter);
      return problem(line, issue.message, undefined, field);
    });
    return { settings: DEFAULT_SETTINGS, problems };
  }
  const data = result.data;
  const { dueSoon, ...reviewIntervals } = (data.review ?? {}) as Partial<Record<PageType | 'dueSoon', string>>;
  return {
    settings: {
      site: { ...DEFAULT_SETTINGS.site, ...stripUndefined(data.site ?? {}) },
      types: { ...DEFAULT_SETTINGS.types, ...data.types },
      review: { ...DEFAULT_SETTINGS.review, ...stripUndefined(reviewIntervals) },
      reviewDueSoon: dueSoon ?? DEFAULT_DUE_SOON,
      roles: data.roles ?? [],
      owners: data.owners ?? {},
      synonyms: data.synonyms ?? [],
      builtInSynonyms: data.builtInSynonyms ?? true,
      strict: data.strict ?? false,
    },
    problems: [],
  };
}

/** The line of `key` in the map at `path` (the top level for []). */
function keyLine(document: ReturnType<typeof parseDocument>, path: string[], key: string, lineCounter: LineCounter): number {
  const map = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(map)) return 1;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? 1 : lineCounter.linePos(offset).line;
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as never;
}
