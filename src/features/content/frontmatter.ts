/**
 * Front matter: the YAML block at the top of a page. Every field is optional, because real
 * handbooks have little front matter (see derive.ts for what fills the gaps). Each field's
 * error says what to write instead; a misspelt field name is an error, not a silent drop.
 */
import { z } from 'astro/zod';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { DURATION_HINT, parseDuration } from './duration.ts';
import type { Problem } from './problems.ts';
import { closest, quoteList } from './suggest.ts';

export const PAGE_TYPES = ['policy', 'procedure', 'guide', 'faq'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface FrontMatter {
  title?: string;
  summary?: string;
  type?: PageType;
  owner?: string;
  reviewed?: string;
  reviewEvery?: string;
  tags?: string[];
  audience?: string[];
  lang?: string;
  aliases?: string[];
  draft?: boolean;
  /** On a training module's index page: the job roles the module is assigned to. */
  assignTo?: string[];
  /** On a training module's index page: days to finish it, from the day it was assigned. */
  dueWithinDays?: number;
  /** Everyone in the audience must confirm they have read and understood the page. */
  acknowledge?: boolean;
  /** The version people acknowledge; the owner raises it for a material change. */
  version?: string;
  /** On a translation: the version of the original it was made from (npm run translation -- --mark). */
  translatedFrom?: string;
}

const text = (example: string) =>
  z
    .string({ error: `write it as text, e.g. ${example}` })
    .trim()
    .min(1, { error: `leave it out or write it, e.g. ${example}` });
const list = (example: string) =>
  z.array(
    z
      .string({ error: `every entry must be text, e.g. ${example}` })
      .trim()
      .min(1),
    {
      error: `write a list, e.g. ${example}`,
    },
  );

const isoDate = z.string().refine(
  (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  },
  { error: 'write the date of the last review as YYYY-MM-DD, e.g. reviewed: 2026-03-31' },
);

/** The schema of every field, in the order they are documented in the manual (docs/guides/writing-pages.md). */
export const frontMatterSchema = z.object({
  title: text('title: Refunds and returns'),
  summary: text('summary: Customers can return a device within 30 days for a full refund.'),
  type: z.enum(PAGE_TYPES, { error: `write one of ${quoteList([...PAGE_TYPES])}, e.g. type: policy` }),
  owner: text('owner: Billing Operations'),
  reviewed: isoDate,
  reviewEvery: z.string({ error: DURATION_HINT }).refine((value) => parseDuration(value) !== undefined, { error: DURATION_HINT }),
  tags: list('tags: [billing, refunds]'),
  audience: list('audience: [agent, team-lead]'),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { error: 'write a language code, e.g. lang: en, lang: de or lang: pt-BR' }),
  aliases: list('aliases: ["money back", "return window"]'),
  draft: z.boolean({ error: 'write true or false, e.g. draft: true' }),
  assignTo: list('assignTo: [agent, new-hire]'),
  dueWithinDays: z
    .number({ error: 'write a whole number of days, e.g. dueWithinDays: 14' })
    .int({ error: 'write a whole number of days, e.g. dueWithinDays: 14' })
    .min(1, { error: 'write a whole number of days, 1 or more, e.g. dueWithinDays: 14' })
    .max(3650, { error: 'write at most 3650 days, e.g. dueWithinDays: 14' }),
  acknowledge: z.boolean({ error: 'write true or false, e.g. acknowledge: true' }),
  // YAML reads `version: 3` as a number and `version: 2026-03` as text: both are a version.
  version: z
    .union([z.string(), z.number()], { error: 'write a short version name, e.g. version: 3 or version: "2026-11"' })
    .transform((value) => String(value).trim())
    .refine((value) => /^[\w.+-]{1,40}$/.test(value), {
      error: 'write a short version name of letters, digits, dots or dashes, e.g. version: 3 or version: "2026-11"',
    }),
  translatedFrom: z
    .union([z.string(), z.number()], { error: 'write the version of the original, e.g. translatedFrom: 3' })
    .transform((value) => String(value).trim())
    .refine((value) => /^[\w.+-]{1,40}$/.test(value), {
      error: 'write the version of the original as `npm run translation -- --mark <file>` does, e.g. translatedFrom: 3',
    }),
});

export const FRONT_MATTER_FIELDS = Object.keys(frontMatterSchema.shape) as (keyof FrontMatter)[];

/** Fields other tools use for the same thing; read as ours, with a warning to rename them. */
const FIELD_ALIASES: Record<string, keyof FrontMatter> = { description: 'summary' };

