/**
 * What a build does with problems in the content folder: errors stop it with the same list the
 * content check prints, never a stack trace; warnings are printed and the build goes on.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/check/${name}/`, import.meta.url));
const quizFixture = (name: string) => fileURLToPath(new URL(`../fixtures/check-quizzes/${name}/content/`, import.meta.url));
const output = (name: string) => fileURLToPath(new URL(`../.output/${name}/`, import.meta.url));
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('a build of a content folder with problems', () => {
  it('stops on front matter errors before rendering anything, with the readable list', () => {
    const result = buildSite(fixture('front-matter'), output('failing-front-matter'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('has problems that stop the build');
    expect(result.output).toContain('misspelt.md:4 error reveiwed: is not a front matter field; did you mean `reviewed`?');
    expect(result.output).toContain('bad-values.md:5 error reviewed: "31/03/2026" is not a date');
    expect(result.output).toContain('7 errors, 1 warning: fix the problems above');
    expect(result.output).not.toContain('Rendered');
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  it('stops when a published page links to a draft, once the links are known', () => {
    const result = buildSite(fixture('links'), output('failing-links'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('links.md:7 error links to draft.md, which is a draft and will not be published');
    expect(result.output).toContain('links.md:6 warning the link "missing page" points to missing.md');
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  it('stops on quiz errors before rendering anything', () => {
    const result = buildSite(quizFixture('problems'), output('failing-quizzes'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('has problems that stop the build');
    expect(result.output).toContain('quizzes/onboarding.yml:1 error module: "new-agent-onbording" is not a training module');
    expect(result.output).toContain('quizzes/basics-again.yaml:1 error module: basics already has a quiz, in quizzes/basics.yaml');
    expect(result.output).not.toContain('Rendered');
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  it("stops when a quiz's source names a heading its page does not have, once the headings are known", () => {
    const result = buildSite(quizFixture('missing-heading'), output('failing-quiz-source'));
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'quizzes/basics.yaml:9 error source: policies/identity-verification.md has no heading with the anchor #enhanced-verification',
    );
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  it('builds with warnings, and says what they are', () => {
    const result = buildSite(fixture('owners'), output('warnings-only'));
    expect(result.status).toBe(0);
    expect(result.output).toContain('orphan.md warning the page has no owner');
  });
});
