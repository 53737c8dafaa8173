/**
 * What the MCP tools take and answer: one zod shape each, from which the SDK makes the tools'
 * input and output JSON Schemas (tools/list) and checks the arguments of every call.
 */
import { z } from 'astro/zod';
import { PAGE_TYPES } from '../content/index.ts';
import { MAX_QUERY_LENGTH } from '../search/index.ts';
import { MODULE_STATUSES } from '../training/index.ts';

/** The tools any caller with read access may call. */
export const READ_TOOLS = ['search', 'get_page'] as const;
/** The tools only a person (their own assistant, signed in as them) may call. */
export const PERSON_TOOLS = ['my_training', 'acknowledgements_due'] as const;
export const MCP_TOOLS = [...READ_TOOLS, ...PERSON_TOOLS] as const;
export type McpToolName = (typeof MCP_TOOLS)[number];

/** A page address as an assistant may write it: a whole address or a path. */
export const MAX_ADDRESS_LENGTH = 2048;
export const MAX_SEARCH_RESULTS = 50;

/** `unknown`: the page has no review date. */
export const MCP_REVIEW_STATUSES = ['current', 'due-soon', 'overdue', 'unknown'] as const;

export const SearchInput = z.object({
  query: z
    .string()
    .trim()
    .min(1, { error: 'write the question to search for, e.g. "refund after 30 days"' })
    .max(MAX_QUERY_LENGTH, { error: `keep the question under ${MAX_QUERY_LENGTH} characters` })
    .describe('The question, in the words a customer or a colleague would use. Typos are corrected and synonyms count.'),
  lang: z
    .string()
    .regex(/^(all|[a-z]{2,3}(-[A-Za-z]{2,4})?)$/, { error: 'write a language code, e.g. en or de, or all to search every language' })
    .optional()
    .describe("The language whose pages to search (default: the handbook's); `all` searches every language."),
  type: z
    .enum(PAGE_TYPES, { error: `write one of ${PAGE_TYPES.join(', ')}` })
    .optional()
    .describe('Only pages of this type.'),
  limit: z
    .number()
    .int({ error: 'write a whole number from 1 to 50' })
    .min(1, { error: 'write a whole number from 1 to 50' })
    .max(MAX_SEARCH_RESULTS, { error: 'write a whole number from 1 to 50' })
    .optional()
    .describe('How many results at most (1-50, default 10).'),
});

export const GetPageInput = z.object({
  url: z
    .string()
    .trim()
    .min(1, { error: 'write the page address, e.g. /policies/refunds-and-returns/' })
    .max(MAX_ADDRESS_LENGTH, { error: `keep the address under ${MAX_ADDRESS_LENGTH} characters` })
    .describe('The page: its whole address (as search answers it) or its path, e.g. /policies/refunds-and-returns/.'),
});

export const NoInput = z.object({});

/** What every tool says about a page, so an assistant can say how far to trust it. */
const pageFacts = {
  title: z.string(),
  url: z.string().describe('The whole address of the page.'),
  type: z.string().describe(`The page type: ${PAGE_TYPES.join(', ')}.`),
  lang: z.string().describe('The language of the page, e.g. en or de.'),
  owner: z.string().nullable().describe('Who answers for the page (a team or a person), by display name; null when nobody does.'),
  lastReviewed: z.string().nullable().describe('When the page was last reviewed (YYYY-MM-DD).'),
  reviewDue: z.string().nullable().describe('When its next review is due (YYYY-MM-DD).'),
  reviewStatus: z
    .enum(MCP_REVIEW_STATUSES)
    .describe(
      'current, due-soon (due within the handbook\'s "due soon" window), overdue (past its review date: trust it less), unknown (no review date).',
    ),
  staleTranslation: z.boolean().describe('A translation whose original changed since it was translated: the original may say more.'),
};
export type PageFacts = {
  title: string;
  url: string;
  type: string;
  lang: string;
  owner: string | null;
  lastReviewed: string | null;
  reviewDue: string | null;
  reviewStatus: (typeof MCP_REVIEW_STATUSES)[number];
  staleTranslation: boolean;
};

export const SearchResultSchema = z.object({
  ...pageFacts,
  anchor: z.string().describe("The id of the best-matching section ('' for the top of the page)."),
  sectionUrl: z.string().describe('The whole address of the best-matching section.'),
  snippet: z.string().describe('Words of the page around the match.'),
  summary: z.string(),
  score: z.number(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchOutput = z.object({
  query: z.string(),
  results: z.array(SearchResultSchema),
});

export const GetPageOutput = z.object({
  ...pageFacts,
  summary: z.string().nullable(),
  version: z.string().describe('The version of what the page says; it changes when the text does.'),
  translations: z.array(z.object({ lang: z.string(), url: z.string() })).describe('The other languages of this page.'),
  sections: z
    .array(z.object({ anchor: z.string(), title: z.string(), depth: z.number().int(), url: z.string() }))
    .describe("The page's headings, with the whole address of each."),
  markdown: z.string().describe('The page as Markdown: front matter removed, links made whole addresses.'),
});
export type PageAnswer = z.infer<typeof GetPageOutput>;

export const MyTrainingOutput = z.object({
  modules: z.array(
    z.object({
      module: z.string(),
      title: z.string(),
      url: z.string(),
      status: z.enum(MODULE_STATUSES).describe('As the My training page shows it.'),
      assigned: z.boolean(),
      dueOn: z.string().nullable(),
      lessonsDone: z.number().int(),
      lessonsTotal: z.number().int(),
      hasQuiz: z.boolean(),
      quizPassed: z.boolean(),
      bestScore: z.number().nullable(),
      completedAt: z.string().nullable(),
    }),
  ),
});

export const AcknowledgementsDueOutput = z.object({
  due: z.array(
    z.object({
      title: z.string(),
      url: z.string(),
      version: z.string().describe('The version to acknowledge.'),
      changedSince: z.string().nullable().describe('The version I acknowledged before, when the page changed since.'),
    }),
  ),
});
