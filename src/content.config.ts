/**
 * The pages of the content folder, in two collections: .md pages rendered by Knowhow's
 * parallel loader, .mdx pages compiled by Astro's MDX integration. Both use the same
 * Markdown pipeline and the same ids (the page URL). Front matter is validated by the content
 * check (src/features/content/frontmatter.ts), which runs before any loader and reports problems
 * with file, line and fix, so no Astro schema is set here.
 */
import { pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { markdownLoader } from './build/markdown-loader.ts';
import { resolveContentDir, idForUrl, urlForFile } from './features/content/index.ts';

const contentDir = resolveContentDir(process.cwd());

export const collections = {
  pages: defineCollection({ loader: markdownLoader({ contentDir }) }),
  mdxPages: defineCollection({
    loader: glob({
      base: pathToFileURL(`${contentDir}/`),
      pattern: ['**/*.mdx', '!**/node_modules/**'],
      generateId: ({ entry }) => idForUrl(urlForFile(entry)),
      retainBody: false,
    }),
  }),
};
