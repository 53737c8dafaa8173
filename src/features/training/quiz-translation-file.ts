/**
 * One quiz translation read and checked on its own (quizzes/<module>.<lang>.yaml): the words of
 * the original quiz in another language, question by question and choice by choice, under the
 * original's ids. What is graded (the answer key, the question types, the pass mark, the
 * attempts, the draw) is the original's only, so a translation that sets any of it is refused:
 * one answer key means one grading and one set of statistics in every language. Checks against
 * the original quiz are in quiz-translations.ts.
 */
import { isScalar, isSeq, type ParsedNode, type YAMLMap } from 'yaml';
import { LANGUAGES } from '../../kit/i18n/languages.ts';
import { closest, quoteList } from '../content/index.ts';
import { ID, ID_HINT, positionalId } from './quiz-choices.ts';
import type { SourceRef } from './quiz-questions.ts';
import { type Field, isEmpty, isMapNode, readOptionalText, shown, textOf, type YamlReport } from './yaml-fields.ts';

export interface ParsedChoiceTranslation {
  id: string;
  line: number;
  text: string;
  feedback?: string;
}

export interface ParsedQuestionTranslation {
  id: string;
  line: number;
  prompt?: string;
  /** Undefined when the translation leaves the choices out (true-false questions do). */
  choices?: ParsedChoiceTranslation[];
  /** On a true-false question: the feedback for the wrong answer, as the original's `answer:` form has it. */
  feedback?: string;
  explanation?: string;
  source?: SourceRef;
}

export interface ParsedQuizTranslation {
  module: string;
  lang: string;
  /** The version of the original's words it translates, as `npm run translation -- --mark` records it. */
  translatedFrom?: { version: string; line: number };
  questions: ParsedQuestionTranslation[];
}

/** A quiz file named for a language, e.g. handling-complaints.de.yaml: a translation. */
const LANGUAGE_SUFFIX = /\.([a-z]{2})\.ya?ml$/i;

export function languageOfFileName(file: string): string | undefined {
  return LANGUAGE_SUFFIX.exec(file)?.[1]?.toLowerCase();
}

/** What only the original quiz says, for the fields a translation may not have. */
const ORIGINAL_ONLY: Record<string, string> = {
  passMark: 'the pass mark',
  attempts: 'the number of attempts',
  draw: 'how many questions are drawn',
  shuffle: 'whether questions are shuffled',
  reveal: 'whether results show the right answers',
  type: "the question's type",
  answer: 'the right answer',
  correct: 'the right answers',
};
const TRANSLATION_FIELDS = ['module', 'lang', 'translatedFrom', 'questions', 'passMark', 'attempts', 'draw', 'shuffle', 'reveal'] as const;
const QUESTION_FIELDS = ['id', 'prompt', 'choices', 'feedback', 'explanation', 'source', 'type', 'answer'] as const;
const CHOICE_FIELDS = ['id', 'text', 'feedback', 'correct'] as const;

export function readQuizTranslation(
  report: YamlReport,
  root: YAMLMap.Parsed,
  fileName: string,
  original: string,
): ParsedQuizTranslation | undefined {
  const fields = report.fields(root, TRANSLATION_FIELDS, 'a field of a quiz translation');
  refuseOriginalOnly(report, fields, original);
  const lang = readLanguage(report, fields.get('lang'), fileName);
  const moduleField = fields.get('module');
  const module = isEmpty(moduleField) ? fileName.replace(/^.*\//, '').replace(LANGUAGE_SUFFIX, '') : textOf(moduleField.node);
  if (!module) {
    report.error(
      moduleField?.line ?? 1,
      'module',
      `${shown(moduleField?.node)} is not a module's folder name`,
      "write the name of the module's folder under training/, e.g. module: handling-complaints",
    );
  }
  const translatedFrom = readTranslatedFrom(report, fields.get('translatedFrom'), fileName);
  const questions = readTranslatedQuestions(report, fields.get('questions'), original);
  if (!lang || !module || report.hasErrors) return undefined;
  return { module, lang, ...(translatedFrom ? { translatedFrom } : {}), questions };
}

/** Written by `npm run translation -- --mark`; a hash can read as a number (123456789012), so its text is taken as written. */
function readTranslatedFrom(report: YamlReport, field: Field | undefined, fileName: string): ParsedQuizTranslation['translatedFrom'] {
  if (isEmpty(field)) return undefined;
  const version = textOf(field.node);
  if (version && isScalar(field.node)) return { version, line: field.line };
  report.error(
    field.line,
    'translatedFrom',
    `${shown(field.node)} is not a version of the original quiz`,
    `let npm run translation -- --mark ${fileName} write it, once the translation says what the original says`,
  );
  return undefined;
}

function refuseOriginalOnly(report: YamlReport, fields: Map<string, Field>, original: string): void {
  for (const [name, field] of fields) {
    const what = ORIGINAL_ONLY[name];
    if (!what) continue;
    report.error(
      field.line,
      name,
      `a translation does not set ${what}: it comes from the original quiz`,
      `remove this line, and change it in ${original} if it must change: the original's answer key and settings grade every language alike`,
    );
  }
}

function readLanguage(report: YamlReport, field: Field | undefined, fileName: string): string | undefined {
  const fromName = languageOfFileName(fileName);
  const hint = `write the language of this translation, one of ${quoteList([...LANGUAGES])}, and name the file after it, e.g. lang: de in handling-complaints.de.yaml`;
  const written = isEmpty(field) ? undefined : textOf(field.node)?.toLowerCase();
  const lang = written ?? fromName;
  if (!lang) {
    report.error(field?.line ?? 1, 'lang', 'the translation does not say its language', hint);
    return undefined;
  }
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    const suggestion = closest(lang, LANGUAGES);
    report.error(
      field?.line ?? 1,
      'lang',
      `"${lang}" is not a language the handbook is translated into${suggestion ? `; did you mean ${suggestion}?` : ''}`,
      hint,
    );
    return undefined;
  }
  if (fromName && fromName !== lang) {
    report.error(
      field?.line ?? 1,
      'lang',
      `the translation says lang: ${lang}, but its file name says .${fromName}`,
      `make them agree: a ${lang} translation is named <module>.${lang}.yaml`,
    );
    return undefined;
  }
  return lang;
}

