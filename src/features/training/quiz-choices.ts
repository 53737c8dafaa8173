/**
 * A question's choices by its type's rules: one right choice (single), at least one (multiple),
 * or True and False (true-false, also written as `answer: true|false`). Choices get the author's
 * id, else a, b, c... by position; true-false choices are always "true" and "false".
 */
import { isSeq, type ParsedNode } from 'yaml';
import { quoteList } from '../content/index.ts';
import type { QuestionType, QuizChoice } from './quiz-types.ts';
import { type Field, isEmpty, isMapNode, readBoolean, readOptionalText, shown, textOf, type YamlReport } from './yaml-fields.ts';

export const CHOICE_FIELDS = ['id', 'text', 'correct', 'feedback'] as const;

export const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const ID_HINT = 'write letters, digits and hyphens, e.g. id: verify-before-change';
const CHOICES_HINT = 'write each choice as `- text: ...`, with `correct: true` on the right ones';

interface RawChoice {
  id?: string;
  idLine: number;
  text?: string;
  correct: boolean;
  feedback?: string;
}

function readChoiceList(report: YamlReport, field: Field, label: string): RawChoice[] | undefined {
  if (!isSeq(field.node)) {
    report.error(field.line, 'choices', `the choices of ${label} are not a list`, CHOICES_HINT);
    return undefined;
  }
  const choices: RawChoice[] = [];
  let readable = true;
  for (const item of field.node.items as (ParsedNode | null)[]) {
    const line = report.lineOf(item, field.line);
    if (!isMapNode(item)) {
      report.error(line, 'choices', `${shown(item)} is not a choice`, CHOICES_HINT);
      readable = false;
      continue;
    }
    const fields = report.fields(item, CHOICE_FIELDS, 'a choice field');
    const idField = fields.get('id');
    const id = textOf(idField?.node);
    if (idField && !(id && ID.test(id))) {
      report.error(
        idField.line,
        'id',
        `${shown(idField.node)} is not a choice id`,
        `${ID_HINT.replace('verify-before-change', 'two-checks')}, or leave id out to number the choices a, b, c...`,
      );
      readable = false;
    }
    const text = textOf(fields.get('text')?.node);
    if (!text) {
      report.error(
        fields.get('text')?.line ?? line,
        'text',
        `a choice of ${label} has no text`,
        'write what the agent reads, e.g. text: Verify the caller first',
      );
      readable = false;
    }
    const correct = readBoolean(report, 'correct', fields.get('correct'), 'correct: true on the right answers; leave it out on the others');
    if (correct === undefined && !isEmpty(fields.get('correct'))) readable = false;
    const feedback = readOptionalText(
      report,
      fields.get('feedback'),
      'feedback',
      'feedback: A confirmation comes too late if the caller is not the account holder.',
    );
    choices.push({
      ...(id ? { id } : {}),
      idLine: idField?.line ?? line,
      ...(text ? { text } : {}),
      correct: correct ?? false,
      ...(feedback ? { feedback } : {}),
    });
  }
  return readable ? choices : undefined;
}

/** A choice's id: the author's, else a, b, c... by position. */
export function positionalId(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `choice-${index + 1}`;
}

export function readChoiceQuestion(
  report: YamlReport,
  fields: Map<string, Field>,
  type: QuestionType,
  label: string,
  line: number,
): QuizChoice[] | undefined {
  for (const name of ['answer', 'feedback'] as const) {
    const field = fields.get(name);
    if (!field) continue;
    report.error(
      field.line,
      name,
      name === 'answer' ? `only a true-false question has an answer; ${label} is ${type}` : 'a question has no feedback of its own',
      name === 'answer'
        ? 'mark the right choices with correct: true, or make it type: true-false'
        : 'put feedback under the choice it answers, e.g. - text: ... with feedback: ... below it',
    );
  }
  const field = fields.get('choices');
  if (isEmpty(field)) {
    report.error(line, 'choices', `${label} has no choices`, `write two or more; ${CHOICES_HINT}`);
    return undefined;
  }
  const raw = readChoiceList(report, field, label);
  if (!raw) return undefined;
  if (raw.length < 2) {
    report.error(field.line, 'choices', `${label} has only one choice`, `write two or more; ${CHOICES_HINT}`);
    return undefined;
  }
  const choices = raw.map((choice, index) => ({
    id: choice.id ?? positionalId(index),
    text: choice.text ?? '',
    correct: choice.correct,
    ...(choice.feedback ? { feedback: choice.feedback } : {}),
    idLine: choice.idLine,
  }));
  if (!uniqueChoiceIds(report, choices, label)) return undefined;
  const correct = choices.filter((choice) => choice.correct).map((choice) => choice.id);
  if (correct.length === 0) {
    report.error(
      field.line,
      'choices',
      `${label} has no correct choice`,
      type === 'multiple' ? 'mark every right answer with correct: true' : 'mark the right answer with correct: true',
    );
    return undefined;
  }
  if (type === 'single' && correct.length > 1) {
    report.error(
      field.line,
      'choices',
      `${label} has ${correct.length} correct choices (${quoteList(correct, 'and')}), but agents pick only one`,
      'keep correct: true on one of them, or make it type: multiple so that agents pick every right answer',
    );
    return undefined;
  }
  return choices.map(({ idLine: _idLine, ...choice }) => choice);
}

