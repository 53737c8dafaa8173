/** Where the fixture site (test/fixtures/site) is built for the build and browser tests. */
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE_CONTENT = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
export const FIXTURE_OUTPUT = fileURLToPath(new URL('../.output/site/', import.meta.url));
export const FIXTURE_DIST = `${FIXTURE_OUTPUT}dist/`;

/** The sample content the README's `npm start` serves, built for the search quality tests. */
export const SAMPLE_CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
export const SAMPLE_OUTPUT = fileURLToPath(new URL('../.output/sample/', import.meta.url));
export const SAMPLE_DIST = `${SAMPLE_OUTPUT}dist/`;
