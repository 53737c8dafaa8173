/**
 * The content folder: content/ in the project, or KNOWHOW_CONTENT_DIR (absolute, or relative to
 * the project root) so a company can keep its content repository apart from the app.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

export const DEFAULT_CONTENT_DIR = 'content';

export function resolveContentDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.KNOWHOW_CONTENT_DIR?.trim() || DEFAULT_CONTENT_DIR;
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}

export class ContentDirError extends Error {}

export function assertContentDir(contentDir: string): void {
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new ContentDirError(
      `The content folder ${contentDir} does not exist.\n` +
        'Set KNOWHOW_CONTENT_DIR to a folder of Markdown files (absolute, or relative to the project root), ' +
        'or unset it to use content/.',
    );
  }
}