function uniqueChoiceIds(report: YamlReport, choices: readonly (RawChoice & { id: string })[], label: string): boolean {
  const seen = new Set<string>();
  for (const choice of choices) {
    if (!seen.has(choice.id)) {
      seen.add(choice.id);
      continue;
    }
    report.error(
      choice.idLine,
      'id',
      `${label} has two choices with the id ${choice.id}`,
      'give each choice its own id, or leave id out to number the choices a, b, c... by position',
    );
    return false;
  }
  return true;
}

/** `answer: true|false`, or exactly the choices True and False with one of them correct. */
export function readTrueFalse(report: YamlReport, fields: Map<string, Field>, label: string, line: number): QuizChoice[] | undefined {
  const answerField = fields.get('answer');
  const choicesField = fields.get('choices');
  const feedbackField = fields.get('feedback');
  const hint = 'write answer: true or answer: false, or the two choices True and False with correct: true on the right one';
  if (answerField && choicesField) {
    report.error(
      answerField.line,
      'answer',
      `${label} has both answer: and choices:`,
      'keep one of them: answer: true or answer: false is enough',
    );
    return undefined;
  }
  if (answerField) {
    const answer = readBoolean(report, 'answer', answerField, 'answer: false');
    if (answer === undefined) {
      if (isEmpty(answerField)) report.error(answerField.line, 'answer', `${label} has no answer`, hint);
      return undefined;
    }
    const wrongFeedback = readOptionalText(report, feedbackField, 'feedback', 'feedback: Two checks are needed, not one.');
    return [true, false].map((value) => ({
      id: String(value),
      text: value ? 'True' : 'False',
      correct: value === answer,
      ...(wrongFeedback && value !== answer ? { feedback: wrongFeedback } : {}),
    }));
  }
  if (feedbackField) {
    report.error(
      feedbackField.line,
      'feedback',
      'a question has no feedback of its own, unless it is a true-false question with answer:',
      'put feedback under the choice it answers, e.g. - text: False with feedback: ... below it',
    );
  }
  if (isEmpty(choicesField)) {
    report.error(line, 'answer', `${label} has no answer`, hint);
    return undefined;
  }
  const raw = readChoiceList(report, choicesField, label);
  if (!raw) return undefined;
  const texts = raw.map((choice) => choice.text?.toLowerCase());
  if (raw.length !== 2 || !texts.includes('true') || !texts.includes('false')) {
    report.error(
      choicesField.line,
      'choices',
      `${label} is true-false, so its choices must be True and False`,
      'write answer: true or answer: false instead of choices, or make it type: single to offer other choices',
    );
    return undefined;
  }
  if (raw.filter((choice) => choice.correct).length !== 1) {
    report.error(choicesField.line, 'choices', `${label} needs one correct choice, True or False`, 'mark the right one with correct: true');
    return undefined;
  }
  const choices: QuizChoice[] = [];
  for (const value of ['true', 'false']) {
    const choice = raw.find((candidate) => candidate.text?.toLowerCase() === value) as RawChoice;
    if (choice.id !== undefined && choice.id !== value) {
      report.error(
        choice.idLine,
        'id',
        `the choices of a true-false question have the ids true and false, not ${choice.id}`,
        'leave id out',
      );
      return undefined;
    }
    choices.push({
      id: value,
      text: value === 'true' ? 'True' : 'False',
      correct: choice.correct,
      ...(choice.feedback ? { feedback: choice.feedback } : {}),
    });
  }
  return choices;
}
