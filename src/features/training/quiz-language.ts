/**
 * A quiz in the language a learner takes it in. Which language: the first of the candidates the
 * quiz is written or translated in (the caller lists them: an explicit choice, the open
 * attempt's language, the person's interface language), else the original's. The questions keep
 * the original's ids, types and answer key, with the translation's words where it has them and
 * the original's where it does not, so that grading never depends on the language.
 */
import { isLanguage, LANGUAGE_NAMES, t } from '../../kit/i18n/index.ts';
import type { QuizDefinition, QuizQuestion } from './quiz-types.ts';

/** The languages the quiz can be taken in: its own first, then its translations'. */
export function quizLanguages(quiz: Pick<QuizDefinition, 'lang' | 'translations'>): string[] {
  return [quiz.lang, ...quiz.translations.map((translation) => translation.lang)];
}

export function chooseQuizLanguage(
  quiz: Pick<QuizDefinition, 'lang' | 'translations'>,
  candidates: readonly (string | null | undefined)[],
): string {
  const available = quizLanguages(quiz);
  return candidates.find((candidate): candidate is string => !!candidate && available.includes(candidate)) ?? quiz.lang;
}

/** The quiz's questions in `lang`, in the file's order; the original's for a language it lacks. */
export function questionsIn(quiz: Pick<QuizDefinition, 'lang' | 'translations' | 'questions'>, lang: string): QuizQuestion[] {
  const translation = quiz.translations.find((candidate) => candidate.lang === lang);
  return quiz.questions.map((question) => {
    const words = translation?.questions[question.id];
    if (question.type === 'true-false') {
      // True and False are the interface's words, in every language the quiz is taken in.
      return {
        ...question,
        ...(words?.prompt ? { prompt: words.prompt } : {}),
        choices: question.choices.map((choice) => ({
          ...choice,
          text: t(lang, choice.id === 'true' ? 'trainingLang.true' : 'trainingLang.false'),
          ...(words?.feedback && !choice.correct ? { feedback: words.feedback } : {}),
        })),
        ...(words?.explanation ? { explanation: words.explanation } : {}),
        ...(words?.source ? { source: words.source } : {}),
      };
    }
    if (!words) return question;
    return {
      ...question,
      ...(words.prompt ? { prompt: words.prompt } : {}),
      choices: question.choices.map((choice) => {
        const choiceWords = words.choices[choice.id];
        if (!choiceWords) return choice;
        return { ...choice, text: choiceWords.text, ...(choiceWords.feedback ? { feedback: choiceWords.feedback } : {}) };
      }),
      ...(words.explanation ? { explanation: words.explanation } : {}),
      ...(words.source ? { source: words.source } : {}),
    };
  });
}

/** A language as reports and the quiz name it: in itself (Deutsch, Polski), or its code for one the interface lacks. */
export function languageName(lang: string): string {
  return isLanguage(lang) ? LANGUAGE_NAMES[lang] : lang;
}
