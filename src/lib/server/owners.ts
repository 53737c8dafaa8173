/**
 * Who answers for a page. The manifest records each page's `owner` as front matter or
 * CODEOWNERS name it (several joined by ", ", a CODEOWNERS handle shown by its name from
 * knowhow.yaml's `owners`). A person answers for a page when one of its owners is one of their
 * owner handles, the name knowhow.yaml gives such a handle, or their email: case does not count.
 */
import type { PageRecord } from '../content/types.ts';
import { roleCan } from './auth/access.ts';
import type { UserRecord } from './users/user-records.ts';

type Owner = Pick<UserRecord, 'email' | 'ownerHandles'>;

/** The names that stand for `user` as a page owner, lower-cased. */
export function ownerNamesOf(user: Owner, ownerNames: Record<string, string> = {}): Set<string> {
  const names = new Set<string>();
  const add = (name: string | undefined) => {
    const trimmed = name?.trim().toLowerCase();
    if (trimmed) names.add(trimmed);
  };
  add(user.email);
  for (const handle of user.ownerHandles) {
    add(handle);
    add(ownerNames[handle]);
  }
  return names;
}

/** A page's owners as separate names, lower-cased; the whole `owner` too, in case a name has a comma. */
export function ownersOfPage(page: Pick<PageRecord, 'owner'>): string[] {
  if (!page.owner) return [];
  const whole = page.owner.trim().toLowerCase();
  return [whole, ...whole.split(',').map((name) => name.trim())].filter(Boolean);
}

/** Whether `user` answers for `page`. */
export function ownsPage(page: Pick<PageRecord, 'owner'>, names: Set<string>): boolean {
  return ownersOfPage(page).some((owner) => names.has(owner));
}

/**
 * The pages `user` answers for. `ownerNames` is knowhow.yaml's `owners` (handle to name), so
 * that a handle matches a page that shows the handle's name.
 */
export function pagesOwnedBy<Page extends Pick<PageRecord, 'owner'>>(
  pages: readonly Page[],
  user: Owner,
  ownerNames: Record<string, string> = {},
): Page[] {
  const names = ownerNamesOf(user, ownerNames);
  return pages.filter((page) => ownsPage(page, names));
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
