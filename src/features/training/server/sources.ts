/**
 * Where a quiz question's answer is written: its policy section as a link with the page's title
 * and the heading's text, so a result can say what to reread.
 */
import type { PageRecord } from '../../content/index.ts';
import type { QuizSource } from '../quiz-types.ts';

export interface SourceLink {
  href: string;
  /** "Identity verification › Before any account change". */
  label: string;
}

export function sourceLink(pages: readonly PageRecord[], source: QuizSource): SourceLink {
  const page = pages.find((candidate) => candidate.url === source.url);
  const heading = source.anchor ? page?.headings.find((candidate) => candidate.slug === source.anchor) : undefined;
  const title = page?.title ?? source.url;
  return {
    href: source.anchor ? `${source.url}#${source.anchor}` : source.url,
    label: heading ? `${title} › ${heading.text}` : title,
  };
}

/** The distinct sections behind a set of questions, in the order they first come up. */
export function distinctSources(pages: readonly PageRecord[], sources: readonly (QuizSource | null)[]): SourceLink[] {
  const seen = new Map<string, SourceLink>();
  for (const source of sources) {
    if (!source) continue;
    const link = sourceLink(pages, source);
    if (!seen.has(link.href)) seen.set(link.href, link);
  }
  return [...seen.values()];
}
