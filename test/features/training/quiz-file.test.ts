import { describe, expect, it } from 'vitest';
import { formatProblem, sortProblems } from '../../../src/features/content/problems.ts';
import { parseQuizFile, QUIZ_DEFAULTS } from '../../../src/features/training/quiz-file.ts';
import { dedent } from '../../helpers/dedent.ts';

const FILE = 'quizzes/new-agent-onboarding.yaml';
const parse = (yaml: string) => parseQuizFile(FILE, dedent(yaml));
const messages = (yaml: string) => sortProblems(parse(yaml).problems).map(formatProblem).join('\n');

describe('parseQuizFile on good files', () => {
  it('reads the format as the manual shows it', () => {
    const { quiz, problems } = parse(`
      module: new-agent-onboarding   # the training module folder
      passMark: 80
      attempts: 3
      draw: 1
      shuffle: true
      reveal: after-pass
      questions:
        - id: verify-before-change
          type: single
          prompt: A caller asks to change the email address on the account. What do you do first?
          choices:
            - text: Verify the caller with two of the three identity checks
              correct: true
            - text: Make the change, then send a confirmation to the old address
              feedback: A confirmation comes too late if the caller is not the account holder.
          explanation: Any change to contact details needs a verified caller first.
          source: ../content/policies/identity-verification.md#before-any-account-change
    `);
    expect(problems).toEqual([]);
    expect(quiz).toEqual({
      module: 'new-agent-onboarding',
      passMark: 80,
      attempts: 3,
      draw: 1,
      shuffle: true,
      reveal: 'after-pass',
      questions: [
        {
          id: 'verify-before-change',
          type: 'single',
          prompt: 'A caller asks to change the email address on the account. What do you do first?',
          choices: [
            { id: 'a', text: 'Verify the caller with two of the three identity checks', correct: true },
            {
              id: 'b',
              text: 'Make the change, then send a confirmation to the old address',
              correct: false,
              feedback: 'A confirmation comes too late if the caller is not the account holder.',
            },
          ],
          explanation: 'Any change to contact details needs a verified caller first.',
          source: { href: '../content/policies/identity-verification.md#before-any-account-change', line: 17 },
          line: 8,
        },
      ],
    });
  });

  it('fills in the defaults, and takes the module from the file name', () => {
    const { quiz, problems } = parse(`
      questions:
        - id: first
          prompt: Which comes first?
          choices:
            - text: Verification
              correct: true
            - text: The change
    `);
    expect(problems).toEqual([]);
    expect(quiz).toMatchObject({ module: 'new-agent-onboarding', ...QUIZ_DEFAULTS });
    expect(QUIZ_DEFAULTS).toEqual({ passMark: 80, attempts: 0, shuffle: false, reveal: 'after-pass' });
    expect(quiz?.draw).toBeUndefined();
    expect(quiz?.questions[0]?.type).toBe('single');
  });

  it("numbers choices a, b, c... by position, and keeps an author's own ids", () => {
    const { quiz } = parse(`
      questions:
        - id: checks
          type: multiple
          prompt: Which details are accepted for verification?
          choices:
            - text: Account PIN
              correct: true
            - id: dob
              text: Date of birth
              correct: true
            - text: Online account password
    `);
    expect(quiz?.questions[0]?.choices.map((choice) => [choice.id, choice.correct])).toEqual([
      ['a', true],
      ['dob', true],
      ['c', false],
    ]);
  });

  it('reads a true-false question from answer:, with its feedback on the wrong choice', () => {
    const { quiz } = parse(`
      questions:
        - id: pin-hints
          prompt: You may give a caller a hint about their PIN.
          answer: false
          feedback: Never give hints; ask for a different detail instead.
    `);
    expect(quiz?.questions[0]).toMatchObject({
      type: 'true-false',
      choices: [
        { id: 'true', text: 'True', correct: false, feedback: 'Never give hints; ask for a different detail instead.' },
        { id: 'false', text: 'False', correct: true },
      ],
    });
  });

  it('reads a true-false question from the choices True and False, in any case and order', () => {
    const { quiz, problems } = parse(`
      questions:
        - id: pin-hints
          type: true-false
          prompt: You may give a caller a hint about their PIN.
          choices:
            - text: FALSE
              correct: true
            - text: true
              feedback: Never give hints.
    `);
    expect(problems).toEqual([]);
    expect(quiz?.questions[0]?.choices).toEqual([
      { id: 'true', text: 'True', correct: false, feedback: 'Never give hints.' },
      { id: 'false', text: 'False', correct: true },
    ]);
  });

  it('reads text as written, even where YAML sees a number or a yes', () => {
    const { quiz } = parse(`
      questions:
        - id: 30
          prompt: How many days is the refund window?
          choices:
            - text: 30
              correct: true
            - text: 14
            - text: yes
    `);
    expect(quiz?.questions[0]?.id).toBe('30');
    expect(quiz?.questions[0]?.choices.map((choice) => choice.text)).toEqual(['30', '14', 'yes']);
  });
});

