/**
 * A built site with its quizzes' settings changed (unlimited attempts, another `reveal`), for
 * tests that need a quiz the sample or the fixture does not have, without another build: the
 * server reads the quizzes from dist/server/knowhow-quizzes.json at start. The copy stays under
 * test/.output, where the server's packages resolve from node_modules.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUIZZES_FILE, type QuizDefinition } from '../../src/features/training/quiz-types.ts';

export function distWithQuizzes(distDir: string, name: string, change: (quiz: QuizDefinition) => QuizDefinition): string {
  const copy = fileURLToPath(new URL(`../.output/quiz-copies/${name}/dist/`, import.meta.url));
  rmSync(copy, { recursive: true, force: true });
  cpSync(distDir, copy, { recursive: true });
  const file = `${copy}server/${QUIZZES_FILE}`;
  const quizzes = JSON.parse(readFileSync(file, 'utf8')) as QuizDefinition[];
  writeFileSync(file, JSON.stringify(quizzes.map(change)));
  return copy;
}
