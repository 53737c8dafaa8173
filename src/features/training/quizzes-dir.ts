/**
 * The quizzes folder: `quizzes` beside the content folder, as a company's handbook repository
 * keeps them (content/ and quizzes/ side by side), or KNOWHOW_QUIZZES_DIR (absolute, or relative
 * to the project root, like KNOWHOW_CONTENT_DIR). Answer keys live apart from the pages so that
 * nothing under the content folder, which is published, ever holds them.
 */
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const QUIZZES_DIR_NAME = 'quizzes';

/** `<parent of the content folder>/quizzes`. */
export function defaultQuizzesDir(contentDir: string): string {
  return join(dirname(resolve(contentDir)), QUIZZES_DIR_NAME);
}

export function resolveQuizzesDir(projectRoot: string, contentDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.KNOWHOW_QUIZZES_DIR?.trim();
  if (!configured) return defaultQuizzesDir(contentDir);
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}

/**
 * A quiz file as reports name it: relative to the content folder's parent, so that the sample's
 * file reads quizzes/new-agent-onboarding.yaml, as it does in the handbook repository.
 */
export function quizFileLabel(contentDir: string, path: string): string {
  return relative(dirname(resolve(contentDir)), path)
    .split(sep)
    .join('/');
}
