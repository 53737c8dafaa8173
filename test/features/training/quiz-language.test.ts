/** Which language a quiz is taken in, and its questions in it: the translation's words, the original's ids and key. */
import { describe, expect, it } from 'vitest';
import { gradeQuestion } from '../../../src/features/training/grading.ts';
import { chooseQuizLanguage, questionsIn } from '../../../src/features/training/quiz-language.ts';
import { sampleQuiz } from '../../helpers/quiz.ts';

const quiz = sampleQuiz({
  translations: [
    {
      lang: 'de',
      file: 'quizzes/basics.de.yaml',
      stale: false,
      questions: {
        'refund-window': {
          prompt: 'Frage - Rückerstattungsfrist?',
          choices: { a: { text: '30 Tage' }, b: { text: '14 Tage', feedback: 'Nicht 14 Tage.' } },
        },
        'cooling-off': { prompt: 'Die Widerrufsfrist beträgt 14 Tage.', choices: {}, feedback: 'Doch.' },
      },
    },
  ],
});

describe('chooseQuizLanguage', () => {
  it('takes the first wanted language the quiz has, else its own', () => {
    expect(chooseQuizLanguage(quiz, ['pl', 'de', 'en'])).toBe('de');
    expect(chooseQuizLanguage(quiz, [undefined, null, 'en'])).toBe('en');
    expect(chooseQuizLanguage(quiz, ['fr', 'sv'])).toBe('en');
  });
});

describe('questionsIn', () => {
  const german = questionsIn(quiz, 'de');

  it('puts the translation’s words on the original’s ids and key, and the original’s words where it has none', () => {
    expect(german.map((question) => question.id)).toEqual(quiz.questions.map((question) => question.id));
    expect(german[0]).toMatchObject({
      prompt: 'Frage - Rückerstattungsfrist?',
      choices: [
        { id: 'a', text: '30 Tage', correct: true },
        { id: 'b', text: '14 Tage', correct: false, feedback: 'Nicht 14 Tage.' },
        { id: 'c', text: '60 days', correct: false, feedback: 'Not 60 days.' },
      ],
      explanation: 'Because 30 days.',
      source: quiz.questions[0]?.source,
    });
    expect(german[1]).toEqual(quiz.questions[1]);
  });

  it('says True and False in the quiz’s language, with the translated feedback on the wrong one', () => {
    expect(german[3]?.choices).toEqual([
      { id: 'true', text: 'Richtig', correct: true },
      { id: 'false', text: 'Falsch', correct: false, feedback: 'Doch.' },
    ]);
    expect(questionsIn(quiz, 'en')[3]?.choices.map((choice) => choice.text)).toEqual(['True', 'False']);
  });

  it('grades alike in every language', () => {
    for (const [index, question] of quiz.questions.entries()) {
      for (const choice of question.choices) {
        expect(gradeQuestion(german[index] as typeof question, [choice.id])).toEqual(gradeQuestion(question, [choice.id]));
      }
    }
  });
});