function readTranslatedQuestions(report: YamlReport, field: Field | undefined, original: string): ParsedQuestionTranslation[] {
  if (isEmpty(field) || !isSeq(field.node)) {
    report.error(
      field?.line ?? 1,
      'questions',
      isEmpty(field) ? 'the translation has no questions' : `${shown(field.node)} is not a list of questions`,
      `translate each question of ${original} under questions:, as \`- id: ...\` with the original's id and prompt: below it`,
    );
    return [];
  }
  const questions: ParsedQuestionTranslation[] = [];
  const seen = new Map<string, number>();
  for (const item of field.node.items as (ParsedNode | null)[]) {
    const question = readTranslatedQuestion(report, item, field.line, original);
    if (!question) continue;
    const first = seen.get(question.id);
    if (first !== undefined) {
      report.error(
        question.line,
        'id',
        `"${question.id}" is already translated on line ${first}`,
        'translate each question of the original once, under its id',
      );
      continue;
    }
    seen.set(question.id, question.line);
    questions.push(question);
  }
  return questions;
}

function readTranslatedQuestion(
  report: YamlReport,
  node: ParsedNode | null,
  listLine: number,
  original: string,
): ParsedQuestionTranslation | undefined {
  const line = report.lineOf(node, listLine);
  if (!isMapNode(node)) {
    report.error(line, 'questions', `${shown(node)} is not a question`, 'write each question as `- id: ...`, with prompt: below it');
    return undefined;
  }
  const fields = report.fields(node, QUESTION_FIELDS, 'a question field of a translation');
  refuseOriginalOnly(report, fields, original);
  const id = textOf(fields.get('id')?.node);
  if (!id || !ID.test(id)) {
    report.error(
      fields.get('id')?.line ?? line,
      'id',
      id ? `"${id}" is not an id` : 'every translated question needs the id of the question it translates',
      `write the id the question has in ${original}, e.g. id: verify-before-change`,
    );
    return undefined;
  }
  const label = `the question "${id}"`;
  const prompt = textOf(fields.get('prompt')?.node);
  if (!isEmpty(fields.get('prompt')) && !prompt) {
    report.error(
      fields.get('prompt')?.line ?? line,
      'prompt',
      `the prompt of ${label} is not text`,
      'write the translated question as text',
    );
  }
  const text = (name: string, example: string) => readOptionalText(report, fields.get(name), name, example);
  const feedback = text('feedback', 'feedback: Zwei Prüfungen sind nötig, nicht eine.');
  const explanation = text('explanation', 'explanation: Jede Änderung der Kontaktdaten braucht zuerst einen geprüften Anrufer.');
  const href = text('source', 'source: ../content/policies/identity-verification.de.md#standardprüfung');
  const choices = readTranslatedChoices(report, fields.get('choices'), label);
  return {
    id,
    line: fields.get('id')?.line ?? line,
    ...(prompt ? { prompt } : {}),
    ...(choices ? { choices } : {}),
    ...(feedback ? { feedback } : {}),
    ...(explanation ? { explanation } : {}),
    ...(href ? { source: { href, line: fields.get('source')?.line ?? line } } : {}),
  };
}

function readTranslatedChoices(report: YamlReport, field: Field | undefined, label: string): ParsedChoiceTranslation[] | undefined {
  if (isEmpty(field)) return undefined;
  if (!isSeq(field.node)) {
    report.error(field.line, 'choices', `the choices of ${label} are not a list`, 'write each choice as `- id: a` with text: below it');
    return undefined;
  }
  const choices: ParsedChoiceTranslation[] = [];
  const seen = new Set<string>();
  (field.node.items as (ParsedNode | null)[]).forEach((item, index) => {
    const line = report.lineOf(item, field.line);
    if (!isMapNode(item)) {
      report.error(line, 'choices', `${shown(item)} is not a choice`, 'write each choice as `- id: a` with text: below it');
      return;
    }
    const fields = report.fields(item, CHOICE_FIELDS, 'a choice field of a translation');
    refuseOriginalOnly(report, fields, 'the original quiz');
    const idField = fields.get('id');
    const id = isEmpty(idField) ? positionalId(index) : textOf(idField.node);
    if (!id || !ID.test(id)) {
      report.error(idField?.line ?? line, 'id', `${shown(idField?.node)} is not a choice id`, ID_HINT.replace('verify-before-change', 'a'));
      return;
    }
    if (seen.has(id)) {
      report.error(
        idField?.line ?? line,
        'id',
        `${label} has two choices with the id ${id}`,
        "give each choice the id of the original's choice it translates",
      );
      return;
    }
    seen.add(id);
    const text = textOf(fields.get('text')?.node);
    if (!text) {
      report.error(
        fields.get('text')?.line ?? line,
        'text',
        `the choice ${id} of ${label} has no text`,
        'write the translated choice, e.g. text: Zuerst den Anrufer prüfen',
      );
      return;
    }
    const feedback = readOptionalText(report, fields.get('feedback'), 'feedback', 'feedback: Eine Bestätigung kommt zu spät.');
    choices.push({ id, line: idField?.line ?? line, text, ...(feedback ? { feedback } : {}) });
  });
  return choices;
}