export interface ParsedFrontMatter {
  data: FrontMatter;
  problems: Problem[];
  /** The body of the page, after the front matter. */
  body: string;
  /** The line in the file where the body starts (1-based). */
  bodyLine: number;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/;

export interface ParseOptions {
  /** The roles that `audience` may name; any role is accepted when empty. */
  roles?: readonly string[];
  /** Today, so that `reviewed` can be checked against the future. */
  today?: string;
}

/** Splits a page into its front matter YAML (undefined when there is none) and its body. */
export function splitFrontMatter(source: string): { yaml: string | undefined; body: string; bodyLine: number } {
  const fence = FENCE.exec(source);
  if (!fence) return { yaml: undefined, body: source, bodyLine: 1 };
  return { yaml: fence[1] ?? '', body: source.slice(fence[0].length), bodyLine: 1 + (fence[0].match(/\n/g)?.length ?? 0) };
}

export function parseFrontMatter(file: string, source: string, options: ParseOptions = {}): ParsedFrontMatter {
  const { yaml: yamlText, body, bodyLine } = splitFrontMatter(source);
  if (yamlText === undefined) return { data: {}, problems: [], body, bodyLine };
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML starts on line 2 of the file, after the opening ---.
  const lineAt = (offset: number | undefined) => (offset === undefined ? 2 : lineCounter.linePos(offset).line + 1);

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({
        severity: 'error',
        code: 'INVALID_YAML',
        file,
        line: lineAt(error.pos[0]),
        message: `the front matter is not valid YAML: ${error.message.split('\n')[0]}`,
        hint: 'each line is `field: value`; put quotes around values that contain a colon, e.g. title: "Refunds: the 30-day rule"',
      });
    }
    return { data: {}, problems, body, bodyLine };
  }
  if (document.contents !== null && !isMap(document.contents)) {
    problems.push({
      severity: 'error',
      code: 'INVALID_YAML',
      file,
      line: 2,
      message: 'the front matter must be a list of `field: value` lines',
      hint: 'e.g.\n    title: Refunds and returns\n    owner: Billing Operations',
    });
    return { data: {}, problems, body, bodyLine };
  }

  const raw: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  for (const pair of isMap(document.contents) ? document.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    if ((FRONT_MATTER_FIELDS as string[]).includes(key)) {
      raw[key] = value;
      lines.set(key, line);
      continue;
    }
    const alias = FIELD_ALIASES[key];
    if (alias) {
      problems.push({
        severity: 'warning',
        code: 'UNKNOWN_FIELD',
        file,
        line,
        field: key,
        message: `read as \`${alias}\``,
        hint: `rename it to ${alias}:`,
      });
      if (!(alias in raw)) {
        raw[alias] = value;
        lines.set(alias, line);
      }
      continue;
    }
    const suggestion = closest(key, FRONT_MATTER_FIELDS);
    problems.push(
      suggestion
        ? {
            severity: 'error',
            code: 'MISSPELT_FIELD',
            file,
            line,
            field: key,
            message: `is not a front matter field; did you mean \`${suggestion}\`?`,
            hint: `rename it to ${suggestion}:`,
          }
        : {
            severity: 'warning',
            code: 'UNKNOWN_FIELD',
            file,
            line,
            field: key,
            message: 'is not a front matter field and is ignored',
            hint: `the fields are ${quoteList(FRONT_MATTER_FIELDS, 'and')}`,
          },
    );
  }

  // YAML reads `reviewed: 2026-03-31` as text, but authors also write it quoted or as a number-like value.
  const data: FrontMatter = {};
  for (const field of FRONT_MATTER_FIELDS) {
    if (!(field in raw) || raw[field] === null) continue;
    const result = frontMatterSchema.shape[field].safeParse(raw[field]);
    const line = lines.get(field);
    if (!result.success) {
      problems.push({
        severity: 'error',
        code: 'INVALID_FIELD',
        file,
        ...(line ? { line } : {}),
        field,
        message: describeInvalid(field, raw[field]),
        hint: result.error.issues[0]?.message ?? '',
      });
      continue;
    }
    (data as Record<string, unknown>)[field] = result.data;
  }
  problems.push(...checkValues(file, data, lines, options));
  return { data, problems, body, bodyLine };
}

function describeInvalid(field: string, value: unknown): string {
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  if (field === 'type') {
    const suggestion = typeof value === 'string' ? closest(value, PAGE_TYPES) : undefined;
    return `${shown} is not a page type${suggestion ? `; did you mean ${suggestion}?` : ''}`;
  }
  if (field === 'reviewed') return `${shown} is not a date`;
  if (field === 'reviewEvery') return `${shown} is not a review interval`;
  return `${shown} is not valid here`;
}

/** Checks that need more than the field's own value: allowed roles, dates in the future. */
function checkValues(file: string, data: FrontMatter, lines: Map<string, number>, options: ParseOptions): Problem[] {
  const problems: Problem[] = [];
  const roles = options.roles ?? [];
  for (const field of ['audience', 'assignTo'] as const) {
    const named = data[field];
    if (!named || roles.length === 0) continue;
    for (const role of named.filter((entry) => !roles.includes(entry))) {
      const suggestion = closest(role, roles);
      problems.push({
        severity: 'error',
        code: 'INVALID_FIELD',
        file,
        line: lines.get(field) ?? 2,
        field,
        message: `"${role}" is not a role${suggestion ? `; did you mean ${suggestion}?` : ''}`,
        hint: `the roles (from knowhow.yaml) are ${quoteList(roles, 'and')}`,
      });
    }
  }
  // Assignments belong to a whole training module: its folder's index page says them.
  const isModuleIndex = /^training\/[^/]+\/(index\.mdx?|README\.md)$/.test(file);
  for (const field of ['assignTo', 'dueWithinDays'] as const) {
    if (data[field] === undefined || isModuleIndex) continue;
    problems.push({
      severity: 'error',
      code: 'INVALID_FIELD',
      file,
      line: lines.get(field) ?? 2,
      field,
      message: "only a training module's index page can say this",
      hint: "move it to the index.md of the module's folder, e.g. training/new-agent-onboarding/index.md",
    });
  }
  if (data.reviewed && options.today && data.reviewed > options.today) {
    problems.push({
      severity: 'error',
      code: 'INVALID_FIELD',
      file,
      line: lines.get('reviewed') ?? 2,
      field: 'reviewed',
      message: `${data.reviewed} is in the future`,
      hint: 'write the date the page was last reviewed, today or earlier',
    });
  }
  return problems;
}
