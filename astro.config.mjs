// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import knowhow from './src/integrations/knowhow.ts';
import { resolveContentDir } from './src/lib/content/content-dir.ts';
import { markdownPipeline, SYNTAX_HIGHLIGHT } from './src/plugins/markdown-pipeline.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const contentDir = resolveContentDir(projectRoot);
// Every later step (content collections, pages, render workers) reads the same folder.
process.env.KNOWHOW_CONTENT_DIR = contentDir;

export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  // Tests and benchmarks build into their own folders so they never touch dist/.
  outDir: process.env.KNOWHOW_OUT_DIR ?? './dist',
  cacheDir: process.env.KNOWHOW_CACHE_DIR ?? './node_modules/.astro',
  // Pages live at folder URLs (/policies/refunds/); API routes have none (/api/health).
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [knowhow({ contentDir }), mdx()],
  markdown: {
    syntaxHighlight: SYNTAX_HIGHLIGHT,
    processor: unified(markdownPipeline(contentDir)),
  },
});
