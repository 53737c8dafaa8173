/**
 * One quiz file read and checked on its own, as an author writes it by hand
 * (quizzes/<module>.yaml), with the defaults filled in. Checks that need the rest of the site,
 * whether the module exists and whether each source's page and heading do, are in quizzes.ts
 * and quiz-sources.ts.
 */
import { basename } from 'node:path';
import { isScalar, isSeq, LineCounter, type ParsedNode, parseDocument, type YAMLMap } from 'yaml';
import type { Problem } from '../content/index.ts';
import { closest, quoteList } from '../content/index.ts';
import { type ParsedQuestion, readQuestions } from './quiz-questions.ts';
import { languageOfFileName, type ParsedQuizTranslation, readQuizTranslation } from './quiz-translation-file.ts';
import { REVEAL_MODES, type RevealMode } from './quiz-types.ts';
import { type Field, isEmpty, isMapNode, readBoolean, shown, textOf, YamlReport } from './yaml-fields.ts';

/** What a quiz gets for each field its file leaves out (draw: every question, every attempt). */
export const QUIZ_DEFAULTS = { passMark: 80, attempts: 0, shuffle: false, reveal: 'after-pass' } as const satisfies {
  passMark: number;
  attempts: number;
  shuffle: boolean;
  reveal: RevealMode;
};

export const QUIZ_FIELDS = ['module', 'passMark', 'attempts', 'draw', 'shuffle', 'reveal', 'questions'] as const;

export interface ParsedQuiz {
  module: string;
  passMark: number;
  attempts: number;
  draw?: number;
  shuffle: boolean;
  reveal: RevealMode;
  questions: ParsedQuestion[];
}

export interface QuizFileResult {
  /** The quiz, when the file has no errors. */
  quiz?: ParsedQuiz;
  /** A translation of another file's quiz (it has `lang:`, or its name ends in .<lang>.yaml), when it has no errors. */
  translation?: ParsedQuizTranslation;
  /** The translation's language: the file is a translation even when it has errors. */
  lang?: string;
  /** The line of the translation's `lang:`. */
  langLine?: number;
  /** The module the file is for (its `module:`, else its file name), for the checks across files. */
  module?: { name: string; line: number; fromFileName: boolean };
  problems: Problem[];
}

export function isQuizFile(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

export function parseQuizFile(file: string, source: string): QuizFileResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const report = new YamlReport(file, lineCounter);
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      report.error(
        lineCounter.linePos(error.pos[0]).line,
        undefined,
        `the quiz is not valid YAML: ${error.message.split('\n')[0]}`,
        'each line is `field: value`, and list items start with `- `; put quotes around text that contains a colon, e.g. prompt: "Refunds: who approves them?"',
        'INVALID_YAML',
      );
    }
    return { problems: report.problems };
  }
  const root = document.contents as ParsedNode | null;
  if (!isMapNode(root)) {
    report.error(
      1,
      undefined,
      root ? 'the quiz must be a list of `field: value` lines' : 'the quiz file is empty',
      'write the module and its questions, e.g.\n    module: new-agent-onboarding\n    questions:\n      - id: verify-before-change\n        prompt: ...',
    );
    return { problems: report.problems };
  }

  if (root.has('lang') || languageOfFileName(file)) return translationResult(report, root, file);

  const fields = report.fields(root, QUIZ_FIELDS, 'a quiz field');
  const module = readModule(report, fields.get('module'));
  const questionsField = fields.get('questions');
  const bankSize = isSeq(questionsField?.node) ? questionsField.node.items.length : 0;
  const passMark = readNumber(report, 'passMark', fields.get('passMark'), {
    valid: (value) => value >= 0 && value <= 100,
    what: 'a percentage',
    hint: 'write the share of the marks needed to pass, from 0 to 100 (without %), e.g. passMark: 80',
  });
  const attempts = readNumber(report, 'attempts', fields.get('attempts'), {
    valid: (value) => Number.isInteger(value) && value >= 0,
    what: 'a number of attempts',
    hint: 'write a whole number, or 0 for unlimited attempts, e.g. attempts: 3',
  });
  const draw = readDraw(report, fields.get('draw'), bankSize);
  const shuffle = readBoolean(report, 'shuffle', fields.get('shuffle'));
  const reveal = readReveal(report, fields.get('reveal'));
  const questions = readQuestions(report, questionsField);

  const result: QuizFileResult = { problems: report.problems };
  const name = module ?? basename(file).replace(/\.ya?ml$/i, '');
  if (module !== null) result.module = { name, line: fields.get('module')?.line ?? 1, fromFileName: module === undefined };
  if (report.hasErrors) return result;
  result.quiz = {
    module: name,
    passMark: passMark ?? QUIZ_DEFAULTS.passMark,
    attempts: attempts ?? QUIZ_DEFAULTS.attempts,
    ...(draw !== undefined ? { draw } : {}),
    shuffle: shuffle ?? QUIZ_DEFAULTS.shuffle,
    reveal: reveal ?? QUIZ_DEFAULTS.reveal,
    questions,
  };
  return result;
}

