/**
 * A render process: turns Markdown pages into HTML (plugins/render-page.ts) and writes them into the render cache (render-cache.ts). The
 * build starts one per core, because rendering is most of a build's time and Astro renders one
 * page at a time. Usage (by render-pool.ts): markdown-worker.ts <content folder> <cache folder>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../lib/content/frontmatter.ts';
import { createPageRenderer } from '../plugins/render-page.ts';
import { writeRendered } from './render-cache.ts';
import type { RenderJob, RenderReply } from './render-protocol.ts';

const [contentDir, cacheDir] = process.argv.slice(2) as [string, string];
const render = createPageRenderer(contentDir);

process.on('message', async (job: RenderJob) => {
  let reply: RenderReply = { file: job.file };
  try {
    const { body } = splitFrontMatter(readFileSync(join(contentDir, job.file), 'utf8'));
    const result = await render(body, join(contentDir, job.file));
    writeRendered(cacheDir, job.key, result.html, result.frontmatter);
  } catch (error) {
    reply = { file: job.file, error: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(reply);
});
// When the build ends or stops early, so does this process.
process.on('disconnect', () => process.exit(0));
