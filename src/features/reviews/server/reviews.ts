/**
 * The review list as the API and the dashboard serve it: the manifest's pages on the
 * organisation's calendar date (or the date asked for, to plan ahead), filtered by state, owner
 * and section. Time-dependent, so computed per request from the manifest, never stored.
 */
import { todayIso, type ReviewState } from '../../content/index.ts';
import { type ReviewItem, reviewItems, trustFigures, type TrustFigure } from '../items.ts';
import { ownedBy, ownerNamed, type OwnerIdentity } from '../page-owners.ts';
import type { Manifest } from '../../handbook/server.ts';

export interface ReviewDeps {
  manifest: Pick<Manifest, 'pages' | 'sections' | 'settings' | 'quizTranslations'>;
  now: () => Date;
}

export interface ReviewQuery {
  status?: readonly ReviewState[] | undefined;
  /** An owner as pages name them (a handle or its display name), or `me`: the pages the asker answers for. */
  owner?: string | undefined;
  section?: string | undefined;
  /** YYYY-MM-DD: the list as it will be on that day. */
  today?: string | undefined;
}

export interface ReviewList {
  today: string;
  items: ReviewItem[];
}

export function todayFor({ manifest, now }: ReviewDeps): string {
  return todayIso(now(), manifest.settings.site.timeZone);
}

export function reviewList(deps: ReviewDeps, asker: OwnerIdentity | null, query: ReviewQuery = {}): ReviewList {
  const { settings } = deps.manifest;
  const today = query.today ?? todayFor(deps);
  const owner =
    query.owner === undefined
      ? undefined
      : query.owner === 'me'
        ? asker
          ? ownedBy(asker, settings.owners)
          : () => false
        : ownerNamed(query.owner, settings.owners);
  return {
    today,
    items: reviewItems(deps.manifest, today, settings.reviewDueSoon, {
      ...(query.status ? { status: query.status } : {}),
      ...(owner ? { owner } : {}),
      ...(query.section ? { section: query.section } : {}),
    }),
  };
}

/** The share of trustworthy pages per owner and per section, weakest first. */
export function trustOverview(deps: ReviewDeps, items: readonly ReviewItem[]): { owners: TrustFigure[]; sections: TrustFigure[] } {
  return { owners: trustFigures(items, 'owner'), sections: trustFigures(items, 'section', deps.manifest.sections) };
}
