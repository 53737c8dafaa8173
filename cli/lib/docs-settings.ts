/**
 * The folders of the manual's own site (`npm run docs`, `npm run check:docs`): docs/ as the
 * content folder, with its own build output, build cache and SQLite file, so that it never
 * touches the sample site's dist/ or data/knowhow.db. The manual has no training modules; the
 * quizzes/ beside docs/ is the sample site's, so it reads a quizzes folder that does not exist
 * (no quizzes folder, no quizzes). Paths are relative to the project root.
 */
export const DOCS_SETTINGS = {
  KNOWHOW_CONTENT_DIR: 'docs',
  KNOWHOW_QUIZZES_DIR: 'docs-quizzes',
  KNOWHOW_OUT_DIR: 'dist-docs',
  KNOWHOW_CACHE_DIR: 'node_modules/.astro-docs',
  DATABASE_URL: 'file:data/docs.db',
} as const;

/** Beside the sample site's 4321, so both can run at once. */
export const DOCS_PORT = '4322';
