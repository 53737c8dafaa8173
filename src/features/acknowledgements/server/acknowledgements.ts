/**
 * A person's acknowledgements: what they owe (pages to acknowledge whose current version they
 * have not signed), what they signed, signing, and what changed since the version they signed.
 * Records are only ever added: a new version brings a new record, and the database refuses to
 * change or remove one (migration 2026-11-29-acknowledgements).
 */
import { generateId } from 'better-auth';
import type { CompiledQuery, Kysely } from 'kysely';
import { type DiffBlock, hasChanges, textDiff } from '../text-diff.ts';
import type { AppContext } from '../../../server/app.ts';
import type { Database } from '../../../kit/server/db/schema.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import { languageName } from '../../languages/index.ts';
import type { UserRecord } from '../../accounts/server.ts';
import type { AcknowledgementCatalog, PolicyPage } from './catalog.ts';

export type AcknowledgementDeps = Pick<AppContext, 'db' | 'now'> & { catalog: AcknowledgementCatalog };

export interface DueAcknowledgement {
  page: string;
  title: string;
  file: string;
  version: string;
  /** Set when the person acknowledged an earlier version: they are asked again. */
  previous: { version: string; acknowledgedAt: string } | null;
}

export interface AcknowledgementEntry {
  page: string;
  title: string;
  version: string;
  acknowledgedAt: string;
  /** Whether it is the page's current version. */
  current: boolean;
}

export interface MyAcknowledgements {
  due: DueAcknowledgement[];
  /** Every acknowledgement of mine of a page still to acknowledge, newest first. */
  acknowledged: AcknowledgementEntry[];
}

/** Whether `person` must acknowledge `page`: its audience names one of their job roles, or it has none. */
export function mustAcknowledge(page: Pick<PolicyPage, 'audience'>, person: Pick<UserRecord, 'jobRoles'>): boolean {
  return page.audience.length === 0 || page.audience.some((role) => person.jobRoles.includes(role));
}

interface AckRow {
  page_url: string;
  version: string;
  text_hash: string;
  acknowledged_at: string;
}

async function recordsOf(db: Kysely<Database>, userId: string): Promise<AckRow[]> {
  return db
    .selectFrom('acknowledgement')
    .select(['page_url', 'version', 'text_hash', 'acknowledged_at'])
    .where('user_id', '=', userId)
    .orderBy('acknowledged_at', 'desc')
    .execute();
}

export async function myAcknowledgements({ db, catalog }: AcknowledgementDeps, person: UserRecord): Promise<MyAcknowledgements> {
  const records = await recordsOf(db, person.id);
  const due: DueAcknowledgement[] = [];
  for (const page of catalog.pages) {
    const mine = records.filter((record) => record.page_url === page.url);
    if (!mustAcknowledge(page, person) || mine.some((record) => record.version === page.version)) continue;
    const latest = mine[0];
    due.push({
      page: page.url,
      title: page.title,
      file: page.file,
      version: page.version,
      previous: latest ? { version: latest.version, acknowledgedAt: latest.acknowledged_at } : null,
    });
  }
  // Re-asks first: the person knows these pages, and only what changed is new.
  due.sort((a, b) => Number(b.previous !== null) - Number(a.previous !== null) || a.title.localeCompare(b.title));
  const acknowledged = records.flatMap((record) => {
    const page = catalog.page(record.page_url);
    if (!page) return [];
    return [
      {
        page: page.url,
        title: page.title,
        version: record.version,
        acknowledgedAt: record.acknowledged_at,
        current: record.version === page.version,
      },
    ];
  });
  return { due, acknowledged };
}

/** How many pages `person` still has to acknowledge: the header's count. One indexed query. */
export async function dueCount({ db, catalog }: Pick<AcknowledgementDeps, 'db' | 'catalog'>, person: UserRecord): Promise<number> {
  const owed = catalog.pages.filter((page) => mustAcknowledge(page, person));
  if (owed.length === 0) return 0;
  const signed = (await db.executeQuery(signedQuery(db, person.id))).rows;
  const done = new Set(signed.map((record) => `${record.page_url}\n${record.version}`));
  return owed.filter((page) => !done.has(`${page.url}\n${page.version}`)).length;
}

/**
 * The versions a person signed, compiled once per database like the session lookup
 * (auth/session.ts): GET /api/me runs it on every page a signed-in person opens.
 */
const compiledSignedQueries = new WeakMap<object, CompiledQuery<{ page_url: string; version: string }>>();

function signedQuery(db: Kysely<Database>, userId: string): CompiledQuery<{ page_url: string; version: string }> {
  let compiled = compiledSignedQueries.get(db);
  if (!compiled) {
    compiled = db.selectFrom('acknowledgement').select(['page_url', 'version']).where('user_id', '=', '').compile();
    compiledSignedQueries.set(db, compiled);
  }
  return { ...compiled, parameters: [userId] };
}

/**
 * The page to acknowledge at `url`, or the error that says why there is none. A translation's
 * address leads to its original: the version people sign is the original's.
 */
