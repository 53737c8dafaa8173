/**
 * npm run docs           builds the manual (docs/) as a Knowhow site into dist-docs/ and serves it
 *                        on http://localhost:4322 (PORT and HOST as for `npm start`)
 * npm run check:docs     checks the manual as `npm run check:content` checks a content folder,
 *                        warnings included (`-- --json` prints the problems as JSON)
 *
 * The manual is a content folder like any other, so this only chooses its folders
 * (lib/docs-settings.ts), then runs the usual build, server and check.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ASTRO_BUILD_ARGS } from './astro-build.ts';
import { DOCS_PORT, DOCS_SETTINGS } from './lib/docs-settings.ts';

const root = resolve(import.meta.dirname, '..');
const [command, ...rest] = process.argv.slice(2);
Object.assign(process.env, DOCS_SETTINGS);

if (command === 'check') {
  const checked = spawnSync(process.execPath, ['cli/check-content.ts', '--strict', ...rest], { cwd: root, stdio: 'inherit' });
  process.exit(checked.status ?? 1);
} else if (command !== undefined) {
  console.error(`Unknown command ${command}. Use \`npm run docs\` (build and serve the manual) or \`npm run check:docs\`.`);
  process.exit(2);
}

const built = spawnSync(process.execPath, ASTRO_BUILD_ARGS, { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
process.env.PORT ||= DOCS_PORT;
// The server reads its settings from process.env when it starts.
await import('./serve.ts');
