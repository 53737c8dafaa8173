/** One quiz translation file read on its own: its language, its words, and nothing that is graded. */
import { describe, expect, it } from 'vitest';
import { formatProblem, sortProblems } from '../../../src/features/content/problems.ts';
import { parseQuizFile } from '../../../src/features/training/quiz-file.ts';
import { dedent } from '../../helpers/dedent.ts';

const FILE = 'quizzes/new-agent-onboarding.de.yaml';
const parse = (yaml: string, file = FILE) => parseQuizFile(file, dedent(yaml));
const messages = (yaml: string, file = FILE) => sortProblems(parse(yaml, file).problems).map(formatProblem).join('\n');

describe('parseQuizFile on a translation', () => {
  it('reads the words under the original ids, numbering choices a, b, c... where the translation gives no id', () => {
    const result = parse(`
      module: new-agent-onboarding
      lang: de
      questions:
        - id: verify-before-change
          prompt: Ein Anrufer möchte die E-Mail-Adresse ändern. Was tun Sie zuerst?
          choices:
            - text: Den Anrufer prüfen
            - id: b
              text: Erst ändern, dann bestätigen
              feedback: Eine Bestätigung kommt zu spät.
          explanation: Jede Änderung braucht zuerst einen geprüften Anrufer.
          source: ../content/policies/identity-verification.de.md#vor-jeder-änderung
        - id: pin-hints
          prompt: Sie dürfen einen Hinweis auf die PIN geben.
          feedback: Geben Sie nie Hinweise.
    `);
    expect(result.problems).toEqual([]);
    expect(result.quiz).toBeUndefined();
    expect(result.lang).toBe('de');
    expect(result.module).toEqual({ name: 'new-agent-onboarding', line: 1, fromFileName: false });
    expect(result.translation).toEqual({
      module: 'new-agent-onboarding',
      lang: 'de',
      questions: [
        {
          id: 'verify-before-change',
          line: 4,
          prompt: 'Ein Anrufer möchte die E-Mail-Adresse ändern. Was tun Sie zuerst?',
          choices: [
            { id: 'a', line: 7, text: 'Den Anrufer prüfen' },
            { id: 'b', line: 8, text: 'Erst ändern, dann bestätigen', feedback: 'Eine Bestätigung kommt zu spät.' },
          ],
          explanation: 'Jede Änderung braucht zuerst einen geprüften Anrufer.',
          source: { href: '../content/policies/identity-verification.de.md#vor-jeder-änderung', line: 12 },
        },
        { id: 'pin-hints', line: 13, prompt: 'Sie dürfen einen Hinweis auf die PIN geben.', feedback: 'Geben Sie nie Hinweise.' },
      ],
    });
  });

  it('takes the language and the module from the file name', () => {
    const result = parse(`
      questions:
        - id: first
          prompt: Was kommt zuerst?
    `);
    expect(result.problems).toEqual([]);
    expect(result.translation).toMatchObject({ module: 'new-agent-onboarding', lang: 'de' });
    expect(result.module).toEqual({ name: 'new-agent-onboarding', line: 1, fromFileName: true });
  });

  it('refuses what only the original says: the answer key, the pass mark, the attempts, the draw', () => {
    expect(
      messages(`
        module: new-agent-onboarding
        lang: de
        passMark: 50
        attempts: 9
        reveal: always
        questions:
          - id: first
            type: multiple
            prompt: Was kommt zuerst?
            choices:
              - text: Prüfen
                correct: true
              - text: Ändern
          - id: second
            prompt: Das stimmt.
            answer: true
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.de.yaml:3 error passMark: a translation does not set the pass mark: it comes from the original quiz
          remove this line, and change it in quizzes/new-agent-onboarding.yaml if it must change: the original's answer key and settings grade every language alike
      quizzes/new-agent-onboarding.de.yaml:4 error attempts: a translation does not set the number of attempts: it comes from the original quiz
          remove this line, and change it in quizzes/new-agent-onboarding.yaml if it must change: the original's answer key and settings grade every language alike
      quizzes/new-agent-onboarding.de.yaml:5 error reveal: a translation does not set whether results show the right answers: it comes from the original quiz
          remove this line, and change it in quizzes/new-agent-onboarding.yaml if it must change: the original's answer key and settings grade every language alike
      quizzes/new-agent-onboarding.de.yaml:8 error type: a translation does not set the question's type: it comes from the original quiz
          remove this line, and change it in quizzes/new-agent-onboarding.yaml if it must change: the original's answer key and settings grade every language alike
      quizzes/new-agent-onboarding.de.yaml:12 error correct: a translation does not set the right answers: it comes from the original quiz
          remove this line, and change it in the original quiz if it must change: the original's answer key and settings grade every language alike
      quizzes/new-agent-onboarding.de.yaml:16 error answer: a translation does not set the right answer: it comes from the original quiz
          remove this line, and change it in quizzes/new-agent-onboarding.yaml if it must change: the original's answer key and settings grade every language alike"
    `);
    expect(parse('lang: de\npassMark: 50\nquestions:\n  - id: a\n    prompt: x\n').translation).toBeUndefined();
  });

  it('names a language the handbook is not translated into, and a file name that disagrees', () => {
    expect(messages('lang: fr\nquestions:\n  - id: first\n    prompt: Quoi ?\n', 'quizzes/basics.fr.yaml')).toMatchInlineSnapshot(`
      "quizzes/basics.fr.yaml:1 error lang: "fr" is not a language the handbook is translated into; did you mean fi?
          write the language of this translation, one of en, de, pl, fi or sv, and name the file after it, e.g. lang: de in handling-complaints.de.yaml"
    `);
    expect(messages('lang: pl\nquestions:\n  - id: first\n    prompt: Co?\n')).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.de.yaml:1 error lang: the translation says lang: pl, but its file name says .de
          make them agree: a pl translation is named <module>.pl.yaml"
    `);
  });

  it('reports a question without an id, one translated twice, and two choices with one id', () => {
    expect(
      messages(`
        lang: de
        questions:
          - prompt: Ohne Id?
          - id: first
            prompt: Erste
          - id: first
            prompt: Noch einmal
          - id: second
            choices:
              - id: a
                text: Eins
              - id: a
                text: Zwei
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.de.yaml:3 error id: every translated question needs the id of the question it translates
          write the id the question has in quizzes/new-agent-onboarding.yaml, e.g. id: verify-before-change
      quizzes/new-agent-onboarding.de.yaml:6 error id: "first" is already translated on line 4
          translate each question of the original once, under its id
      quizzes/new-agent-onboarding.de.yaml:12 error id: the question "second" has two choices with the id a
          give each choice the id of the original's choice it translates"
    `);
  });
});
