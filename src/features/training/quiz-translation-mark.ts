/**
 * `npm run translation -- --mark quizzes/<module>.<lang>.yaml`: records in a quiz translation the
 * version of the original's words it translates (`translatedFrom:`, quiz-words.ts), changing
 * nothing else in the file. Nothing is written here: the command marks every file it is given or
 * none, so it asks for each one first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setYamlField, YamlMarkError } from '../content/index.ts';
import { parseQuizFile } from './quiz-file.ts';
import { languageOfFileName } from './quiz-translation-file.ts';
import { quizWordsVersion } from './quiz-words.ts';
import { quizFileLabel } from './quizzes-dir.ts';

export type QuizTranslationMark = { marked: string; original: string; version: string } | { problem: string };

/** `path` is a file in the quizzes folder; `contentDir` names files as reports do (quizzes/basics.yaml). */
export function markQuizTranslation(path: string, contentDir: string): QuizTranslationMark {
  const name = path.replace(/^.*[/\\]/, '');
  if (!languageOfFileName(name)) {
    return { problem: "not a translation; a quiz translation's name ends in its language, e.g. handling-complaints.de.yaml." };
  }
  const folder = path.slice(0, path.length - name.length);
  const stem = name.replace(/\.[a-z]{2}\.ya?ml$/i, '');
  const originalPath = [`${stem}.yaml`, `${stem}.yml`].map((file) => join(folder, file)).find((file) => existsSync(file));
  if (!originalPath) return { problem: `there is no ${stem}.yaml beside it: the original quiz it translates.` };
  const original = quizFileLabel(contentDir, originalPath);
  const { quiz } = parseQuizFile(original, readFileSync(originalPath, 'utf8'));
  if (!quiz) return { problem: `${original} has errors, so its words have no version yet: run npm run check:content and fix them first.` };
  const version = quizWordsVersion(quiz.questions);
  try {
    return { marked: setYamlField(readFileSync(path, 'utf8'), 'translatedFrom', version, 'questions'), original, version };
  } catch (error) {
    if (error instanceof YamlMarkError)
      return { problem: `${error.message}: fix it (npm run check:content says where), then mark it again.` };
    throw error;
  }
}
