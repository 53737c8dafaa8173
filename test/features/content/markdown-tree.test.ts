/**
 * The native parser must give the tree micromark gives with the extensions Astro's processor and
 * our pipeline use (GFM and directives): every plugin after it, and every line number in a
 * content problem, depends on that tree. Positions are compared too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { directive } from 'micromark-extension-directive';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/features/content/frontmatter.ts';
import { listFiles } from '../../../src/features/content/scan.ts';
import { markdownTree } from '../../../src/features/content/markdown-tree.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/markdown-tree/', import.meta.url));
const folders = {
  'the sample content': fileURLToPath(new URL('../../../content/', import.meta.url)),
  'the fixture site': fileURLToPath(new URL('../../fixtures/site/', import.meta.url)),
};

function micromarkTree(document: string): Root {
  return fromMarkdown(document, { extensions: [gfm(), directive()], mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()] });
}

/** The tree as plain data: key order and keys set to undefined do not matter. */
function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries.map(([key, value]) => [key, normalise(value)]));
}

describe('markdownTree', () => {
  for (const name of readdirSync(fixtures)) {
    it(`parses ${name} as micromark does`, () => {
      const document = readFileSync(join(fixtures, name), 'utf8');
      expect(normalise(markdownTree(document))).toEqual(normalise(micromarkTree(document)));
    });
  }

  for (const [name, folder] of Object.entries(folders)) {
    it(`parses every page of ${name} as micromark does`, () => {
      const files = listFiles(folder).filter((file) => file.endsWith('.md'));
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        const { body } = splitFrontMatter(readFileSync(join(folder, file), 'utf8'));
        expect(normalise(markdownTree(body)), file).toEqual(normalise(micromarkTree(body)));
      }
    });
  }
});
