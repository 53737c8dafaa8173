/**
 * "Was this page helpful?": a yes or a no on a page, with an optional comment. The page's
 * version is the manifest's (the page as served), never the browser's word.
 *
 * Each reader has one vote per page version: a second one replaces the first, so that a reader
 * can change their mind and nobody can flag a page by answering "no" twelve times. A signed-in
 * reader is known by their id; anyone else by their address's network (pseudonyms.ts) and the
 * day, kept only as a keyed hash: an address is never written next to what was voted, and a
 * hash of one day cannot be matched with the next. The database's unique index keeps it to one
 * on several servers at once. Reports never say who gave feedback.
 */
import { generateId } from 'better-auth';
import type { PageRecord } from '../../content/index.ts';
import { MAX_COMMENT_LENGTH } from '../page-feedback.ts';
import { dateIn } from '../../../kit/calendar.ts';
import type { AppContext } from '../../../server/app.ts';
import { clientNetwork } from '../../../kit/server/pseudonyms.ts';
import { dbBoolean } from '../../../kit/server/db/values.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import type { UserRecord } from '../../accounts/server.ts';

export { MAX_COMMENT_LENGTH };
/** How long after a vote its comment may still be added, by whoever holds the vote's id. */
const COMMENT_WINDOW_MS = 60 * 60_000;

export interface FeedbackDeps extends Pick<AppContext, 'db' | 'database' | 'now' | 'pseudonym'> {
  /** The manifest's pages: feedback is taken only for these, at their current version. */
  pages: readonly PageRecord[];
  /** The organisation's time zone (knowhow.yaml site.timeZone). */
  timeZone: string;
}

export interface FeedbackInput {
  /** The page's address, e.g. /policies/refunds/. */
  page: string;
  helpful: boolean;
  comment?: string | undefined;
  /** The id an earlier vote answered with: the comment (and the answer) go to that vote. */
  id?: string | undefined;
}

/** Who is answering: the signed-in person, or nobody known, from a client address. */
export interface Reader {
  user: Pick<UserRecord, 'id'> | null;
  clientAddress: string;
}

/**
 * Stores a vote, in place of the reader's earlier one on this version of the page, or adds the
 * comment to the vote `input.id` names. Answers the vote's id, and whether it replaced one.
 */
export async function recordFeedback(deps: FeedbackDeps, reader: Reader, input: FeedbackInput): Promise<{ id: string; replaced: boolean }> {
  const { user } = reader;
  const page = deps.pages.find((candidate) => candidate.url === input.page && !candidate.draft);
  if (!page) throw new ApiError('NOT_FOUND', `There is no page ${input.page} to give feedback on.`);
  const comment = input.comment?.trim().slice(0, MAX_COMMENT_LENGTH) || null;
  const now = deps.now();
  const at = now.toISOString();
  const helpful = dbBoolean(deps.database.kind, input.helpful);
  if (input.id) {
    const updated = await deps.db
      .updateTable('page_feedback')
      .set({ helpful, comment, updated_at: at })
      .where('id', '=', input.id)
      .where('page_url', '=', page.url)
      .where('created_at', '>=', new Date(now.getTime() - COMMENT_WINDOW_MS).toISOString())
      .where((eb) => (user ? eb.or([eb('user_id', '=', user.id), eb('user_id', 'is', null)]) : eb('user_id', 'is', null)))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw new ApiError('NOT_FOUND', 'That answer cannot be changed any more; answer the question again.');
    }
    return { id: input.id, replaced: true };
  }
  const id = generateId(32);
  const day = dateIn(now, deps.timeZone);
  const row = await deps.db
    .insertInto('page_feedback')
    .values({
      id,
      page_url: page.url,
      page_version: page.version,
      helpful,
      comment,
      day,
      created_at: at,
      updated_at: at,
      user_id: user?.id ?? null,
      reader: readerKey(deps, reader, day),
    })
    .onConflict((conflict) =>
      conflict
        .columns(['page_url', 'page_version', 'reader'])
        .where('reader', 'is not', null)
        // The new vote takes the old one's place: given now, with its own hour for a comment.
        .doUpdateSet({ helpful, comment, day, created_at: at, updated_at: at }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, replaced: row.id !== id };
}

/** Who voted, as the database keeps it: the person's id, or a keyed hash of where from and when. */
function readerKey(deps: Pick<FeedbackDeps, 'pseudonym'>, { user, clientAddress }: Reader, day: string): string {
  return user ? `person:${user.id}` : `address:${deps.pseudonym('page feedback', clientNetwork(clientAddress), day)}`;
}
