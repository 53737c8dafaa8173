/**
 * Renders Markdown through one plugin of the pipeline (src/features/content/markdown/markdown-pipeline.ts) with the
 * same syntax the site parses: GFM and directives, plus MDX for .mdx input.
 *
 * Each plugin is tested on fixture folders, test/fixtures/plugins/<plugin>/<case>/, holding
 * input.md (or input.mdx), the expected output.html and, optionally, options.json with the
 * plugin's options. Folders starting with `_` are not cases (remark-links keeps its content
 * folder there). A case without output.html gets one written on its first run, so a new case is
 * a folder and an input file: read the written file before committing it. With CI=true a
 * missing output.html fails the test instead.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Pluggable, unified } from 'unified';
import { VFile } from 'vfile';
import { expect } from 'vitest';

export const PLUGIN_FIXTURES = fileURLToPath(new URL('../../../fixtures/plugins/', import.meta.url));

export interface RenderOptions {
  /** The remark plugin under test, alone or as [plugin, options]. */
  remark?: Pluggable;
  /** The rehype plugin under test, alone or as [plugin, options]. */
  rehype?: Pluggable;
  /** Absolute path of the file being rendered; plugins that resolve links read it. */
  path?: string;
  /** Parse as MDX; defaults to whether `path` ends in .mdx. */
  mdx?: boolean;
}

export async function render(source: string, { remark, rehype, path, mdx = path?.endsWith('.mdx') ?? false }: RenderOptions = {}) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(mdx ? [remarkMdx] : [])
    .use(remark ? [remark] : [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehype ? [rehype] : [])
    .use(rehypeStringify, { allowDangerousHtml: true });
  const file = await processor.process(new VFile({ value: source, ...(path ? { path } : {}) }));
  return String(file);
}

export interface Fixture {
  /** The folder name, which says what the case shows: `drops-a-leading-h1`. */
  name: string;
  dir: string;
  /** Absolute path of input.md or input.mdx. */
  inputPath: string;
  input: string;
  /** The contents of options.json, or {} without one. */
  options: Record<string, unknown>;
}

/** The cases of one plugin, in folder-name order. */
export function fixtures(plugin: string): Fixture[] {
  const root = join(PLUGIN_FIXTURES, plugin);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const inputName = ['input.md', 'input.mdx'].find((candidate) => existsSync(join(dir, candidate)));
      if (!inputName) throw new Error(`${dir} has no input.md or input.mdx`);
      const inputPath = join(dir, inputName);
      const optionsPath = join(dir, 'options.json');
      return {
        name,
        dir,
        inputPath,
        input: readFileSync(inputPath, 'utf8'),
        options: existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Record<string, unknown>) : {},
      };
    });
}

/** The test name for a case: its folder name as words. */
export function caseName(fixture: Fixture): string {
  return fixture.name.replaceAll('-', ' ');
}

function onCi(): boolean {
  const value = process.env.CI;
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/** Compares the HTML with the case's output.html; writes output.html when it is missing (never on CI). */
export function expectOutput(fixture: Fixture, html: string): void {
  const outputPath = join(fixture.dir, 'output.html');
  if (!existsSync(outputPath)) {
    if (onCi()) {
      throw new Error(`${outputPath} is missing: run the tests without CI=true to write it, then check it by eye`);
    }
    writeFileSync(outputPath, `${html.trimEnd()}\n`);
    return;
  }
  expect(html.trimEnd()).toBe(readFileSync(outputPath, 'utf8').trimEnd());
}
