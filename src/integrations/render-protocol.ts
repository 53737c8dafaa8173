/** Messages between the build and its render workers. */
import type { MarkdownHeading } from '@astrojs/markdown-remark';

export interface RenderJob {
  /** Path relative to the content folder. */
  file: string;
  source: string;
}

export type RenderResult =
  | { file: string; html: string; headings: MarkdownHeading[]; frontmatter: Record<string, unknown>; error?: undefined }
  | { file: string; error: string };
