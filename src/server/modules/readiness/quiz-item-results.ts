import type { QuizItem, QuizItemResult } from '../../../shared/schemas/activities.ts';
import { itemId, normalizeText, toNumber, type QuizAnswer } from '../responses/quiz-grading.ts';

/**
 * The normalised form of a student's answer to one item, so equal answers group together in
 * SQL: "2" (single), "0,3" (multiple, sorted), the accent/case-free text, the number. null = blank.
 */
export function answerKey(item: QuizItem, answer: QuizAnswer | undefined): string | null {
  if (answer === null || answer === undefined) return null;
  switch (item.kind) {
    case 'single':
      return typeof answer === 'number' ? String(answer) : null;
    case 'multiple':
      return Array.isArray(answer) && answer.length > 0 ? [...answer].sort((a, b) => a - b).join(',') : null;
    case 'text': {
      const text = typeof answer === 'string' ? normalizeText(answer) : '';
      return text.length > 0 ? text : null;
    }
    case 'numeric': {
      const n = toNumber(answer);
      return n === undefined ? null : String(n);
    }
  }
}

/** A readable form of an answer key: the choice texts for choice items, the key otherwise. */
export function answerLabel(item: QuizItem | undefined, key: string): string {
  if (!item || (item.kind !== 'single' && item.kind !== 'multiple')) return key;
  return key
    .split(',')
    .map((i) => item.choices[Number(i)] ?? `#${i}`)
    .join(' + ');
}

export type QuizItemResultRow = {
  response_id: string;
  item_id: string;
  item_index: number;
  activity_id: string;
  user_id: string;
  course_id: string;
  lesson_id: string;
  correct: number;
  answer_key: string | null;
  submitted_at: string;
};

/** The rows one graded submission leaves in quiz_item_results (one per item of the quiz). */
export function quizItemResultRows(input: {
  responseId: string;
  activity: { id: string; course_id: string; lesson_id: string };
  userId: string;
  items: QuizItem[];
  answers: QuizAnswer[];
  results: QuizItemResult[];
  submittedAt: string;
}): QuizItemResultRow[] {
  return input.items.map((item, index) => ({
    response_id: input.responseId,
    item_id: itemId(item, index),
    item_index: index,
    activity_id: input.activity.id,
    user_id: input.userId,
    course_id: input.activity.course_id,
    lesson_id: input.activity.lesson_id,
    correct: input.results[index]?.correct ? 1 : 0,
    answer_key: answerKey(item, input.answers[index]),
    submitted_at: input.submittedAt,
  }));
}
