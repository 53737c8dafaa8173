/**
 * The sample's Handling complaints module, built in five languages: translated lessons are the
 * same lessons, not more of them; the German module page lists the German lessons and leads to
 * the German quiz; a German lesson is marked done as the original lesson.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltManifest, readBuiltQuizzes } from '../../src/features/handbook/server/manifest.ts';
import { trainingModules } from '../../src/features/training/modules.ts';
import { SAMPLE_DIST } from '../helpers/fixture-site.ts';

const page = (url: string) => readFileSync(join(SAMPLE_DIST, 'client', url, 'index.html'), 'utf8');
const LESSONS = ['recognising-a-complaint', 'resolving-at-first-contact', 'escalation-and-final-response'];

describe('a translated training module', () => {
  it('keeps the original lessons only, and knows each language’s lessons under their ids', () => {
    const serverDir = join(SAMPLE_DIST, 'server');
    const module = trainingModules(readBuiltManifest(serverDir), readBuiltQuizzes(serverDir)).find(
      (candidate) => candidate.id === 'handling-complaints',
    );
    expect(module?.lessons.map((lesson) => lesson.id)).toEqual(LESSONS);
    expect(module?.lessons.every((lesson) => !/^\/(de|pl|fi|sv)\//.test(lesson.url))).toBe(true);
    expect(module?.lang).toBe('en');
    expect(module?.translations.map((translation) => translation.lang)).toEqual(['de', 'fi', 'pl', 'sv']);
    const german = module?.translations.find((translation) => translation.lang === 'de');
    expect(german).toMatchObject({ url: '/de/training/handling-complaints/', title: 'Umgang mit Beschwerden' });
    expect(german?.lessons.map((lesson) => [lesson.id, lesson.url])).toEqual(
      LESSONS.map((id) => [id, `/de/training/handling-complaints/${id}/`]),
    );
    // The versions are the original lessons': a translation changes nothing a completion records.
    expect(german?.lessons.map((lesson) => lesson.version)).toEqual(module?.lessons.map((lesson) => lesson.version));
  });

  it('lists the German lessons on the German module page, and leads to the quiz in German', () => {
    const html = page('de/training/handling-complaints');
    for (const id of LESSONS) expect(html).toContain(`href="/de/training/handling-complaints/${id}/" data-lesson="${id}"`);
    expect(html).toContain('data-quiz-href="/quiz/handling-complaints/?lang=de"');
    expect(html).not.toContain('href="/training/handling-complaints/recognising-a-complaint/" data-lesson');
    // The original page lists its own three lessons, and no translation as a lesson of its own.
    const original = page('training/handling-complaints');
    expect(original.match(/data-lesson="/g)).toHaveLength(3);
    expect(original).not.toContain('href="/de/training/handling-complaints/recognising-a-complaint/" data-lesson');
  });

  it('marks a German lesson done as the original lesson, with the next steps in German', () => {
    const html = page('de/training/handling-complaints/recognising-a-complaint');
    expect(html).toMatch(/data-lesson-done data-module="handling-complaints" data-lesson="recognising-a-complaint"/);
    expect(html).toContain('data-quiz-href="/quiz/handling-complaints/?lang=de"');
    expect(html).toContain('href="/de/training/handling-complaints/resolving-at-first-contact/"');
    expect(html).toContain('Umgang mit Beschwerden');
  });
});
