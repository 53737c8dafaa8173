/**
 * The version of a quiz's words: what a translation translates. A translation records it
 * (`translatedFrom:`) and is out of date once the original's words change. It covers each
 * question's id, prompt, explanation and choices (id, text, feedback), and nothing that is graded
 * only: a new answer key, pass mark or draw with the same words leaves every translation right,
 * since translations carry words and are graded by the original's key. Sources are left out too:
 * a translation may point at a translated page, so the original's link is not its words.
 */
import { createHash } from 'node:crypto';

interface Words {
  id: string;
  type: string;
  prompt: string;
  explanation?: string | undefined;
  choices: readonly { id: string; text: string; feedback?: string | undefined }[];
}

export function quizWordsVersion(questions: readonly Words[]): string {
  // By id, so moving questions or choices around changes no words.
  const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const words = byId(questions).map((question) => [
    question.id,
    question.prompt,
    question.explanation ?? null,
    question.type === 'true-false'
      ? // True and False are the interface's words, and the feedback goes to whichever is wrong:
        // flipping the answer moves it without changing what a translation says.
        question.choices.flatMap((choice) => choice.feedback ?? []).sort()
      : byId(question.choices).map((choice) => [choice.id, choice.text, choice.feedback ?? null]),
  ]);
  return createHash('sha256').update(JSON.stringify(words)).digest('hex').slice(0, 12);
}
