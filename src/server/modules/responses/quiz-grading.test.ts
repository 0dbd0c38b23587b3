import { describe, expect, it } from 'vitest';
import { QuizContent } from '../../../shared/schemas/activities.ts';
import { ApiError } from '../../lib/errors.ts';
import { checkAnswerShapes, gradeQuiz, isCorrect, normalizeText } from './quiz-grading.ts';

const quiz = QuizContent.parse({
  items: [
    { id: 's', prompt: 'Pick one', kind: 'single', choices: ['a', 'b', 'c'], answer: 1 },
    { id: 'm', prompt: 'Pick all', kind: 'multiple', choices: ['a', 'b', 'c', 'd'], answer: [0, 2] },
    { id: 't', prompt: 'Name it', kind: 'text', answer: ['Chlorophylle', 'chlorophyll'] },
    { id: 'n', prompt: 'How much?', kind: 'numeric', answer: { value: 3.14, tolerance: 0.01 } },
  ],
  showAnswersAfterSubmit: true,
});
const [single, multiple, text, numeric] = quiz.items as [any, any, any, any];

describe('quiz grading', () => {
  it('compares text ignoring case, accents and extra spaces', () => {
    expect(normalizeText('  Élève   Modèle ')).toBe('eleve modele');
    expect(isCorrect(text, 'CHLOROPHYLLE')).toBe(true);
    expect(isCorrect(text, '  chlörophyll ')).toBe(true);
    expect(isCorrect({ ...text, answer: ['Ça été'] }, 'ca  ete')).toBe(true);
    expect(isCorrect(text, 'chloroplast')).toBe(false);
    expect(isCorrect(text, '   ')).toBe(false);
  });

  it('accepts numbers within the tolerance, including a French decimal comma', () => {
    expect(isCorrect(numeric, 3.14)).toBe(true);
    expect(isCorrect(numeric, 3.15)).toBe(true);
    expect(isCorrect(numeric, 3.13)).toBe(true);
    expect(isCorrect(numeric, 3.16)).toBe(false);
    expect(isCorrect(numeric, '3,145')).toBe(true);
    expect(isCorrect(numeric, 'three')).toBe(false);
    expect(isCorrect({ ...numeric, answer: { value: 0.3, tolerance: 0 } }, 0.1 + 0.2)).toBe(true);
  });

  it('needs exactly the right set for multiple choice, in any order', () => {
    expect(isCorrect(multiple, [2, 0])).toBe(true);
    expect(isCorrect(multiple, [0])).toBe(false);
    expect(isCorrect(multiple, [0, 2, 3])).toBe(false);
    expect(isCorrect(single, 1)).toBe(true);
    expect(isCorrect(single, 0)).toBe(false);
    expect(isCorrect(single, null)).toBe(false);
  });

  it('scores one point per item and reveals answers only when the quiz says so', () => {
    const result = gradeQuiz(quiz, [1, [0, 2], 'chlorophylle', 3]);
    expect(result).toMatchObject({ score: 3, maxScore: 4 });
    expect(result.items.map((i) => i.correct)).toEqual([true, true, true, false]);
    expect(result.items[3]!.answer).toEqual({ value: 3.14, tolerance: 0.01 });
    const hidden = gradeQuiz({ ...quiz, showAnswersAfterSubmit: false }, [1, [0, 2], 'x', 3.14]);
    expect(hidden.items.every((i) => !('answer' in i))).toBe(true);
  });

  it('refuses answers of the wrong shape or length', () => {
    const refuses = (answers: unknown[], complete = true) => {
      try {
        checkAnswerShapes(quiz.items, answers as never, complete);
        return null;
      } catch (error) {
        return error instanceof ApiError ? error.code : 'other';
      }
    };
    expect(refuses([1, [0, 2], 'x', 3])).toBeNull();
    expect(refuses([1, [0, 2]], false)).toBeNull();
    expect(refuses([1, [0, 2]])).toBe('invalid_answers');
    expect(refuses([1, [0, 2], 'x', 3, 4], false)).toBe('invalid_answers');
    expect(refuses([5, [0, 2], 'x', 3])).toBe('invalid_answers');
    expect(refuses(['b', [0, 2], 'x', 3])).toBe('invalid_answers');
    expect(refuses([1, 0, 'x', 3])).toBe('invalid_answers');
    expect(refuses([1, [0, 0], 'x', 3])).toBe('invalid_answers');
    expect(refuses([1, [0, 9], 'x', 3])).toBe('invalid_answers');
    expect(refuses([1, [0, 2], 42, 3])).toBe('invalid_answers');
    expect(refuses([1, [0, 2], 'x', 'lots'])).toBe('invalid_answers');
    expect(refuses([null, null, null, null])).toBeNull();
  });
});
