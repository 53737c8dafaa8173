import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { giftToQuiz } from '../../../src/features/training/gift-import.ts';
import { parseQuizFile } from '../../../src/features/training/quiz-file.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-site.ts';

const BANK = fileURLToPath(new URL('../../fixtures/gift/onboarding.gift', import.meta.url));
const imported = giftToQuiz(parse(readFileSync(BANK, 'utf8')), 'new-agent-onboarding');

describe('giftToQuiz', () => {
  it('writes multiple-choice and true-false questions as a quiz file', () => {
    expect(imported.yaml).toMatchInlineSnapshot(`
      "module: new-agent-onboarding
      questions:
        - id: verify-before-change
          type: single
          prompt: A caller asks to change the email address on the account. What do you do first?
          choices:
            - text: Verify the caller with two security details
              correct: true
              feedback: Verification comes first.
            - text: Make the change, then send a confirmation
              feedback: A confirmation comes too late.
          explanation: Any change to contact details needs a verified caller first.

        - id: postcode
          type: true-false
          prompt: A postcode plus the first line of the address counts as two details.
          answer: false
          feedback: It is one detail.

        - id: postcode-2
          type: true-false
          prompt: Both kinds of feedback are kept as choices.
          choices:
            - text: "True"
              correct: true
              feedback: "Right: true."
            - text: "False"
              feedback: Not false.

        - id: accepted-details
          type: multiple
          prompt: Which are accepted details?
          choices:
            - text: Account PIN
              correct: true
            - text: Date of birth
              correct: true
            - text: Online password
              feedback: Never asked for.
      "
    `);
    expect(imported.imported).toBe(4);
  });

  it('writes a quiz file that Knowhow reads without a problem', () => {
    const { quiz, problems } = parseQuizFile('quizzes/new-agent-onboarding.yaml', imported.yaml);
    expect(problems).toEqual([]);
    expect(
      quiz?.questions.map((question) => [question.id, question.type, question.choices.filter((choice) => choice.correct).length]),
    ).toEqual([
      ['verify-before-change', 'single', 1],
      ['postcode', 'true-false', 1],
      ['postcode-2', 'true-false', 1],
      ['accepted-details', 'multiple', 2],
    ]);
  });

  it('lists the questions a Knowhow quiz cannot ask, with the reason', () => {
    expect(imported.skipped).toEqual([
      { name: 'Sum', reason: 'numerical questions have no equivalent; Knowhow asks single, multiple and true-false questions' },
      { name: 'Colour', reason: 'short answer questions have no equivalent; Knowhow asks single, multiple and true-false questions' },
      { name: 'No answer', reason: 'no choice is right (an = or a positive weight)' },
    ]);
  });
});

describe('npm run quiz:import', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['cli/quiz-import.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

  it('prints the quiz file, and what it skipped on stderr', () => {
    const result = run(BANK, '--module', 'new-agent-onboarding');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(imported.yaml);
    expect(result.stderr).toContain('skipped "Sum": numerical questions have no equivalent');
    expect(result.stderr).toContain('4 questions for module new-agent-onboarding; add a source: to each');
  });

  it('says where a GIFT file is malformed, and how to use the command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-gift-'));
    try {
      writeFileSync(join(dir, 'bank.gift'), '::Q::Refunds: who approves them?{=Team lead ~Agent}\n');
      const broken = run(join(dir, 'bank.gift'));
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`${join(dir, 'bank.gift')}:1:13 is not valid GIFT: Expected "{" but ":" found.`);
      expect(broken.stderr).toContain('write the characters ~ = # { } : as \\~ \\= \\# \\{ \\} \\: inside text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const usage = run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run quiz:import -- <bank.gift> [--module <folder under training/>]');
  });
});
