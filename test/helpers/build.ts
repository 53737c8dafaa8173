/** Runs a real `astro build` of a content folder into test/.output, as `npm run build` does. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { ASTRO_BUILD_ARGS } from '../../cli/astro-build.ts';
import { PROJECT_ROOT } from './fixture-site.ts';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** quizzesDir: absolute, or relative to the project root; by default the `quizzes` folder beside the content folder. */
export function buildSite(contentDir: string, outputDir: string, { quizzesDir = '' }: { quizzesDir?: string } = {}): BuildResult {
  rmSync(outputDir, { recursive: true, force: true });
  const result = spawnSync(process.execPath, ASTRO_BUILD_ARGS, {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: {
      ...withoutTestRunnerVariables(process.env),
      KNOWHOW_CONTENT_DIR: contentDir,
      // The quizzes folder beside the content folder unless the caller names one, whatever the shell says.
      KNOWHOW_QUIZZES_DIR: quizzesDir,
      // The output must stay inside the project so the built server finds node_modules.
      KNOWHOW_OUT_DIR: relative(PROJECT_ROOT, `${outputDir}/dist`),
      KNOWHOW_CACHE_DIR: relative(PROJECT_ROOT, `${outputDir}/cache`),
      // vitest sets NODE_ENV=test, which would make Astro build in development mode.
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The build must see the environment `npm run build` sees, not the test runner's. */
function withoutTestRunnerVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // vitest exports Vite's own flags (DEV=1, PROD=, SSR=1, MODE=test) into process.env.
  const runnerVariables = new Set(['TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && !runnerVariables.has(name)));
}
