// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import knowhow from './src/build/knowhow.ts';
import serverAdapter from './src/build/server-adapter.ts';
import { memoizedPageImports } from './src/build/memoized-page-imports.ts';
import { resolveContentDir } from './src/features/content/content-dir.ts';
import { resolveQuizzesDir } from './src/features/training/quizzes-dir.ts';
import { markdownPipeline, SYNTAX_HIGHLIGHT } from './src/features/content/markdown/markdown-pipeline.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const contentDir = resolveContentDir(projectRoot);
const quizzesDir = resolveQuizzesDir(projectRoot, contentDir);
// Every later step (content collections, pages, render workers) reads the same folders.
process.env.KNOWHOW_CONTENT_DIR = contentDir;
process.env.KNOWHOW_QUIZZES_DIR = quizzesDir;

export default defineConfig({
  output: 'static',
  // cli/serve.ts is the server: it serves the static files itself, behind the
  // private-handbook gate, and hands the rest to Astro's app (build/server-adapter.ts).
  adapter: serverAdapter(),
  // Tests and benchmarks build into their own folders so they never touch dist/.
  outDir: process.env.KNOWHOW_OUT_DIR ?? './dist',
  cacheDir: process.env.KNOWHOW_CACHE_DIR ?? './node_modules/.astro',
  // Pages live at folder URLs (/policies/refunds/); API routes have none (/api/health).
  trailingSlash: 'ignore',
  // Nothing inline: the Content-Security-Policy (server/http/security-headers.ts) allows
  // only the site's own script and style files.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 }, plugins: [memoizedPageImports()] },
  devToolbar: { enabled: false },
  // src/middleware.ts checks the Origin of form posts itself (server/http/origin-check.ts).
  security: { checkOrigin: false },
  integrations: [knowhow({ contentDir, quizzesDir }), mdx()],
  markdown: {
    syntaxHighlight: SYNTAX_HIGHLIGHT,
    processor: unified(markdownPipeline(contentDir)),
  },
});
