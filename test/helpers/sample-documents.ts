/**
 * The sample content's pages as search documents, read straight from the Markdown (no build):
 * enough real text for many words and ties, for the search's unit tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitFrontMatter } from '../../src/features/content/frontmatter.ts';
import { listFiles } from '../../src/features/content/scan.ts';
import type { SearchDocument } from '../../src/features/search/documents.ts';

const content = fileURLToPath(new URL('../../content/', import.meta.url));

export function sampleDocuments(): SearchDocument[] {
  return listFiles(content)
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const { body } = splitFrontMatter(readFileSync(join(content, file), 'utf8'));
      const [heading = '', ...rest] = body.split('\n## ');
      return {
        url: `/${file.replace(/\.md$/, '')}/`,
        title: file.split('/').pop()?.replace(/\.md$/, '') ?? file,
        summary: body.slice(0, 160),
        type: 'guide',
        section: file.split('/')[0] ?? '',
        lang: 'en',
        tags: [],
        aliases: [],
        sections: [heading, ...rest].map((text, at) => ({ anchor: `s${at}`, heading: text.split('\n')[0] ?? '', text })),
      };
    });
}
