/**
 * Every quiz in the quizzes folder, checked against the site: a module that exists, one quiz per
 * module, at most one translation per language (quiz-translations.ts), and sources that lead to
 * a published page and a heading on it. A quiz with errors in
 * its file or its module is left out of the site model; its problems are reported with the
 * content folder's, so `npm run check:content` and the build list them together.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ContentIndex, Problem, PageRecord } from '../content/index.ts';
import { listFiles, closest, quoteList } from '../content/index.ts';
import { isQuizFile, type ParsedQuiz, parseQuizFile } from './quiz-file.ts';
import { resolveQuizSource, type SourceContext } from './quiz-sources.ts';
import { checkTranslation } from './quiz-translations.ts';
import type { QuizDefinition, QuizQuestion } from './quiz-types.ts';
import { quizVersion } from './quiz-version.ts';
import { quizWordsVersion } from './quiz-words.ts';
import { quizFileLabel } from './quizzes-dir.ts';

export interface QuizzesContext {
  contentDir: string;
  quizzesDir: string;
  /** The training modules' folder names (training/<module>/). */
  modules: readonly string[];
  /** The language a module is written in (its page's `lang`, else the site's): its quiz's. */
  moduleLang: (module: string) => string;
  index: ContentIndex;
  pages: readonly PageRecord[];
  /** false before a build renders anything: sources' headings are checked once pages are rendered. */
  checkAnchors: boolean;
}

export interface LoadedQuizzes {
  quizzes: QuizDefinition[];
  problems: Problem[];
}

/** A missing quizzes folder is no quizzes, not a problem: most handbooks start without any. */
export function loadQuizzes(context: QuizzesContext): LoadedQuizzes {
  const { quizzesDir, contentDir } = context;
  if (!existsSync(quizzesDir) || !statSync(quizzesDir).isDirectory()) return { quizzes: [], problems: [] };
  const sources: SourceContext = {
    contentDir,
    index: context.index,
    pages: new Map(context.pages.map((page) => [page.file, page])),
    checkAnchors: context.checkAnchors,
  };
  const quizzes: QuizDefinition[] = [];
  const problems: Problem[] = [];
  const claimed = new Map<string, string>();
  const files = listFiles(quizzesDir)
    .filter(isQuizFile)
    .map((relPath) => {
      const path = join(quizzesDir, relPath);
      const file = quizFileLabel(contentDir, path);
      return { path, file, ...parseQuizFile(file, readFileSync(path, 'utf8')) };
    });
  // Of two quizzes for one module, the file named for the module is the quiz and the other the stray.
  const namedForModule = (entry: (typeof files)[number]) =>
    basename(entry.path).replace(/(\.[a-z]{2})?\.ya?ml$/i, '') === entry.module?.name;
  files.sort((a, b) => Number(namedForModule(b)) - Number(namedForModule(a)));
  // Originals first, so that each translation finds the quiz it translates.
  const originals = files.filter((entry) => entry.lang === undefined);
  const translations = files.filter((entry) => entry.lang !== undefined);
  for (const { path, file, module, quiz, problems: fileProblems } of originals) {
    problems.push(...fileProblems);
    if (!module) continue;
    const { name, line, fromFileName } = module;
    if (!context.modules.includes(name)) {
      problems.push(unknownModule(file, line, name, fromFileName, context.modules));
      continue;
    }
    const first = claimed.get(name);
    if (first) {
      problems.push({
        severity: 'error',
        code: 'DUPLICATE_QUIZ',
        file,
        line,
        field: 'module',
        message: `${name} already has a quiz, in ${first}`,
        hint: 'a module has one quiz: move these questions into that file, or name another module',
      });
      continue;
    }
    claimed.set(name, file);
    if (quiz) quizzes.push(definition(quiz, path, file, context.moduleLang(name), sources, problems));
  }
  for (const { path, file, module, translation, lang, langLine, problems: fileProblems } of translations) {
    problems.push(...fileProblems);
    if (!module) continue;
    const { name, line, fromFileName } = module;
    if (!context.modules.includes(name)) {
      problems.push(unknownModule(file, line, name, fromFileName, context.modules));
      continue;
    }
    const original = quizzes.find((candidate) => candidate.module === name);
    const problem = (code: Problem['code'], message: string, hint: string) =>
      problems.push({ severity: 'error', code, file, line, field: 'module', message, hint });
    if (!original) {
      if (claimed.has(name)) continue; // The original has errors of its own, reported above.
      problem(
        'TRANSLATION_WITHOUT_ORIGINAL',
        `this translates the quiz of ${name}, but ${name} has no quiz to translate`,
        `write the original first, as ${quizFileLabel(contentDir, join(quizzesDir, `${name}.yaml`))}: it holds the answer key that grades every language`,
      );
      continue;
    }
    if (lang === original.lang) {
      problems.push({
        severity: 'error',
        code: 'TRANSLATION_IN_ORIGINAL_LANGUAGE',
        file,
        line: langLine ?? 1,
        field: 'lang',
        message: `this is a translation into ${lang}, the language ${original.file} is written in`,
        hint: `name a translation after the language it is in, e.g. lang: ${original.lang === 'de' ? 'en' : 'de'} in ${original.file.replace(/\.ya?ml$/, original.lang === 'de' ? '.en.yaml' : '.de.yaml')}`,
      });
      continue;
    }
    const twin = original.translations.find((other) => other.lang === lang);
    if (twin) {
      problem(
        'DUPLICATE_QUIZ',
        `the quiz of ${name} already has a ${lang} translation, in ${twin.file}`,
        'keep one translation per language: merge the two files',
      );
      continue;
    }
    if (translation) original.translations.push(checkTranslation(original, translation, path, file, sources, problems));
  }
  return { quizzes, problems };
}

function definition(
  quiz: ParsedQuiz,
  path: string,
  file: string,
  lang: string,
  sources: SourceContext,
  problems: Problem[],
): QuizDefinition {
  const questions = quiz.questions.map(({ line: _line, source: ref, ...question }): QuizQuestion => {
    if (!ref) return question;
    const { source, problem } = resolveQuizSource(path, file, ref, sources);
    if (problem) problems.push(problem);
    return source ? { ...question, source } : question;
  });
  return {
    module: quiz.module,
    file,
    passMark: quiz.passMark,
    attempts: quiz.attempts,
    ...(quiz.draw !== undefined ? { draw: quiz.draw } : {}),
    shuffle: quiz.shuffle,
    reveal: quiz.reveal,
    questions,
    lang,
    translations: [],
    version: quizVersion({ passMark: quiz.passMark, draw: quiz.draw, questions }),
    wordsVersion: quizWordsVersion(questions),
  };
}

function unknownModule(file: string, line: number, name: string, fromFileName: boolean, modules: readonly string[]): Problem {
  const suggestion = closest(name, modules);
  const listed =
    modules.length > 0
      ? `the modules are ${quoteList([...modules], 'and')}`
      : 'the content folder has no training modules yet: a module is a folder under training/ with its lessons';
  return {
    severity: 'error',
    code: 'INVALID_QUIZ',
    file,
    line,
    field: 'module',
    message: fromFileName
      ? `the quiz names no module, and its file name "${name}" is not a training module${suggestion ? `; did you mean ${suggestion}?` : ''}`
      : `"${name}" is not a training module${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    hint: `write the name of the module's folder under training/, e.g. module: ${suggestion ?? modules[0] ?? 'new-agent-onboarding'}; ${listed}`,
  };
}
