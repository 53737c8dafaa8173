/** The command line of `npm run build` (package.json), for the scripts and tests that run builds. */
export const ASTRO_BUILD_ARGS = ['--import', './cli/release-memory.mjs', 'node_modules/astro/bin/astro.mjs', 'build'];
