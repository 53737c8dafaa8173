/**
 * Moodle GIFT questions (as gift-pegjs reads them) turned into a quiz file in Knowhow's format,
 * for `npm run quiz:import`. Only what a Knowhow quiz can ask comes across: multiple choice
 * (single or multiple right answers, by `=` or by positive weights) and true-false. Everything
 * else is listed as skipped, with the reason, for the author to rewrite by hand.
 */
import type { GIFTQuestion, TextChoice, TextFormat } from 'gift-pegjs';
import { Document, YAMLSeq } from 'yaml';

export interface SkippedQuestion {
  /** The question's title, else the start of its text. */
  name: string;
  reason: string;
}

export interface GiftImport {
  yaml: string;
  imported: number;
  skipped: SkippedQuestion[];
}

interface ImportedChoice {
  text: string;
  correct?: true;
  feedback?: string;
}

interface ImportedQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true-false';
  prompt: string;
  answer?: boolean;
  feedback?: string;
  choices?: ImportedChoice[];
  explanation?: string;
}

export function giftToQuiz(questions: readonly GIFTQuestion[], module: string): GiftImport {
  const imported: ImportedQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  const ids = new Set<string>();
  for (const question of questions) {
    if (question.type === 'Category' || question.type === 'Description') continue;
    const prompt = plain(question.stem);
    const name = question.title ?? (prompt.length > 60 ? `${prompt.slice(0, 57)}...` : prompt);
    if (question.hasEmbeddedAnswers) {
      skipped.push({ name, reason: 'its answers are inside the question text; write it as a question with choices' });
      continue;
    }
    const explanation = question.globalFeedback ? plain(question.globalFeedback) : undefined;
    const base = { prompt, ...(explanation ? { explanation } : {}) };
    const add = (entry: Omit<ImportedQuestion, 'id'>) => imported.push({ id: uniqueId(question.title ?? prompt, ids), ...entry });
    if (question.type === 'TF') {
      add(trueFalse(base, question.isTrue, question.trueFeedback, question.falseFeedback));
    } else if (question.type === 'MC') {
      const choices = question.choices.map(choice);
      const right = choices.filter((entry) => entry.correct).length;
      if (right === 0) skipped.push({ name, reason: 'no choice is right (an = or a positive weight)' });
      else add({ ...base, type: right === 1 ? 'single' : 'multiple', choices });
    } else {
      skipped.push({
        name,
        reason: `${KIND[question.type]} questions have no equivalent; Knowhow asks single, multiple and true-false questions`,
      });
    }
  }
  return { yaml: toYaml(module, imported), imported: imported.length, skipped };
}

const KIND: Record<string, string> = { Short: 'short answer', Numerical: 'numerical', Essay: 'essay', Matching: 'matching' };

/**
 * GIFT's true-false feedback is by position, as Moodle reads it: `{TRUE#wrong#right}`, the first
 * for a wrong answer and the second for the right one (gift-pegjs names the two trueFeedback and
 * falseFeedback, whatever the answer).
 */
function trueFalse(
  base: Pick<ImportedQuestion, 'prompt' | 'explanation'>,
  isTrue: boolean,
  wrongFeedback: TextFormat | null,
  rightFeedback: TextFormat | null,
): Omit<ImportedQuestion, 'id'> {
  const wrong = wrongFeedback ? plain(wrongFeedback) : undefined;
  const right = rightFeedback ? plain(rightFeedback) : undefined;
  // `answer:` has room for the wrong answer's feedback only.
  if (!right) return { ...base, type: 'true-false', answer: isTrue, ...(wrong ? { feedback: wrong } : {}) };
  const choices = [true, false].map((value): ImportedChoice => {
    const feedback = value === isTrue ? right : wrong;
    return { text: value ? 'True' : 'False', ...(value === isTrue ? { correct: true } : {}), ...(feedback ? { feedback } : {}) };
  });
  return { ...base, type: 'true-false', choices };
}

/** `=` marks a right answer; in weighted questions (`~%50%`) every choice with a positive weight is right. */
function choice(entry: TextChoice): ImportedChoice {
  const correct = entry.isCorrect || (entry.weight ?? 0) > 0;
  return { text: plain(entry.text), ...(correct ? { correct: true } : {}), ...(entry.feedback ? { feedback: plain(entry.feedback) } : {}) };
}

/** GIFT text may be HTML or Markdown; a Knowhow quiz is plain text. */
function plain(format: TextFormat): string {
  const text =
    format.format === 'html'
      ? format.text
          .replace(/<[^>]*>/g, ' ')
          .replace(/&nbsp;/g, ' ')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
      : format.text;
  return text.replace(/\s+/g, ' ').trim();
}

function uniqueId(text: string, ids: Set<string>): string {
  const slug =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .slice(0, 6)
      .join('-') || 'question';
  let id = slug;
  for (let count = 2; ids.has(id); count++) id = `${slug}-${count}`;
  ids.add(id);
  return id;
}

function toYaml(module: string, questions: ImportedQuestion[]): string {
  // Fields in the order the manual writes them (docs/guides/quizzes.md).
  const ordered = questions.map(({ id, type, prompt, answer, feedback, choices, explanation }) => ({
    id,
    type,
    prompt,
    ...(answer !== undefined ? { answer } : {}),
    ...(feedback ? { feedback } : {}),
    ...(choices ? { choices } : {}),
    ...(explanation ? { explanation } : {}),
  }));
  const document = new Document({ module, questions: ordered });
  const list = document.get('questions', true);
  // A blank line between questions, as the sample quizzes are written.
  if (list instanceof YAMLSeq) for (const item of list.items.slice(1)) (item as { spaceBefore?: boolean }).spaceBefore = true;
  return document.toString({ lineWidth: 0 });
}
