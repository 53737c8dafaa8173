/**
 * Builds the sites the build and browser tests read, once per test run: the fixture site
 * (test/fixtures/site), its next release (with test/fixtures/site-changes laid over it) and
 * the sample content (content/, for the search quality set).
 */
import { buildSite } from './build.ts';
import {
  FIXTURE_CONTENT,
  FIXTURE_OUTPUT,
  FIXTURE_V2_CONTENT,
  FIXTURE_V2_OUTPUT,
  prepareFixtureV2,
  SAMPLE_CONTENT,
  SAMPLE_OUTPUT,
} from './fixture-site.ts';

export default function setup() {
  // For a quick run of unit tests only: KNOWHOW_SKIP_SITE_BUILD=1 npx vitest run test/lib
  if (process.env.KNOWHOW_SKIP_SITE_BUILD === '1') return;
  prepareFixtureV2();
  for (const [content, output] of [
    [FIXTURE_CONTENT, FIXTURE_OUTPUT],
    [FIXTURE_V2_CONTENT, FIXTURE_V2_OUTPUT],
    [SAMPLE_CONTENT, SAMPLE_OUTPUT],
  ] as const) {
    const result = buildSite(content, output);
    if (result.status !== 0) throw new Error(`${content} did not build:\n${result.output}`);
  }
}
