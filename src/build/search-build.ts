/**
 * The server's search files (one per language): built in a separate process started as soon as the
 * pages are rendered (astro:build:start), finished once the pages are built (astro:build:done).
 * Both search paths must index the same text: .md pages are read from the render cache, whose
 * HTML the built pages hold unchanged; .mdx pages from the built pages themselves.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPageFile, listFiles } from '../features/content/index.ts';
import { clientDataFile } from '../features/search/index.ts';
import { SEARCH_DIR } from '../features/search/server.ts';

export interface SearchBuildRequest {
  pages: { url: string; html: string }[];
}
export type SearchBuildReply = { counts: Record<string, number>; error?: undefined } | { error: string; counts?: undefined };
/** The worker's first message: either it is done, or it waits for these built pages. */
type FirstMessage = SearchBuildReply | { waitingFor: string[] };

export interface SearchBuild {
  /** Hands over the built pages the index still needs, and waits for the files to be written. */
  finish(clientDir: string): Promise<Record<string, number>>;
  /** After finish(): puts the browser's word lists (features/search/client-data.ts) into `dir`. */
  copyWordLists(dir: string): void;
}

export function startSearchBuild(projectRoot: string, contentDir: string, cacheDir: string, serverDir: string): SearchBuild {
  // The worker writes beside the build cache: Astro is still rearranging dist/server while it
  // works. finish() copies the files into dist/server/search once the pages are built.
  const workDir = join(cacheDir, 'knowhow-search');
  rmSync(workDir, { recursive: true, force: true });
  const worker: ChildProcess = fork(
    fileURLToPath(new URL('./src/build/search-worker.ts', pathToFileURL(`${projectRoot}/`))),
    [projectRoot, contentDir, cacheDir, workDir],
    {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // It runs beside Astro's bundling, the build's memory peak: a heap sized to the site makes it
      // collect early instead of growing (0.4 MB a page, and at least 384 MB: less ran out on the
      // 883-page handbook).
      execArgv: [...process.execArgv, `--max-old-space-size=${heapFor(contentDir)}`, '--max-semi-space-size=4'],
    },
  );
  const first = new Promise<FirstMessage>((resolve, reject) => {
    worker.once('message', (message: FirstMessage) => resolve(message));
    worker.once('exit', (code) => reject(new Error(`The search index process stopped early (exit code ${code})`)));
  });
  // Unhandled until finish() is called; the build reports it there.
  first.catch(() => undefined);
  let languages: string[] = [];
  return {
    async finish(clientDir) {
      const message = await first;
      const reply =
        'waitingFor' in message
          ? await new Promise<SearchBuildReply>((resolve, reject) => {
              const pages = message.waitingFor.map((url) => ({ url, html: readFileSync(join(clientDir, url, 'index.html'), 'utf8') }));
              worker.once('message', resolve);
              worker.once('exit', (code) => reject(new Error(`The search index process stopped (exit code ${code})`)));
              worker.send({ pages } satisfies SearchBuildRequest);
            })
          : message;
      if (reply.error !== undefined) throw new Error(reply.error);
      const target = join(serverDir, SEARCH_DIR);
      mkdirSync(target, { recursive: true });
      languages = Object.keys(reply.counts);
      for (const language of languages) copyFileSync(join(workDir, `${language}.json`), join(target, `${language}.json`));
      return reply.counts;
    },
    copyWordLists(dir) {
      for (const language of languages) copyFileSync(join(workDir, clientDataFile(language)), join(dir, clientDataFile(language)));
    },
  };
}

function heapFor(contentDir: string): number {
  const pages = listFiles(contentDir).filter(isPageFile).length;
  return Math.max(384, Math.ceil(pages * 0.4));
}
