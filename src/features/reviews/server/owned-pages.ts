/**
 * The pages a person answers for, and what the handbook reports (feedback, search gaps) show
 * them. Who owns what is decided in features/reviews/page-owners.ts, which the command line shares.
 */
import type { PageRecord } from '../../content/index.ts';
import { ownedBy } from '../page-owners.ts';
import { roleCan } from '../../accounts/server.ts';
import type { UserRecord } from '../../accounts/server.ts';

type Owner = Pick<UserRecord, 'email' | 'ownerHandles'>;

/**
 * The pages `user` answers for. `ownerNames` is knowhow.yaml's `owners` (handle to name), so
 * that a handle matches a page that shows the handle's name.
 */
export function pagesOwnedBy<Page extends Pick<PageRecord, 'owner'>>(
  pages: readonly Page[],
  user: Owner,
  ownerNames: Record<string, string> = {},
): Page[] {
  const owns = ownedBy(user, ownerNames);
  return pages.filter((page) => owns(page.owner));
}

/**
 * What a report about the handbook shows `user`: everything for managers and admins
 * (`report:view`), the pages they answer for to page owners, nothing to anyone else.
 */
export type ReportScope<Page> = { kind: 'all' } | { kind: 'owner'; pages: Page[] };

export function reportScope<Page extends Pick<PageRecord, 'owner'>>(
  user: Pick<UserRecord, 'email' | 'ownerHandles' | 'role'>,
  pages: readonly Page[],
  ownerNames: Record<string, string> = {},
): ReportScope<Page> | undefined {
  if (roleCan(user.role, { report: ['view'] })) return { kind: 'all' };
  const owned = pagesOwnedBy(pages, user, ownerNames);
  return owned.length > 0 ? { kind: 'owner', pages: owned } : undefined;
}
