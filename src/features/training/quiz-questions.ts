/**
 * The questions of a quiz file: ids that are unique, since attempts and statistics follow them
 * across edits, a prompt, a type (single when left out, true-false for a question with
 * `answer:`), and the choices by the type's rules (quiz-choices.ts).
 */
import { isSeq, type ParsedNode } from 'yaml';
import { closest, quoteList } from '../content/index.ts';
import { ID, ID_HINT, readChoiceQuestion, readTrueFalse } from './quiz-choices.ts';
import { QUESTION_TYPES, type QuestionType, type QuizQuestion } from './quiz-types.ts';
import { type Field, isEmpty, isMapNode, readOptionalText, shown, textOf, type YamlReport } from './yaml-fields.ts';

/** A source as the author wrote it; quiz-sources.ts resolves it once the site's pages are known. */
export interface SourceRef {
  href: string;
  line: number;
}

export interface ParsedQuestion extends Omit<QuizQuestion, 'source'> {
  line: number;
  source?: SourceRef;
}

export const QUESTION_FIELDS = ['id', 'type', 'prompt', 'choices', 'answer', 'feedback', 'explanation', 'source'] as const;

export function readQuestions(report: YamlReport, field: Field | undefined): ParsedQuestion[] {
  if (isEmpty(field) || (isSeq(field.node) && field.node.items.length === 0)) {
    report.error(
      field?.line ?? 1,
      'questions',
      'the quiz has no questions',
      'write a list of questions under questions:, each with an id, a prompt and its choices',
    );
    return [];
  }
  if (!isSeq(field.node)) {
    report.error(
      field.line,
      'questions',
      `${shown(field.node)} is not a list of questions`,
      'write each question as `- id: ...`, with prompt: and choices: below it',
    );
    return [];
  }
  const questions: ParsedQuestion[] = [];
  const idLines = new Map<string, number>();
  for (const item of field.node.items as (ParsedNode | null)[]) {
    const { id, idLine, question } = readQuestion(report, item, field.line);
    // Ids are compared even on questions with other problems, so that every problem shows at once.
    const first = id === undefined ? undefined : idLines.get(id);
    if (id !== undefined && first !== undefined) {
      report.error(
        idLine,
        'id',
        `"${id}" is already the id of the question on line ${first}`,
        'give each question its own id: results and statistics follow it',
      );
    } else if (id !== undefined) {
      idLines.set(id, idLine);
    }
    if (question) questions.push(question);
  }
  return questions;
}

interface ReadQuestion {
  id?: string | undefined;
  idLine: number;
  /** Undefined when the question has errors. */
  question?: ParsedQuestion;
}

function readQuestion(report: YamlReport, node: ParsedNode | null, listLine: number): ReadQuestion {
  const line = report.lineOf(node, listLine);
  if (!isMapNode(node)) {
    report.error(
      line,
      'questions',
      `${shown(node)} is not a question`,
      'write each question as `- id: ...`, with prompt: and choices: below it',
    );
    return { idLine: line };
  }
  const fields = report.fields(node, QUESTION_FIELDS, 'a question field');
  const id = readId(report, fields.get('id'), line, fields.get('prompt'));
  const label = id ? `the question "${id}"` : 'this question';
  const type = readType(report, fields);
  const prompt = textOf(fields.get('prompt')?.node);
  if (!prompt) {
    report.error(
      fields.get('prompt')?.line ?? line,
      'prompt',
      `${label} has no prompt`,
      'write the question as agents will read it, e.g. prompt: A caller asks to change their email address. What do you do first?',
    );
  }
  const explanation = readOptionalText(
    report,
    fields.get('explanation'),
    'explanation',
    'explanation: Any change to contact details needs a verified caller first.',
  );
  const href = readOptionalText(
    report,
    fields.get('source'),
    'source',
    'source: ../content/policies/identity-verification.md#standard-verification',
  );
  // A question of an unknown type is checked by the loosest rules, so only its type is reported.
  const choices =
    type === 'true-false'
      ? readTrueFalse(report, fields, label, line)
      : readChoiceQuestion(report, fields, type ?? 'multiple', label, line);
  const idLine = fields.get('id')?.line ?? line;
  if (!id || !type || !prompt || !choices) return { id, idLine };
  const question: ParsedQuestion = {
    id,
    type,
    prompt,
    choices,
    ...(explanation ? { explanation } : {}),
    ...(href ? { source: { href, line: fields.get('source')?.line ?? line } } : {}),
    line,
  };
  return { id, idLine, question };
}

function readId(report: YamlReport, field: Field | undefined, line: number, prompt: Field | undefined): string | undefined {
  const id = textOf(field?.node);
  if (id && ID.test(id)) return id;
  if (id) {
    report.error(field?.line ?? line, 'id', `"${id}" is not an id`, ID_HINT);
    return undefined;
  }
  const example =
    (textOf(prompt?.node) ?? '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 3)
      .slice(0, 4)
      .join('-') || 'verify-before-change';
  report.error(
    field?.line ?? line,
    'id',
    'every question needs an id',
    `write a short id that stays the same when you reword the question, e.g. id: ${example}`,
  );
  return undefined;
}

/** The type as written; single when left out, true-false when the question has `answer:`. */
function readType(report: YamlReport, fields: Map<string, Field>): QuestionType | undefined {
  const field = fields.get('type');
  if (isEmpty(field)) return fields.has('answer') ? 'true-false' : 'single';
  const value = textOf(field.node);
  if ((QUESTION_TYPES as readonly string[]).includes(value ?? '')) return value as QuestionType;
  const suggestion = value ? closest(value, QUESTION_TYPES) : undefined;
  report.error(
    field.line,
    'type',
    `${shown(field.node)} is not a question type${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    `write ${quoteList([...QUESTION_TYPES])}, e.g. type: multiple`,
  );
  return undefined;
}
