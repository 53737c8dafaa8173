/**
 * A render process: turns Markdown pages into HTML with the same pipeline as Astro's processor
 * (plugins/markdown-pipeline.ts) and writes them into the render cache (render-cache.ts). The
 * build starts one per core, because rendering is most of a build's time and Astro renders one
 * page at a time. Usage (by render-pool.ts): markdown-worker.ts <content folder> <cache folder>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { splitFrontMatter } from '../lib/content/frontmatter.ts';
import { markdownPipeline, SYNTAX_HIGHLIGHT } from '../plugins/markdown-pipeline.ts';
import { writeRendered } from './render-cache.ts';
import type { RenderJob, RenderReply } from './render-protocol.ts';

const [contentDir, cacheDir] = process.argv.slice(2) as [string, string];
const processor = await createMarkdownProcessor({ ...markdownPipeline(contentDir), syntaxHighlight: SYNTAX_HIGHLIGHT });

process.on('message', async (job: RenderJob) => {
  let reply: RenderReply = { file: job.file };
  try {
    const { body } = splitFrontMatter(readFileSync(join(contentDir, job.file), 'utf8'));
    const result = await processor.render(body, { fileURL: pathToFileURL(join(contentDir, job.file)), frontmatter: {} });
    writeRendered(cacheDir, job.key, result.code, result.metadata.frontmatter);
  } catch (error) {
    reply = { file: job.file, error: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(reply);
});
// When the build ends or stops early, so does this process.
process.on('disconnect', () => process.exit(0));
