/**
 * A quiz as Knowhow reads it from its YAML file (quizzes/<module>.yaml): the questions with
 * their answer keys. This shape holds the answers: it exists only on the server
 * (dist/server/knowhow-quizzes.json); what the browser gets is made from it by
 * features/training/server without `correct`, `feedback` or `explanation`.
 */
export const QUESTION_TYPES = ['single', 'multiple', 'true-false'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const REVEAL_MODES = ['always', 'after-pass', 'never'] as const;
/** Whether results show the right answers: always, once the quiz is passed, or never. */
export type RevealMode = (typeof REVEAL_MODES)[number];

export interface QuizChoice {
  /** Stable within its question: the author's `id`, else a, b, c... by position (true-false: "true", "false"). */
  id: string;
  text: string;
  correct: boolean;
  /** Shown after grading to someone who chose it. */
  feedback?: string;
}

/** Where a question's answer is written: a page of the handbook, and a heading on it. */
export interface QuizSource {
  /** As the author wrote it, e.g. ../content/policies/identity-verification.md#before-any-account-change */
  href: string;
  /** The page's address on the site, e.g. /policies/identity-verification/ */
  url: string;
  anchor?: string;
}

export interface QuizQuestion {
  /** Stable across edits: statistics follow it. */
  id: string;
  type: QuestionType;
  prompt: string;
  choices: QuizChoice[];
  explanation?: string;
  source?: QuizSource;
}

/**
 * A quiz's words in another language (quizzes/<module>.<lang>.yaml), under the original's
 * question and choice ids. Only words: the answer key and the settings are the original's, so
 * an attempt in any language is graded, counted and compared as one. Server only, like the
 * original: translated feedback and explanations are answers too.
 */
export interface QuizTranslation {
  lang: string;
  /** The translation's file, as reports name it. */
  file: string;
  /** The version of the original's words it was made from (`translatedFrom:`), when it says. */
  translatedFrom?: string;
  /** The original's words changed since (or it does not say from which version it was made). */
  stale: boolean;
  /** By question id; a question or choice left out is shown in the original's words. */
  questions: Record<string, QuestionTranslation>;
}

export interface QuestionTranslation {
  prompt?: string;
  /** By choice id. */
  choices: Record<string, { text: string; feedback?: string }>;
  /** On a true-false question: the feedback for the wrong answer. */
  feedback?: string;
  explanation?: string;
  source?: QuizSource;
}

export interface QuizDefinition {
  /** The training module's folder name under training/, e.g. new-agent-onboarding. */
  module: string;
  /** The quiz file, as reports name it (relative to the content folder's parent). */
  file: string;
  /** Percent of the marks needed to pass, 0-100. */
  passMark: number;
  /** Attempts allowed; 0: unlimited. */
  attempts: number;
  /** Questions drawn for each attempt; undefined: all of them. */
  draw?: number;
  /** Questions and choices in a new order for each attempt. */
  shuffle: boolean;
  reveal: RevealMode;
  questions: QuizQuestion[];
  /** The language the quiz is written in: its module's (the module page's `lang`, else the site's). */
  lang: string;
  /** Its translations into other languages; they change nothing that is graded, so not the version. */
  translations: QuizTranslation[];
  /** A short hash of what is graded (questions, choices, answer keys, pass mark, draw): attempts record it. */
  version: string;
  /** A short hash of the words (quiz-words.ts): translations record it, to tell when they are out of date. */
  wordsVersion: string;
}

/** The server-only file the build writes next to the content manifest. */
export const QUIZZES_FILE = 'knowhow-quizzes.json';
