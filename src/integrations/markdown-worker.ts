/**
 * A render process: turns Markdown pages into HTML with the same pipeline as Astro's processor
 * (plugins/markdown-pipeline.ts). The build starts one per core (markdown-loader.ts), because
 * rendering is most of a build's time and Astro renders one page at a time.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { splitFrontMatter } from '../lib/content/frontmatter.ts';
import { markdownPipeline, SYNTAX_HIGHLIGHT } from '../plugins/markdown-pipeline.ts';
import type { RenderJob, RenderResult } from './render-protocol.ts';

const contentDir = process.argv[2] as string;
const processor = await createMarkdownProcessor({ ...markdownPipeline(contentDir), syntaxHighlight: SYNTAX_HIGHLIGHT });

process.on('message', async (job: RenderJob) => {
  let reply: RenderResult;
  try {
    const { body } = splitFrontMatter(job.source);
    const result = await processor.render(body, { fileURL: pathToFileURL(join(contentDir, job.file)), frontmatter: {} });
    reply = { file: job.file, html: result.code, headings: result.metadata.headings, frontmatter: result.metadata.frontmatter };
  } catch (error) {
    reply = { file: job.file, error: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(reply);
});
