/** The shapes of training's input and answers: the API routes and the pages validate with the same ones, and OpenAPI is made from them. */
import { z } from 'astro/zod';
import { MODULE_STATUSES } from './progress.ts';
import { QUESTION_TYPES } from './quiz-types.ts';
import { isoDate } from '../../kit/schemas.ts';
import { LANGUAGES } from '../../kit/i18n/languages.ts';

/** A language an attempt is taken in: the quiz's own or a translation's, e.g. de. */
export const LangSchema = z.string().meta({ description: 'A language code, e.g. en or de.' });

/** `?lang=` on the quiz: one of the languages the handbook is translated into. */
export const QuizLangQuery = z.object({
  lang: z
    .enum(LANGUAGES, { error: `write one of ${LANGUAGES.join(', ')}` })
    .optional()
    .meta({
      description:
        'The language to take the quiz in. Without it: the open attempt’s language, else my interface language; a language the quiz is not translated into gives the original.',
    }),
});

export const ModuleParams = z.object({
  module: z.string().min(1).max(200).meta({ description: 'The module’s folder name, e.g. new-agent-onboarding.' }),
});

export const DueDate = isoDate.meta({ description: 'YYYY-MM-DD, in the organisation’s time zone.' });

const AssignmentSchema = z.object({
  reason: z.union([
    z.object({ kind: z.literal('job-role'), jobRole: z.string() }),
    z.object({ kind: z.literal('person') }),
    z.object({ kind: z.literal('team'), team: z.string() }),
    z.object({ kind: z.literal('retake') }),
  ]),
  since: z.string(),
  dueOn: z.string().nullable().optional(),
  assignmentId: z.string().optional(),
});

export const ModuleProgressSchema = z
  .object({
    module: z.string(),
    title: z.string(),
    url: z.string(),
    lessonsDone: z.number().int(),
    lessonsTotal: z.number().int(),
    lessons: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), done: z.boolean() })),
    hasQuiz: z.boolean(),
    quizPassed: z.boolean(),
    attemptsUsed: z.number().int(),
    attemptsAllowed: z.number().int().meta({ description: '0: unlimited.' }),
    attempts: z.array(z.object({ id: z.string(), score: z.number(), passed: z.boolean(), finishedAt: z.string(), lang: LangSchema })).meta({
      description: 'The finished attempts that count (since the last retake), oldest first, with the language each was taken in.',
    }),
    bestScore: z.number().nullable(),
    lastScore: z.number().nullable(),
    lastAttemptId: z.string().nullable(),
    status: z.enum(MODULE_STATUSES),
    assigned: z.boolean(),
    assignments: z.array(AssignmentSchema),
    dueOn: z.string().nullable(),
    completedAt: z.string().nullable(),
    completedVersion: z.string().nullable(),
    completedOnEarlierVersion: z.boolean(),
  })
  .meta({ id: 'ModuleProgress' });

/** A choice as an attempt shows it: its id is the attempt's own. */
const ShownChoiceSchema = z.object({
  id: z.string().meta({
    description:
      'This attempt’s id for the choice: random, made when the attempt was drawn, and different in every attempt; it says nothing about the choice or where it stands in the quiz. Answer with it.',
  }),
  text: z.string(),
});

export const QuizSchema = z
  .object({
    module: z.string(),
    title: z.string(),
    version: z.string(),
    passMark: z.number(),
    attemptsAllowed: z.number().int(),
    attemptsUsed: z.number().int(),
    attemptId: z.string(),
    attemptNumber: z.number().int(),
    lang: LangSchema.meta({ description: 'The language of the questions, recorded with the attempt.' }),
    otherLanguages: z.array(z.string()).meta({ description: 'The other languages the quiz can be taken in (`?lang=`).' }),
    questions: z.array(
      z.object({
        id: z.string(),
        type: z.enum(QUESTION_TYPES),
        prompt: z.string(),
        choices: z.array(ShownChoiceSchema).meta({
          description: 'In the order to show them: a new order each attempt where the quiz shuffles, else the quiz file’s.',
        }),
      }),
    ),
  })
  .meta({ id: 'Quiz', description: 'The questions drawn for this attempt, without answers.' });

export const SourceSchema = z.object({ href: z.string(), url: z.string(), anchor: z.string().optional() });

export const AttemptResultSchema = z
  .object({
    attemptId: z.string(),
    module: z.string(),
    number: z.number().int(),
    score: z.number(),
    passed: z.boolean(),
    passMark: z.number(),
    quizVersion: z.string(),
    lang: LangSchema.meta({ description: 'The language the attempt was taken in; prompts, choices, feedback and explanations are in it.' }),
    startedAt: z.string(),
    finishedAt: z.string(),
    answersRevealed: z.boolean().meta({
      description:
        'Whether the right answers are shown: the quiz’s `reveal` is always, or after-pass and a pass is on record by this attempt.',
    }),
    questions: z.array(
      z.object({
        id: z.string(),
        prompt: z.string(),
        correct: z.boolean(),
        score: z.number(),
        chosen: z.array(z.string()).meta({ description: 'The choices I made, by the ids this attempt gave them.' }),
        feedback: z.array(z.string()).meta({ description: 'The feedback on the wrong choices I made.' }),
        explanation: z.string().nullable().meta({
          description: 'Why the right answer is right: for a question I answered right, or where answers are revealed; else null.',
        }),
        source: SourceSchema.nullable(),
        rightChoices: z
          .array(z.string())
          .optional()
          .meta({ description: 'The right choices, by the ids this attempt gave them; only where answers are revealed.' }),
        choices: z.array(ShownChoiceSchema),
      }),
    ),
  })
  .meta({ id: 'AttemptResult' });

/** A new assignment: the API's body, and what the managers' assignments page checks its form with. */
export const NewAssignment = z.strictObject({
  module: z.string({ error: 'name the module, e.g. new-agent-onboarding' }).trim().min(1).max(200),
  userId: z.string().trim().min(1).max(100).optional().meta({ description: 'Assign to this person…' }),
  team: z.string().trim().min(1).max(80).optional().meta({ description: '…or to everyone in this team, now and later.' }),
  dueOn: DueDate.optional().meta({ description: 'YYYY-MM-DD; without it, the module’s dueWithinDays from today (none if it has none).' }),
});
