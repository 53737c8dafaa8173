/**
 * The build steps around Astro's own:
 * - before anything renders, check front matter, settings, owners and addresses, and stop the
 *   build with the readable list when something is wrong (never a stack trace);
 * - in dev, serve the images and files pages link to, straight from the content folder, and
 *   notice new and deleted files;
 * - after the build, copy those files into the site, write the content manifest and the
 *   quizzes (answer keys: into the server's folder only) and the texts of the pages to
 *   acknowledge (server only too) that the server reads at start, and build
 *   both search indexes (the server's and the browser's Pagefind).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  assertContentDir,
  DEFAULT_CONTENT_DIR,
  isPageFile,
  formatReport,
  forgetContentIndex,
  publicUrlNotice,
} from '../features/content/index.ts';
import { POLICY_TEXTS_FILE, policyTexts, builtSite, forgetSite } from '../features/handbook/index.ts';
import { hasFailures, loadSite } from '../features/handbook/loader.ts';
import { MANIFEST_FILE } from '../features/handbook/server.ts';
import { QUIZZES_FILE } from '../features/training/index.ts';
import { writeMachineFiles } from './machine-files.ts';
import { startRenderingEarly } from './render-cache.ts';
import { defaultWorkerCount } from './render-pool.ts';
import { PAGEFIND_DIR, writePagefindIndex } from './pagefind-index.ts';
import { type SearchBuild, startSearchBuild } from './search-build.ts';
import { serveContentFiles } from './serve-content-files.ts';
import { serveMachineFiles } from './serve-machine-files.ts';

export default function knowhow({ contentDir, quizzesDir }: { contentDir: string; quizzesDir: string }): AstroIntegration {
  let serverDir: string | undefined;
  let projectRoot: string | undefined;
  let cacheDir: string | undefined;
  let searchBuild: SearchBuild | undefined;
  // Astro may call build:done once per build environment; the files are written once.
  const written = new WeakSet<object>();
  return {
    name: 'knowhow',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        try {
          assertContentDir(contentDir);
          defaultWorkerCount();
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
          process.exit(1);
        }
        if (command !== 'build' && command !== 'dev') return;
        const site = loadSite(contentDir, { checkLinks: false, quizzesDir });
        const report = formatReport(site.problems, { strict: site.settings.strict, limitPerCode: 10 });
        if (command === 'build' && hasFailures(site)) {
          console.error(`\nThe content folder ${contentDir} has problems that stop the build:\n\n${report}\n`);
          process.exit(1);
        }
        if (site.problems.length > 0) logger.warn(`Content check of ${contentDir}:\n${report}`);
        const notice = publicUrlNotice(contentDir, site.settings);
        if (notice) logger.warn(notice);
        // Rendering is most of a build: start it now, while Astro starts; the loader picks it up.
        if (command === 'build')
          startRenderingEarly(fileURLToPath(config.root).replace(/\/$/, ''), contentDir, fileURLToPath(config.cacheDir));
      },
      'astro:config:done': ({ config }) => {
        serverDir = fileURLToPath(config.build.server);
        projectRoot = fileURLToPath(config.root).replace(/\/$/, '');
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server }) => {
        const onTreeChange = (path: string) => {
          if (path.startsWith(contentDir)) forgetContentIndex();
          if (path.startsWith(contentDir) || path.startsWith(quizzesDir)) forgetSite();
        };
        server.watcher.add([contentDir, quizzesDir]);
        server.watcher.on('add', onTreeChange).on('unlink', onTreeChange).on('change', onTreeChange);
        server.middlewares.use(serveContentFiles(contentDir));
        server.middlewares.use(serveMachineFiles(contentDir, quizzesDir));
      },
      'astro:build:start': () => {
        // The pages are rendered by now: index them for search while Astro bundles and prerenders.
        if (serverDir && projectRoot && cacheDir) searchBuild = startSearchBuild(projectRoot, contentDir, cacheDir, serverDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = builtSite();
        if (site && written.has(site)) return;
        if (!site) {
          logger.warn('No page was built, so no content manifest was written.');
          return;
        }
        const clientDir = fileURLToPath(dir);
        for (const file of site.assets) {
          if (isPageFile(file)) continue;
          const target = join(clientDir, file);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(join(contentDir, file), target);
        }
        // Before Pagefind indexes the folder: it reads only .html files, so the copies stay out of it.
        const machines = writeMachineFiles(clientDir, site);
        if (serverDir) {
          const { pages, sections, settings, builtAt, quizTranslations } = site;
          const sampleContent = resolve(contentDir) === resolve(projectRoot as string, DEFAULT_CONTENT_DIR);
          writeFileSync(
            join(serverDir, MANIFEST_FILE),
            JSON.stringify({ builtAt, sampleContent, settings, pages, sections, quizTranslations }),
          );
          // The answer keys go here and nowhere else: dist/client is public, dist/server is not.
          writeFileSync(join(serverDir, QUIZZES_FILE), JSON.stringify(site.quizzes));
          // The words of the pages to acknowledge, for "what changed since you signed": server only.
          writeFileSync(join(serverDir, POLICY_TEXTS_FILE), JSON.stringify(policyTexts(contentDir, pages)));
          searchBuild ??= startSearchBuild(projectRoot as string, contentDir, cacheDir as string, serverDir);
          // One index after the other: each takes a few hundred megabytes on a large site, and
          // together beside Astro they took a 10,000-page build past 3 GB.
          const indexed = await searchBuild.finish(clientDir);
          const pagefind = await writePagefindIndex(clientDir);
          searchBuild.copyWordLists(join(clientDir, PAGEFIND_DIR));
          const counts = Object.entries(indexed).map(([language, count]) => `${count} pages in ${language}`);
          logger.info(`Search index: ${counts.join(', ')}; browser search (Pagefind): ${pagefind.pages} pages`);
        }
        written.add(site);
        const quizzes = `${site.quizzes.length} quiz${site.quizzes.length === 1 ? '' : 'zes'}`;
        logger.info(
          `${site.pages.length} pages, ${quizzes}, ${site.assets.length} linked files copied, ${machines.copies} Markdown copies with llms.txt, manifest written.`,
        );
      },
    },
  };
}
