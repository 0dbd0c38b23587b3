import type { QuizContent, QuizItem, QuizItemResult } from '../../../shared/schemas/activities.ts';
import { ApiError } from '../../lib/errors.ts';

/** Case-, accent- and spacing-insensitive form of a short text answer ("  Élève " ≡ "eleve"). */
export function normalizeText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

/** A number from a number or a typed string ("3,5" as French users write it). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const cleaned = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

export type QuizAnswer = number | number[] | string | null;

function shapeError(index: number, message: string): ApiError {
  return new ApiError(400, 'invalid_answers', `Answer ${index + 1}: ${message}`, [{ path: `body.answers.${index}`, message }]);
}

/**
 * Checks each answer has the shape its item expects. Drafts may be shorter than the quiz
 * (unanswered tail); a submission must give one entry per item (null = left blank).
 */
export function checkAnswerShapes(items: QuizItem[], answers: QuizAnswer[], complete: boolean): void {
  if (answers.length > items.length || (complete && answers.length !== items.length)) {
    throw new ApiError(400, 'invalid_answers', `Expected ${items.length} answers, got ${answers.length}`, [
      { path: 'body.answers', message: `Expected ${items.length} answers (null for a blank one)` },
    ]);
  }
  answers.forEach((answer, i) => {
    const item = items[i]!;
    if (answer === null) return;
    switch (item.kind) {
      case 'single':
        if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= item.choices.length) throw shapeError(i, 'expected the index of one choice');
        return;
      case 'multiple':
        if (!Array.isArray(answer) || answer.some((a) => a >= item.choices.length) || new Set(answer).size !== answer.length) {
          throw shapeError(i, 'expected a list of distinct choice indices');
        }
        return;
      case 'text':
        if (typeof answer !== 'string') throw shapeError(i, 'expected a text answer');
        return;
      case 'numeric':
        if (toNumber(answer) === undefined) throw shapeError(i, 'expected a number');
        return;
    }
  });
}

export function isCorrect(item: QuizItem, answer: QuizAnswer): boolean {
  if (answer === null || answer === undefined) return false;
  switch (item.kind) {
    case 'single':
      return answer === item.answer;
    case 'multiple': {
      if (!Array.isArray(answer)) return false;
      const want = new Set(item.answer);
      return answer.length === want.size && answer.every((a) => want.has(a));
    }
    case 'text': {
      if (typeof answer !== 'string') return false;
      const given = normalizeText(answer);
      return given.length > 0 && item.answer.some((accepted) => normalizeText(accepted) === given);
    }
    case 'numeric': {
      const given = toNumber(answer);
      // A hair of slack so 0.1 + 0.2 style float noise never marks a right answer wrong.
      return given !== undefined && Math.abs(given - item.answer.value) <= item.answer.tolerance + 1e-9;
    }
  }
}

export function publicAnswer(item: QuizItem): QuizItemResult['answer'] {
  return item.kind === 'numeric' ? { value: item.answer.value, tolerance: item.answer.tolerance } : item.answer;
}

export function itemId(item: QuizItem, index: number): string {
  return item.id ?? `item-${index + 1}`;
}

/** One point per item; `answer` revealed only when the quiz allows it. */
export function gradeQuiz(quiz: QuizContent, answers: QuizAnswer[]): { score: number; maxScore: number; items: QuizItemResult[] } {
  const items = quiz.items.map((item, i) => {
    const correct = isCorrect(item, answers[i] ?? null);
    return { itemId: itemId(item, i), correct, ...(quiz.showAnswersAfterSubmit ? { answer: publicAnswer(item) } : {}) };
  });
  return { score: items.filter((i) => i.correct).length, maxScore: quiz.items.length, items };
}
