/** Messages between the build and its render processes (render-pool.ts, markdown-worker.ts). */

export interface RenderJob {
  /** Path relative to the content folder; the render process reads the file itself. */
  file: string;
  /** The page's cache key: the rendered page is written to <key>.html and <key>.json. */
  key: string;
}

export interface RenderReply {
  file: string;
  error?: string;
}
