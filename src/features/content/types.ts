/** The content manifest: the one record of every page that pages, search and the API share. */
import type { PageType } from './frontmatter.ts';
import type { Outline, OutlineHeading } from './outline.ts';

export type Derived = 'front-matter' | 'content' | 'git' | 'owners-file' | 'default';

export interface PageRecord {
  /** The content collection id: the URL without slashes ('' for the home page). */
  id: string;
  url: string;
  /** Path relative to the content folder. */
  file: string;
  title: string;
  summary?: string;
  /** Where the summary came from: front matter, or the first paragraph of the content. */
  summaryFrom?: Derived;
  type: PageType;
  owner?: string;
  ownerFrom?: Derived;
  /** Date of the last review (YYYY-MM-DD), from front matter or the last Git commit. */
  reviewed?: string;
  reviewedFrom?: Derived;
  reviewEvery: string;
  /** reviewed + reviewEvery; whether that has passed is decided when someone looks (review.ts). */
  reviewDue?: string;
  /** Date of the last Git commit that touched the file. */
  updated?: string;
  tags: string[];
  audience: string[];
  lang: string;
  aliases: string[];
  draft: boolean;
  headings: Omit<OutlineHeading, 'line'>[];
  /** URL of the section (folder) the page is in; for a folder's index page, its parent's. */
  section: string;
  /** The number in front of the file name, which orders pages in their section. */
  order?: number;
  isSectionIndex: boolean;
  /** On a training module's index page: the job roles the module is assigned to. */
  assignTo?: string[];
  /** On a training module's index page: days to finish the module, from the day it was assigned. */
  dueWithinDays?: number;
  /** A short hash of the whole source, so training progress can tell versions apart. */
  version: string;
  /** Everyone in the audience (everyone, without one) must acknowledge the page. */
  acknowledge: boolean;
  /**
   * On a page to acknowledge: the version people sign, the front matter's `version`, else a
   * hash of the text without its front matter (features/content/acknowledge.ts).
   */
  acknowledgeVersion?: string;
  /** URLs of the pages this page links to. */
  linksTo: string[];
  /**
   * The version of what the page says: the front matter's `version`, else a hash of the text
   * without its front matter. Translations record the original's (`translatedFrom`).
   */
  textVersion: string;
  /** On a translation (`refunds.de.md`): the URL of the original it translates. */
  translationOf?: string;
  /** On a translation: the version of the original it was made from, from its front matter. */
  translatedFrom?: string;
  /** On a translation: the original has changed since (or it does not say from which version it was made). */
  translationStale?: boolean;
  /** The other languages of this page (the original and its translations), by language. */
  translations: { lang: string; url: string }[];
}

export interface SectionRecord {
  url: string;
  /** Folder relative to the content folder ('' for the root). */
  dir: string;
  title: string;
  summary?: string;
  /** The id of the folder's index.md, if it has one. */
  indexPage?: string;
  /** Ids of the pages directly in the folder, in reading order (the index page excluded). */
  pages: string[];
  /** URLs of the sections directly below. */
  sections: string[];
  /** Set on content/training/<module>/ folders: their pages are the module's lessons, in order. */
  isTrainingModule: boolean;
}

/** What one page's source gave, before the site-wide steps (sections, links). */
export interface LoadedPage {
  record: PageRecord;
  outline: Outline;
}
