/** Where the fixture site (test/fixtures/site) is built for the build and browser tests. */
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE_CONTENT = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
export const FIXTURE_OUTPUT = fileURLToPath(new URL('../.output/site/', import.meta.url));
export const FIXTURE_DIST = `${FIXTURE_OUTPUT}dist/`;

/**
 * The fixture site's next release: test/fixtures/site with the files of
 * test/fixtures/site-changes laid over it (the refunds policy raises its `version` and changes
 * its refund window), for the tests of what people who acknowledged version 1 see after it.
 */
export const FIXTURE_CHANGES = fileURLToPath(new URL('../fixtures/site-changes/', import.meta.url));
export const FIXTURE_V2_SOURCE = fileURLToPath(new URL('../.output/site-v2-source/', import.meta.url));
export const FIXTURE_V2_CONTENT = `${FIXTURE_V2_SOURCE}site/`;
export const FIXTURE_V2_OUTPUT = fileURLToPath(new URL('../.output/site-v2/', import.meta.url));
export const FIXTURE_V2_DIST = `${FIXTURE_V2_OUTPUT}dist/`;

/** The sample content `npm start` serves, built for the search quality tests. */
export const SAMPLE_CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
export const SAMPLE_OUTPUT = fileURLToPath(new URL('../.output/sample/', import.meta.url));
export const SAMPLE_DIST = `${SAMPLE_OUTPUT}dist/`;

/** Writes the next release's content folder (and its quizzes folder beside it). */
export function prepareFixtureV2(): void {
  rmSync(FIXTURE_V2_SOURCE, { recursive: true, force: true });
  cpSync(FIXTURE_CONTENT, FIXTURE_V2_CONTENT, { recursive: true });
  cpSync(fileURLToPath(new URL('../fixtures/quizzes/', import.meta.url)), `${FIXTURE_V2_SOURCE}quizzes/`, { recursive: true });
  cpSync(FIXTURE_CHANGES, FIXTURE_V2_CONTENT, { recursive: true });
}