describe('parseQuizFile checks', () => {
  it('reports invalid YAML', () => {
    expect(
      messages(`
        questions:
          - id: colon
            prompt: Refunds: who approves them?
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:3 error the quiz is not valid YAML: Nested mappings are not allowed in compact mappings
          each line is \`field: value\`, and list items start with \`- \`; put quotes around text that contains a colon, e.g. prompt: "Refunds: who approves them?""
    `);
  });

  it('reports an empty file and one that is not a list of fields', () => {
    expect(messages('# nothing yet\n')).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:1 error the quiz file is empty
          write the module and its questions, e.g.
          module: new-agent-onboarding
          questions:
            - id: verify-before-change
              prompt: ..."
    `);
    expect(messages('- one\n- two\n')).toContain('error the quiz must be a list of `field: value` lines');
  });

  it('reports misspelt and unknown fields at every level', () => {
    expect(
      messages(`
        pasMark: 80
        author: Learning and Development
        questions:
          - id: one
            promt: Which?
            choices:
              - text: This
                corect: true
              - text: That
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:1 error pasMark: is not a quiz field; did you mean \`passMark\`?
          rename it to passMark:
      quizzes/new-agent-onboarding.yaml:2 warning author: is not a quiz field and is ignored
          the fields here are module, passMark, attempts, draw, shuffle, reveal and questions
      quizzes/new-agent-onboarding.yaml:4 error prompt: the question "one" has no prompt
          write the question as agents will read it, e.g. prompt: A caller asks to change their email address. What do you do first?
      quizzes/new-agent-onboarding.yaml:5 error promt: is not a question field; did you mean \`prompt\`?
          rename it to prompt:
      quizzes/new-agent-onboarding.yaml:6 error choices: the question "one" has no correct choice
          mark the right answer with correct: true
      quizzes/new-agent-onboarding.yaml:8 error corect: is not a choice field; did you mean \`correct\`?
          rename it to correct:"
    `);
  });

  it('reports settings outside their range', () => {
    expect(
      messages(`
        module: [new-agent-onboarding]
        passMark: 120
        attempts: -1
        draw: 0
        shuffle: yes
        reveal: afterpass
        questions:
          - id: good
            prompt: Is this fine?
            answer: true
          - id: also-good
            prompt: Is this fine too?
            answer: true
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:1 error module: a list is not a module's folder name
          write the name of the module's folder under training/, e.g. module: new-agent-onboarding
      quizzes/new-agent-onboarding.yaml:2 error passMark: 120 is not a percentage
          write the share of the marks needed to pass, from 0 to 100 (without %), e.g. passMark: 80
      quizzes/new-agent-onboarding.yaml:3 error attempts: -1 is not a number of attempts
          write a whole number, or 0 for unlimited attempts, e.g. attempts: 3
      quizzes/new-agent-onboarding.yaml:4 error draw: 0 is not a number of questions to draw
          write a whole number from 1 to 2, e.g. draw: 1, or leave draw out to ask every question
      quizzes/new-agent-onboarding.yaml:5 error shuffle: "yes" is not true or false
          write true or false, e.g. shuffle: true
      quizzes/new-agent-onboarding.yaml:6 error reveal: "afterpass" is not a reveal setting; did you mean after-pass?
          write always, after-pass or never: whether results show the right answers, e.g. reveal: after-pass"
    `);
  });

  it('reports a pass mark written with %, attempts that are not whole, and drawing more questions than there are', () => {
    expect(
      messages(`
        passMark: 80%
        attempts: 1.5
        draw: 3
        questions:
          - id: good
            prompt: Is this fine?
            answer: true
          - id: also-good
            prompt: Is this fine too?
            answer: true
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:1 error passMark: "80%" is not a percentage
          write the share of the marks needed to pass, from 0 to 100 (without %), e.g. passMark: 80
      quizzes/new-agent-onboarding.yaml:2 error attempts: 1.5 is not a number of attempts
          write a whole number, or 0 for unlimited attempts, e.g. attempts: 3
      quizzes/new-agent-onboarding.yaml:3 error draw: 3 is more than the 2 questions of the quiz
          draw at most 2, or leave draw out to ask every question"
    `);
  });

  it('reports a quiz without questions, and questions that are not a list', () => {
    expect(messages('module: new-agent-onboarding\nquestions:\n')).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:2 error questions: the quiz has no questions
          write a list of questions under questions:, each with an id, a prompt and its choices"
    `);
    expect(messages('module: new-agent-onboarding\n')).toContain(
      'quizzes/new-agent-onboarding.yaml:1 error questions: the quiz has no questions',
    );
    expect(messages('questions: Which comes first?\n')).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:1 error questions: "Which comes first?" is not a list of questions
          write each question as \`- id: ...\`, with prompt: and choices: below it"
    `);
    expect(messages(`questions:\n  - Which comes first?\n`)).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:2 error questions: "Which comes first?" is not a question
          write each question as \`- id: ...\`, with prompt: and choices: below it"
    `);
  });

  it('reports missing, malformed and duplicate ids, a missing prompt and an unknown type', () => {
    expect(
      messages(`
        questions:
          - prompt: A caller asks to change the email address. What first?
            answer: false
          - id: Verify first!
            prompt: Verify first?
            answer: true
          - id: same
            prompt: One
            answer: true
          - id: same
            type: multi-choice
            choices:
              - text: A
                correct: true
              - text: B
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:2 error id: every question needs an id
          write a short id that stays the same when you reword the question, e.g. id: caller-asks-change-email
      quizzes/new-agent-onboarding.yaml:4 error id: "Verify first!" is not an id
          write letters, digits and hyphens, e.g. id: verify-before-change
      quizzes/new-agent-onboarding.yaml:10 error prompt: the question "same" has no prompt
          write the question as agents will read it, e.g. prompt: A caller asks to change their email address. What do you do first?
      quizzes/new-agent-onboarding.yaml:10 error id: "same" is already the id of the question on line 7
          give each question its own id: results and statistics follow it
      quizzes/new-agent-onboarding.yaml:11 error type: "multi-choice" is not a question type
          write single, multiple or true-false, e.g. type: multiple"
    `);
  });

  it('reports questions without enough choices, or with choices that cannot be read', () => {
    expect(
      messages(`
        questions:
          - id: none
            prompt: No choices?
          - id: one
            prompt: One choice?
            choices:
              - text: Only this
                correct: true
          - id: flat
            prompt: Plain choices?
            choices:
              - Verify the caller
              - Make the change
          - id: parts
            prompt: Choices without text?
            choices:
              - correct: true
              - text: Something
                correct: maybe
                feedback: [a, list]
          - id: ids
            prompt: Two ids alike?
            choices:
              - text: First
                correct: true
              - id: a
                text: Second
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:2 error choices: the question "none" has no choices
          write two or more; write each choice as \`- text: ...\`, with \`correct: true\` on the right ones
      quizzes/new-agent-onboarding.yaml:6 error choices: the question "one" has only one choice
          write two or more; write each choice as \`- text: ...\`, with \`correct: true\` on the right ones
      quizzes/new-agent-onboarding.yaml:12 error choices: "Verify the caller" is not a choice
          write each choice as \`- text: ...\`, with \`correct: true\` on the right ones
      quizzes/new-agent-onboarding.yaml:13 error choices: "Make the change" is not a choice
          write each choice as \`- text: ...\`, with \`correct: true\` on the right ones
      quizzes/new-agent-onboarding.yaml:17 error text: a choice of the question "parts" has no text
          write what the agent reads, e.g. text: Verify the caller first
      quizzes/new-agent-onboarding.yaml:19 error correct: "maybe" is not true or false
          write true or false, e.g. correct: true on the right answers; leave it out on the others
      quizzes/new-agent-onboarding.yaml:20 error feedback: a list is not text
          write it as text, e.g. feedback: A confirmation comes too late if the caller is not the account holder.
      quizzes/new-agent-onboarding.yaml:26 error id: the question "ids" has two choices with the id a
          give each choice its own id, or leave id out to number the choices a, b, c... by position"
    `);
  });

  it('reports single- and multiple-choice questions without one right answer', () => {
    expect(
      messages(`
        questions:
          - id: no-answer
            prompt: Which?
            choices:
              - text: This
              - text: That
          - id: two-answers
            prompt: Which one?
            choices:
              - text: This
                correct: true
              - text: That
              - text: Those
                correct: true
          - id: pick-all
            type: multiple
            prompt: Which ones?
            choices:
              - text: This
              - text: That
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:4 error choices: the question "no-answer" has no correct choice
          mark the right answer with correct: true
      quizzes/new-agent-onboarding.yaml:9 error choices: the question "two-answers" has 2 correct choices (a and c), but agents pick only one
          keep correct: true on one of them, or make it type: multiple so that agents pick every right answer
      quizzes/new-agent-onboarding.yaml:18 error choices: the question "pick-all" has no correct choice
          mark every right answer with correct: true"
    `);
  });

  it('reports true-false questions with other choices, no answer, or two', () => {
    expect(
      messages(`
        questions:
          - id: yes-no
            type: true-false
            prompt: Yes or no?
            choices:
              - text: Yes
                correct: true
              - text: No
          - id: unanswered
            type: true-false
            prompt: True?
          - id: both
            prompt: True?
            answer: true
            choices:
              - text: True
              - text: False
          - id: maybe
            prompt: True?
            answer: maybe
          - id: two-right
            type: true-false
            prompt: True?
            choices:
              - text: True
                correct: true
              - text: False
                correct: true
          - id: own-ids
            type: true-false
            prompt: True?
            feedback: Not here
            choices:
              - id: t
                text: True
                correct: true
              - text: False
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:5 error choices: the question "yes-no" is true-false, so its choices must be True and False
          write answer: true or answer: false instead of choices, or make it type: single to offer other choices
      quizzes/new-agent-onboarding.yaml:9 error answer: the question "unanswered" has no answer
          write answer: true or answer: false, or the two choices True and False with correct: true on the right one
      quizzes/new-agent-onboarding.yaml:14 error answer: the question "both" has both answer: and choices:
          keep one of them: answer: true or answer: false is enough
      quizzes/new-agent-onboarding.yaml:20 error answer: "maybe" is not true or false
          write true or false, e.g. answer: false
      quizzes/new-agent-onboarding.yaml:24 error choices: the question "two-right" needs one correct choice, True or False
          mark the right one with correct: true
      quizzes/new-agent-onboarding.yaml:32 error feedback: a question has no feedback of its own, unless it is a true-false question with answer:
          put feedback under the choice it answers, e.g. - text: False with feedback: ... below it
      quizzes/new-agent-onboarding.yaml:34 error id: the choices of a true-false question have the ids true and false, not t
          leave id out"
    `);
  });

  it('reports answer: and feedback: on a question with choices', () => {
    expect(
      messages(`
        questions:
          - id: mixed
            type: single
            prompt: Which?
            answer: true
            feedback: Think again.
            explanation: [not, text]
            choices:
              - text: This
                correct: true
              - text: That
      `),
    ).toMatchInlineSnapshot(`
      "quizzes/new-agent-onboarding.yaml:5 error answer: only a true-false question has an answer; the question "mixed" is single
          mark the right choices with correct: true, or make it type: true-false
      quizzes/new-agent-onboarding.yaml:6 error feedback: a question has no feedback of its own
          put feedback under the choice it answers, e.g. - text: ... with feedback: ... below it
      quizzes/new-agent-onboarding.yaml:7 error explanation: a list is not text
          write it as text, e.g. explanation: Any change to contact details needs a verified caller first."
    `);
  });

  it('gives no quiz for a file with errors, but still names its module for the checks across files', () => {
    const result = parse('module: handling-complaints\npassMark: 120\nquestions:\n  - id: a\n    prompt: True?\n    answer: true\n');
    expect(result.quiz).toBeUndefined();
    expect(result.module).toEqual({ name: 'handling-complaints', line: 1, fromFileName: false });
  });
});
