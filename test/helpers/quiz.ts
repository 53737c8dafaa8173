/** A quiz and a module to test training with, without a build. */
import type { TrainingCatalog } from '../../src/features/training/server/catalog.ts';
import type { TrainingModule } from '../../src/features/training/modules.ts';
import type { QuizDefinition, QuizQuestion } from '../../src/features/training/quiz-types.ts';

const single = (id: string, right: string, wrong: string[]): QuizQuestion => ({
  id,
  type: 'single',
  prompt: `Question ${id}?`,
  choices: [right, ...wrong].map((text, index) => ({
    id: String.fromCharCode(97 + index),
    text,
    correct: index === 0,
    ...(index > 0 ? { feedback: `Not ${text}.` } : {}),
  })),
  explanation: `Because ${right}.`,
  source: { href: '../site/policies/refunds.md#refund-window', url: '/policies/refunds/', anchor: 'refund-window' },
});

export function sampleQuiz(overrides: Partial<QuizDefinition> = {}): QuizDefinition {
  return {
    module: 'basics',
    file: 'quizzes/basics.yaml',
    passMark: 75,
    attempts: 3,
    shuffle: false,
    reveal: 'after-pass',
    version: 'quizversion01',
    wordsVersion: 'quizwords001',
    lang: 'en',
    translations: [],
    questions: [
      single('refund-window', '30 days', ['14 days', '60 days']),
      single('verify-first', 'Verify the caller', ['Change the email', 'Ask a colleague']),
      {
        id: 'refund-methods',
        type: 'multiple',
        prompt: 'Which refunds may an agent give?',
        choices: [
          { id: 'a', text: 'Card', correct: true },
          { id: 'b', text: 'Bank transfer', correct: true },
          { id: 'c', text: 'Cash', correct: false, feedback: 'We never refund in cash.' },
        ],
        explanation: 'Card or bank transfer only.',
      },
      {
        id: 'cooling-off',
        type: 'true-false',
        prompt: 'The cooling-off period is 14 days.',
        choices: [
          { id: 'true', text: 'True', correct: true },
          { id: 'false', text: 'False', correct: false },
        ],
      },
    ],
    ...overrides,
  };
}

export function sampleModule(overrides: Partial<TrainingModule> = {}): TrainingModule {
  return {
    id: 'basics',
    url: '/training/basics/',
    title: 'Basics',
    lessons: [
      { id: 'welcome', url: '/training/basics/welcome/', title: 'Welcome', version: 'lesson000001' },
      { id: 'first-call', url: '/training/basics/first-call/', title: 'Your first call', version: 'lesson000002' },
    ],
    assignTo: ['agent'],
    dueWithinDays: 14,
    quiz: sampleQuiz(),
    version: 'module000001',
    lang: 'en',
    translations: [],
    ...overrides,
  };
}

/** A catalog of `modules`, as the server makes it from a build. */
export function catalogOf(modules: TrainingModule[], timeZone = 'UTC'): TrainingCatalog {
  const byId = new Map(modules.map((module) => [module.id, module]));
  return { modules, timeZone, module: (id) => byId.get(id) };
}
