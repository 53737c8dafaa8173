/**
 * A quiz translation checked against its original: the same question and choice ids (an id the
 * original does not have is an error, since nothing could grade it; one the translation leaves
 * out is a warning, shown in the original's words until it is translated), true-false questions
 * without choices of their own, and sources that lead to a published page, which may be the
 * translated one.
 */
import type { Problem } from '../content/index.ts';
import { closest, quoteList } from '../content/index.ts';
import type { ParsedQuestionTranslation, ParsedQuizTranslation } from './quiz-translation-file.ts';
import { resolveQuizSource, type SourceContext } from './quiz-sources.ts';
import type { QuestionTranslation, QuizDefinition, QuizQuestion, QuizTranslation } from './quiz-types.ts';

export function checkTranslation(
  original: QuizDefinition,
  parsed: ParsedQuizTranslation,
  path: string,
  file: string,
  sources: SourceContext,
  problems: Problem[],
): QuizTranslation {
  const problem = (severity: Problem['severity'], line: number, field: string, message: string, hint: string) =>
    problems.push({ severity, code: severity === 'error' ? 'INVALID_QUIZ' : 'TRANSLATION_INCOMPLETE', file, line, field, message, hint });
  const byId = new Map(original.questions.map((question) => [question.id, question]));
  const questions: Record<string, QuestionTranslation> = {};
  for (const translated of parsed.questions) {
    const question = byId.get(translated.id);
    if (!question) {
      const suggestion = closest(translated.id, [...byId.keys()]);
      problem(
        'error',
        translated.line,
        'id',
        `${original.file} has no question "${translated.id}"${suggestion ? `; did you mean ${suggestion}?` : ''}`,
        `a translation has the original's questions under their ids: ${quoteList([...byId.keys()], 'and')}`,
      );
      continue;
    }
    questions[question.id] = translateQuestion(question, translated, { original, path, file, sources, problems, problem });
  }
  const missing = original.questions.filter((question) => !(question.id in questions));
  if (missing.length > 0) {
    problem(
      'warning',
      1,
      'questions',
      `the translation leaves out ${quoteList(
        missing.map((question) => question.id),
        'and',
      )}: learners see ${missing.length === 1 ? 'it' : 'them'} in the words of ${original.file}`,
      `translate ${missing.length === 1 ? 'it' : 'each'} under - id: ${missing[0]?.id}, with prompt: and choices: below`,
    );
  }
  const stale = checkFreshness(original, parsed, file, problems);
  return { lang: parsed.lang, file, ...(parsed.translatedFrom ? { translatedFrom: parsed.translatedFrom.version } : {}), stale, questions };
}

/**
 * Whether the original's words changed since the translation was made (quiz-words.ts). Learners
 * are told, and the module's owner sees it among their reviews, as for a page's translation; the
 * check warns only about a translation that does not say what it was made from, so that editing
 * the original quiz never stops a build while its translations catch up.
 */
function checkFreshness(original: QuizDefinition, parsed: ParsedQuizTranslation, file: string, problems: Problem[]): boolean {
  const recorded = parsed.translatedFrom;
  if (recorded?.version === original.wordsVersion) return false;
  if (!recorded) {
    problems.push({
      severity: 'warning',
      code: 'TRANSLATION_UNVERSIONED',
      file,
      line: 1,
      message: `the translation does not say which version of ${original.file} it was made from, so learners are told it may be out of date`,
      hint: `once it says what ${original.file} says, run npm run translation -- --mark ${file}`,
    });
  }
  return true;
}

interface Context {
  original: QuizDefinition;
  path: string;
  file: string;
  sources: SourceContext;
  problems: Problem[];
  problem: (severity: Problem['severity'], line: number, field: string, message: string, hint: string) => void;
}

function translateQuestion(question: QuizQuestion, translated: ParsedQuestionTranslation, context: Context): QuestionTranslation {
  const { problem } = context;
  const label = `the question "${question.id}"`;
  if (!translated.prompt) {
    problem(
      'warning',
      translated.line,
      'prompt',
      `${label} has no translated prompt: learners read it in the original's words`,
      'write the translated question as prompt: ...',
    );
  }
  const result: QuestionTranslation = {
    ...(translated.prompt ? { prompt: translated.prompt } : {}),
    choices: {},
    ...(translated.explanation ? { explanation: translated.explanation } : {}),
  };
  if (question.type === 'true-false') {
    if (translated.choices) {
      problem(
        'error',
        translated.line,
        'choices',
        `${label} is true-false: its choices are True and False, which the interface says in every language`,
        'leave choices out, and write the feedback for the wrong answer as feedback: on the question',
      );
    }
    if (translated.feedback) result.feedback = translated.feedback;
  } else {
    if (translated.feedback) {
      problem(
        'error',
        translated.line,
        'feedback',
        `${label} is ${question.type}-choice, so its feedback belongs to its choices`,
        'put each feedback under the choice it answers, with that choice’s id',
      );
    }
    translateChoices(question, translated, result, context);
  }
  if (translated.source) {
    const { source, problem: broken } = resolveQuizSource(context.path, context.file, translated.source, context.sources);
    if (broken) context.problems.push(broken);
    if (source) result.source = source;
  }
  return result;
}

function translateChoices(
  question: QuizQuestion,
  translated: ParsedQuestionTranslation,
  result: QuestionTranslation,
  context: Context,
): void {
  const { problem } = context;
  const label = `the question "${question.id}"`;
  const ids = question.choices.map((choice) => choice.id);
  if (!translated.choices) {
    problem(
      'warning',
      translated.line,
      'choices',
      `${label} has no translated choices: learners read them in the original's words`,
      `translate each choice under its id: ${quoteList(ids, 'and')}`,
    );
    return;
  }
  for (const choice of translated.choices) {
    if (!ids.includes(choice.id)) {
      problem(
        'error',
        choice.line,
        'id',
        `${label} has no choice "${choice.id}" in ${context.original.file}`,
        `translate the original's choices under their ids: ${quoteList(ids, 'and')} (a, b, c... by position where the original gives none)`,
      );
      continue;
    }
    result.choices[choice.id] = { text: choice.text, ...(choice.feedback ? { feedback: choice.feedback } : {}) };
  }
  const missing = ids.filter((id) => !translated.choices?.some((choice) => choice.id === id));
  if (missing.length > 0) {
    problem(
      'warning',
      translated.line,
      'choices',
      `${label} leaves out the choice${missing.length === 1 ? '' : 's'} ${quoteList(missing, 'and')}: learners read ${missing.length === 1 ? 'it' : 'them'} in the original's words`,
      `translate ${missing.length === 1 ? 'it' : 'each'} as - id: ${missing[0]} with text: below`,
    );
  }
}
