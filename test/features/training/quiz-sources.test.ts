import { describe, expect, it } from 'vitest';
import { buildContentIndex } from '../../../src/features/content/links.ts';
import { formatProblem } from '../../../src/features/content/problems.ts';
import { resolveQuizSource, type SourceContext } from '../../../src/features/training/quiz-sources.ts';
import { pageRecord } from '../../helpers/page-record.ts';

const files = [
  'index.md',
  'policies/identity-verification.md',
  'policies/data deletion.md',
  'policies/retired.md',
  'procedures/index.md',
  'images/escalation-path.svg',
  'training/basics/01-welcome.md',
];
const heading = (slug: string) => ({ depth: 2, text: slug, slug });
const pages = [
  pageRecord('policies/identity-verification.md', { headings: [heading('why-we-verify'), heading('standard-verification')] }),
  pageRecord('policies/data deletion.md', { headings: [heading('deadlines')] }),
  pageRecord('policies/retired.md', { draft: true }),
  pageRecord('procedures/index.md'),
];
const context: SourceContext = {
  contentDir: '/handbook/content',
  index: buildContentIndex(files),
  pages: new Map(pages.map((page) => [page.file, page])),
  checkAnchors: true,
};
const QUIZ = '/handbook/quizzes/basics.yaml';
const resolve = (href: string, options: Partial<SourceContext> = {}, quizPath = QUIZ) =>
  resolveQuizSource(quizPath, 'quizzes/basics.yaml', { href, line: 7 }, { ...context, ...options });
const message = (href: string, options: Partial<SourceContext> = {}) => {
  const { problem } = resolve(href, options);
  return problem ? formatProblem(problem) : undefined;
};

describe('resolveQuizSource', () => {
  it("resolves a link relative to the quiz file to the page's address and anchor", () => {
    expect(resolve('../content/policies/identity-verification.md#standard-verification')).toEqual({
      source: {
        href: '../content/policies/identity-verification.md#standard-verification',
        url: '/policies/identity-verification/',
        anchor: 'standard-verification',
      },
    });
    expect(resolve('../content/policies/identity-verification.md').source).toEqual({
      href: '../content/policies/identity-verification.md',
      url: '/policies/identity-verification/',
    });
  });

  it('resolves links as pages do: encoded names, folders, and from the top of the content folder with /', () => {
    expect(resolve('../content/policies/data%20deletion.md#deadlines').source?.url).toBe('/policies/data-deletion/');
    expect(resolve('../content/procedures/').source?.url).toBe('/procedures/');
    expect(resolve('/policies/identity-verification.md#why-we-verify').source).toMatchObject({
      url: '/policies/identity-verification/',
      anchor: 'why-we-verify',
    });
    expect(resolve('content/policies/identity-verification.md', {}, '/handbook/quiz.yaml').source?.url).toBe(
      '/policies/identity-verification/',
    );
  });

  it('reports a missing page, with the closest page when there is one', () => {
    expect(message('../content/policies/identity-verificaton.md#why-we-verify')).toMatchInlineSnapshot(`
      "quizzes/basics.yaml:7 error source: ../content/policies/identity-verificaton.md#why-we-verify is not a page of the content folder; did you mean ../content/policies/identity-verification.md?
          link to the page's file from this quiz file, e.g. source: ../content/policies/refunds.md#refund-window"
    `);
    expect(message('../content/policies/refunds.md')).toMatchInlineSnapshot(`
      "quizzes/basics.yaml:7 error source: ../content/policies/refunds.md is not a page of the content folder
          link to the page's file from this quiz file, e.g. source: ../content/policies/refunds.md#refund-window"
    `);
  });

  it('reports a heading the page does not have, once headings are known', () => {
    const href = '../content/policies/identity-verification.md#enhanced-verification';
    expect(message(href)).toMatchInlineSnapshot(`
      "quizzes/basics.yaml:7 error source: policies/identity-verification.md has no heading with the anchor #enhanced-verification
          anchors are the heading's words in lower case joined by hyphens; this page has #why-we-verify, #standard-verification"
    `);
    expect(resolve(href).source?.url).toBe('/policies/identity-verification/');
    // The quick check before a build renders anything knows no .md page's headings.
    expect(resolve(href, { checkAnchors: false }).problem).toBeUndefined();
  });

  it('reports sources that are not pages of the handbook', () => {
    expect(message('../../secrets/answers.md')).toMatchInlineSnapshot(`
      "quizzes/basics.yaml:7 error source: ../../secrets/answers.md is outside the content folder
          link to a page of the content folder, relative to this quiz file, e.g. source: ../content/policies/refunds.md#refund-window"
    `);
    expect(message('https://ico.org.uk/for-the-public/')).toMatchInlineSnapshot(`
      "quizzes/basics.yaml:7 error source: https://ico.org.uk/for-the-public/ is another site; a source is a page of the handbook
          link to the page's file from this quiz file, e.g. source: ../content/policies/refunds.md#refund-window"
    `);
    expect(message('#standard-verification')).toMatchInlineSnapshot(`
      "quizzes/basics.yaml:7 error source: #standard-verification names a heading but no page
          write the page's file before the #, e.g. source: ../content/policies/refunds.md#refund-window"
    `);
    expect(message('../content/images/escalation-path.svg')).toMatchInlineSnapshot(`
      "quizzes/basics.yaml:7 error source: ../content/images/escalation-path.svg is a file, not a page
          link to the page that explains the answer, e.g. source: ../content/policies/refunds.md#refund-window"
    `);
    expect(message('../content/policies/retired.md')).toMatchInlineSnapshot(`
      "quizzes/basics.yaml:7 error source: ../content/policies/retired.md is a draft and will not be published
          link to a published page, or publish this one by removing \`draft: true\` from its front matter"
    `);
  });
});
