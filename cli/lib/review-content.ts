/**
 * What `npm run review` and `npm run review:notify` share: the content folder's pages as the
 * build sees them (owners from CODEOWNERS, review dates from Git), listed for review on a day.
 */
import { resolve } from 'node:path';
import { assertContentDir, ContentDirError, resolveContentDir, type ReviewState, todayIso } from '../../src/features/content/index.ts';
import { loadSite } from '../../src/features/handbook/loader.ts';
import { type ReviewItem, reviewItems, ownerNamed } from '../../src/features/reviews/index.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface ReviewOptions {
  owner?: string | undefined;
  section?: string | undefined;
  today?: string | undefined;
  status?: readonly ReviewState[];
}

export interface ContentReview {
  contentDir: string;
  today: string;
  timeZone: string;
  items: ReviewItem[];
  /** The handbook's public address: site.url in knowhow.yaml, else BETTER_AUTH_URL's origin; none without either. */
  publicUrl?: string;
}

/** Exits 2 with the reason when the options or the content folder are unusable. */
export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

export function checkDate(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) {
    fail(`${option} ${value} is not a date: write YYYY-MM-DD, e.g. ${todayIso()}.`);
  }
  return value;
}

export function contentReview(options: ReviewOptions, now = new Date()): ContentReview {
  const contentDir = resolveContentDir(PROJECT_ROOT);
  try {
    assertContentDir(contentDir);
  } catch (error) {
    if (error instanceof ContentDirError) fail(error.message);
    throw error;
  }
  const site = loadSite(contentDir, { now, checkLinks: false });
  const timeZone = site.settings.site.timeZone ?? 'UTC';
  const today = options.today ?? todayIso(now, timeZone);
  const items = reviewItems(site, today, site.settings.reviewDueSoon, {
    ...(options.owner ? { owner: ownerNamed(options.owner, site.settings.owners) } : {}),
    ...(options.section ? { section: options.section } : {}),
    ...(options.status ? { status: options.status } : {}),
  });
  return { contentDir, today, timeZone, items, ...(site.settings.site.url ? { publicUrl: site.settings.site.url } : {}) };
}
