/** Builds the fixture site once per test run, for test/build and test/e2e. */
import { buildSite } from './build.ts';
import { FIXTURE_CONTENT, FIXTURE_OUTPUT } from './fixture-site.ts';

export default function setup() {
  // For a quick run of unit tests only: KNOWHOW_SKIP_SITE_BUILD=1 npx vitest run test/lib
  if (process.env.KNOWHOW_SKIP_SITE_BUILD === '1') return;
  const result = buildSite(FIXTURE_CONTENT, FIXTURE_OUTPUT);
  if (result.status !== 0) throw new Error(`The fixture site did not build:\n${result.output}`);
}