export function findPolicy(catalog: AcknowledgementCatalog, url: string): PolicyPage {
  const page = catalog.page(url) ?? catalog.translation(url)?.policy;
  if (page) return page;
  if (catalog.isPage(url))
    throw new ApiError('BAD_REQUEST', `${url} asks nobody to acknowledge it; only pages with acknowledge: true in their front matter do.`);
  throw new ApiError('NOT_FOUND', `There is no page ${url}; GET /api/me/acknowledgements lists the pages to acknowledge.`);
}

/** Keeps the current text of `pages` (all of them by default), once per wording. */
export async function storePolicyVersions(
  { db, now, catalog }: AcknowledgementDeps,
  pages: readonly PolicyPage[] = catalog.pages,
): Promise<void> {
  if (pages.length === 0) return;
  const at = now().toISOString();
  await db
    .insertInto('page_version')
    .values(
      pages.map((page) => ({ page_url: page.url, text_hash: page.textHash, version: page.version, text: page.text, first_seen_at: at })),
    )
    .onConflict((conflict) => conflict.columns(['page_url', 'text_hash']).doNothing())
    .execute();
}

export interface AcknowledgeResult {
  /** False when this version was acknowledged before: nothing new was stored. */
  created: boolean;
  acknowledgement: { page: string; title: string; file: string; version: string; readIn: string | null; acknowledgedAt: string };
}

/**
 * Records that `person` read and understood the current version of the page at `url`. Only
 * the current version can be acknowledged (409 otherwise: the page changed while they read).
 * Anyone signed in may acknowledge a page, in its audience or not; only the audience is asked.
 * Acknowledging a current translation counts for the original's version; a stale one may no
 * longer say what the original says, so its reader is sent to the original (409).
 */
export async function acknowledge(
  deps: AcknowledgementDeps,
  person: UserRecord,
  input: { page: string; version: string },
): Promise<AcknowledgeResult> {
  const translation = deps.catalog.translation(input.page);
  const page = translation?.policy ?? findPolicy(deps.catalog, input.page);
  if (translation?.stale) {
    throw new ApiError(
      'TRANSLATION_STALE',
      `The ${languageName(translation.lang, 'en')} translation of ${page.title} was made from an earlier version of the original and may not say what it says now: read the original at ${page.url} and acknowledge it there.`,
    );
  }
  if (input.version !== page.version) {
    throw new ApiError(
      'VERSION_CHANGED',
      `${page.title} is now at version ${page.version}, not ${input.version}: reload the page, read what changed and acknowledge version ${page.version}.`,
    );
  }
  await storePolicyVersions(deps, [page]);
  const at = deps.now().toISOString();
  // Two requests at once for the same version: the unique constraint keeps one, the other does nothing.
  const inserted = await deps.db
    .insertInto('acknowledgement')
    .values({
      id: generateId(),
      user_id: person.id,
      page_url: page.url,
      page_file: page.file,
      version: page.version,
      text_hash: page.textHash,
      read_in: translation?.lang ?? null,
      acknowledged_at: at,
    })
    .onConflict((conflict) => conflict.columns(['user_id', 'page_url', 'version']).doNothing())
    .returning(['acknowledged_at', 'read_in'])
    .executeTakeFirst();
  const stored =
    inserted ??
    (await deps.db
      .selectFrom('acknowledgement')
      .select(['acknowledged_at', 'read_in'])
      .where('user_id', '=', person.id)
      .where('page_url', '=', page.url)
      .where('version', '=', page.version)
      .executeTakeFirstOrThrow());
  return {
    created: inserted !== undefined,
    acknowledgement: {
      page: page.url,
      title: page.title,
      file: page.file,
      version: page.version,
      readIn: stored.read_in,
      acknowledgedAt: stored.acknowledged_at,
    },
  };
}

export interface PolicyChanges {
  page: string;
  title: string;
  from: { version: string; acknowledgedAt: string | null };
  to: { version: string };
  changed: boolean;
  blocks: DiffBlock[];
}

/**
 * What changed in the page at `url` since version `from` (by default the last version
 * `person` acknowledged): the text they signed, as it was kept, against today's.
 */
export async function policyChanges(
  { db, catalog }: AcknowledgementDeps,
  person: UserRecord,
  url: string,
  from?: string,
): Promise<PolicyChanges> {
  const page = findPolicy(catalog, url);
  const mine = (await recordsOf(db, person.id)).filter((record) => record.page_url === page.url);
  const signed = from === undefined ? mine[0] : mine.find((record) => record.version === from);
  const version = from ?? signed?.version;
  if (version === undefined)
    throw new ApiError('NOT_FOUND', `You have not acknowledged ${page.title} before, so there is no earlier version to compare with.`);
  let query = db
    .selectFrom('page_version')
    .select('text')
    .where('page_url', '=', page.url)
    .where('version', '=', version)
    .orderBy('first_seen_at')
    .limit(1);
  // The exact wording the person signed, if they signed this version.
  if (signed) query = query.where('text_hash', '=', signed.text_hash);
  const before = (await query.executeTakeFirst())?.text;
  if (before === undefined)
    throw new ApiError('NOT_FOUND', `The text of version ${version} of ${page.title} was not kept, so it cannot be compared.`);
  const blocks = textDiff(before, page.text);
  return {
    page: page.url,
    title: page.title,
    from: { version, acknowledgedAt: signed?.acknowledged_at ?? null },
    to: { version: page.version },
    changed: hasChanges(blocks),
    blocks,
  };
}