function translationResult(report: YamlReport, root: YAMLMap.Parsed, file: string): QuizFileResult {
  const fromName = basename(file).replace(/(\.[a-z]{2})?\.ya?ml$/i, '');
  const originalFile = file.replace(/\.[a-z]{2}(\.ya?ml)$/i, '$1');
  const translation = readQuizTranslation(report, root, file, languageOfFileName(file) ? originalFile : 'the original quiz');
  const keyLine = (key: string) => {
    const pair = root.items.find((item) => isScalar(item.key) && item.key.value === key);
    return pair ? report.lineOf(pair.key as ParsedNode) : undefined;
  };
  const moduleLine = keyLine('module');
  const result: QuizFileResult = {
    problems: report.problems,
    lang: translation?.lang ?? languageOfFileName(file) ?? '',
    langLine: keyLine('lang') ?? 1,
  };
  const name = translation?.module ?? fromName;
  result.module = { name, line: moduleLine ?? 1, fromFileName: moduleLine === undefined };
  if (translation) result.translation = translation;
  return result;
}

/** The module's folder name; undefined when the file leaves it out, null when it is unreadable. */
function readModule(report: YamlReport, field: Field | undefined): string | undefined | null {
  if (isEmpty(field)) return undefined;
  const name = isScalar(field.node) && typeof field.node.value === 'string' ? field.node.value.trim() : undefined;
  if (name) return name;
  report.error(
    field.line,
    'module',
    `${shown(field.node)} is not a module's folder name`,
    "write the name of the module's folder under training/, e.g. module: new-agent-onboarding",
  );
  return null;
}

interface NumberRule {
  valid: (value: number) => boolean;
  what: string;
  hint: string;
}

function readNumber(report: YamlReport, name: string, field: Field | undefined, rule: NumberRule): number | undefined {
  if (isEmpty(field)) return undefined;
  const value = isScalar(field.node) ? field.node.value : undefined;
  if (typeof value === 'number' && Number.isFinite(value) && rule.valid(value)) return value;
  report.error(field.line, name, `${shown(field.node)} is not ${rule.what}`, rule.hint);
  return undefined;
}

function readDraw(report: YamlReport, field: Field | undefined, bankSize: number): number | undefined {
  const hint =
    bankSize > 0
      ? `write a whole number from 1 to ${bankSize}, e.g. draw: ${Math.max(1, Math.min(bankSize - 1, 10))}`
      : 'write a whole number, e.g. draw: 6';
  const draw = readNumber(report, 'draw', field, {
    valid: (value) => Number.isInteger(value) && value >= 1,
    what: 'a number of questions to draw',
    hint: `${hint}, or leave draw out to ask every question`,
  });
  if (draw === undefined || bankSize === 0 || draw <= bankSize) return draw;
  report.error(
    field?.line ?? 1,
    'draw',
    `${draw} is more than the ${bankSize} question${bankSize === 1 ? '' : 's'} of the quiz`,
    `draw at most ${bankSize}, or leave draw out to ask every question`,
  );
  return undefined;
}

function readReveal(report: YamlReport, field: Field | undefined): RevealMode | undefined {
  if (isEmpty(field)) return undefined;
  const value = textOf(field.node);
  if ((REVEAL_MODES as readonly string[]).includes(value ?? '')) return value as RevealMode;
  const suggestion = value ? closest(value, REVEAL_MODES) : undefined;
  report.error(
    field.line,
    'reveal',
    `${shown(field.node)} is not a reveal setting${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    `write ${quoteList([...REVEAL_MODES])}: whether results show the right answers, e.g. reveal: after-pass`,
  );
  return undefined;
}
