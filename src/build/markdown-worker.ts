/**
 * A render process: turns Markdown pages into HTML (features/content/markdown/render-page.ts) and writes them into
 * the render cache (render-cache.ts). The build starts one per core, because rendering is most of
 * a build's time and Astro renders one page at a time. Usage (by render-pool.ts):
 *   markdown-worker.ts <content folder> <cache folder>
 * Each message is a batch of pages, rendered back to back: every return to the event loop between
 * pages costs about a millisecond, and on the 883-page handbook one page a message made rendering
 * 40% slower than a plain loop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../features/content/index.ts';
import { createPageRenderer } from '../features/content/markdown.ts';
import { writeRendered } from './render-cache.ts';
import type { RenderJob, RenderReply } from './render-protocol.ts';

const [contentDir, cacheDir] = process.argv.slice(2) as [string, string];
const render = createPageRenderer(contentDir);

async function renderOne(job: RenderJob): Promise<RenderReply> {
  try {
    const { body } = splitFrontMatter(readFileSync(join(contentDir, job.file), 'utf8'));
    const result = await render(body, join(contentDir, job.file));
    writeRendered(cacheDir, job.key, result.html, result.frontmatter);
    return { file: job.file };
  } catch (error) {
    return { file: job.file, error: error instanceof Error ? error.message : String(error) };
  }
}

process.on('message', async (batch: RenderJob[]) => {
  const replies: RenderReply[] = [];
  for (const job of batch) replies.push(await renderOne(job));
  process.send?.(replies);
});
// When the build ends or stops early, so does this process.
process.on('disconnect', () => process.exit(0));
