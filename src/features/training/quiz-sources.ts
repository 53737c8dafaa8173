/**
 * A question's source: a link to the handbook page, and the heading on it, where the answer is
 * written. Authors write it relative to the quiz file, as a Markdown link is relative to its page
 * (../content/policies/identity-verification.md#standard-verification), and it resolves by the
 * content folder's own link rules (links.ts), so a source works exactly when the same link in a
 * page would.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { suggestAnchors, type ContentIndex, resolveLink, closest } from '../content/index.ts';
import type { Problem, PageRecord } from '../content/index.ts';
import type { SourceRef } from './quiz-questions.ts';
import type { QuizSource } from './quiz-types.ts';

export interface SourceContext {
  contentDir: string;
  index: ContentIndex;
  /** Page records by file (relative to the content folder). */
  pages: ReadonlyMap<string, PageRecord>;
  /** false before a build renders anything: .md pages' headings are not known yet. */
  checkAnchors: boolean;
}

export interface ResolvedSource {
  source?: QuizSource;
  problem?: Problem;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** `quizPath` is the quiz file's absolute path; `file` its name in reports. */
export function resolveQuizSource(quizPath: string, file: string, ref: SourceRef, context: SourceContext): ResolvedSource {
  const { href } = ref;
  const toContent = relative(dirname(quizPath), resolve(context.contentDir)).split(sep).join('/') || '.';
  const example = `e.g. source: ${toContent}/policies/refunds.md#refund-window`;
  const broken = (message: string, hint: string): ResolvedSource => ({
    problem: { severity: 'error', code: 'BROKEN_SOURCE', file, line: ref.line, field: 'source', message, hint },
  });

  if (SCHEME.test(href) || href.startsWith('//')) {
    return broken(`${href} is another site; a source is a page of the handbook`, `link to the page's file from this quiz file, ${example}`);
  }
  const hashAt = href.indexOf('#');
  const pathPart = (hashAt === -1 ? href : href.slice(0, hashAt)).replace(/\?.*$/, '');
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  if (!pathPart) return broken(`${href} names a heading but no page`, `write the page's file before the #, ${example}`);

  // A leading / starts from the top of the content folder, as it does in pages.
  let contentHref = href;
  if (!pathPart.startsWith('/')) {
    const target = resolve(dirname(quizPath), safeDecode(pathPart));
    const inContent = relative(resolve(context.contentDir), target);
    if (inContent === '..' || inContent.startsWith(`..${sep}`) || isAbsolute(inContent)) {
      return broken(
        `${href} is outside the content folder`,
        `link to a page of the content folder, relative to this quiz file, ${example}`,
      );
    }
    contentHref = `/${inContent.split(sep).map(encodeURIComponent).join('/')}${hash}`;
  }

  const target = resolveLink('', contentHref, context.index);
  if (target.kind === 'asset') return broken(`${href} is a file, not a page`, `link to the page that explains the answer, ${example}`);
  if (target.kind !== 'page') {
    const missing = target.kind === 'missing' ? target.path : pathPart;
    const suggestion = closest(missing, [...context.index.pageUrls.keys()]);
    return broken(
      `${href} is not a page of the content folder${suggestion ? `; did you mean ${relativeTo(quizPath, context.contentDir, suggestion)}?` : ''}`,
      `link to the page's file from this quiz file, ${example}`,
    );
  }
  const source: QuizSource = { href, url: target.url, ...(target.anchor ? { anchor: target.anchor } : {}) };
  const page = target.file ? context.pages.get(target.file) : undefined;
  if (page?.draft) {
    return broken(
      `${href} is a draft and will not be published`,
      'link to a published page, or publish this one by removing `draft: true` from its front matter',
    );
  }
  if (context.checkAnchors && target.anchor && !page?.headings.some((heading) => heading.slug === target.anchor)) {
    const headings = page?.headings.map((heading) => heading.slug) ?? [];
    return {
      source,
      ...broken(`${target.file ?? target.url} has no heading with the anchor #${target.anchor}`, suggestAnchors(headings)),
    };
  }
  return { source };
}

function relativeTo(quizPath: string, contentDir: string, file: string): string {
  return relative(dirname(quizPath), resolve(contentDir, file)).split(sep).join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
