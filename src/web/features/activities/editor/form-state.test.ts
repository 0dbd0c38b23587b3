import { describe, expect, it } from 'vitest';
import { CONTENT_SCHEMAS, CreateActivityBody } from '../../../../shared/schemas/activities.ts';
import { parseNumber } from '../doing/quiz-answers.ts';
import { readPlayerMessage } from '../doing/embed-player.ts';
import { contentBody, emptyContent, emptyQuizItem, formatDuration, parseDuration, settingsBody, type ContentDraft } from './form-state.ts';

describe('activity editor fields', () => {
  it('reads lengths as people type them', () => {
    expect(parseDuration('12:30')).toBe(750);
    expect(parseDuration('1:02:03')).toBe(3723);
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('ten')).toBeNaN();
    expect(formatDuration(750)).toBe('12:30');
  });

  it('turns a quiz of every kind into content the shared schema accepts', () => {
    const draft: ContentDraft = {
      type: 'quiz',
      attempts: '2',
      unlimited: false,
      showAnswers: true,
      items: [
        { ...emptyQuizItem('single'), prompt: 'Where is the DNA?', choices: ['Nucleus', 'Membrane'], correct: [0] },
        { ...emptyQuizItem('multiple'), prompt: 'Organelles?', choices: ['Mitochondria', 'Blood', 'Ribosome'], correct: [0, 2] },
        { ...emptyQuizItem('text'), prompt: 'Powerhouse?', accepted: 'mitochondria\n\n mitochondrion ' },
        { ...emptyQuizItem('numeric'), prompt: 'Width?', value: '10', tolerance: '0,5' },
      ],
    };
    const content = contentBody(draft);
    expect(content).toMatchObject({ attemptsAllowed: 2, items: [{ answer: 0 }, { answer: [0, 2] }, { answer: ['mitochondria', 'mitochondrion'] }, { answer: { value: 10, tolerance: 0.5 } }] });
    expect(CONTENT_SCHEMAS.quiz.safeParse(content).success).toBe(true);
  });

  it('lets the shared schema catch what is missing', () => {
    const noAnswer = contentBody({ type: 'quiz', attempts: '1', unlimited: true, showAnswers: false, items: [{ ...emptyQuizItem('single'), prompt: 'Q', choices: ['a', 'b'] }] });
    expect(CONTENT_SCHEMAS.quiz.safeParse(noAnswer).success).toBe(false);
    expect(CONTENT_SCHEMAS.video.safeParse(contentBody(emptyContent('video'))).success).toBe(false);
    expect(CONTENT_SCHEMAS.checklist.safeParse(contentBody({ type: 'checklist', items: ' \n ' })).success).toBe(false);
  });

  it('sends times typed in the teacher’s zone as UTC instants', () => {
    const { body, errors } = settingsBody({ title: 'Read', estimatedMinutes: '10', opensAt: '2026-11-25T09:00', dueAt: '2026-11-26T18:30', required: true, learningType: '', phase: 'pre' }, 'Europe/Paris');
    expect(errors).toEqual({});
    expect(body).toMatchObject({ estimatedMinutes: 10, opensAt: '2026-11-25T08:00:00.000Z', dueAt: '2026-11-26T17:30:00.000Z', learningType: null });
    expect(CreateActivityBody.safeParse({ ...body, type: 'reflection', content: { prompt: 'Why?' } }).success).toBe(true);
  });
});

describe('student answers and players', () => {
  it('reads numbers written with a comma or a point', () => {
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber(' -2.25 ')).toBe(-2.25);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('3,')).toBe(3);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('follows YouTube and Vimeo time updates and ignores anything else', () => {
    expect(readPlayerMessage('youtube', JSON.stringify({ event: 'infoDelivery', info: { currentTime: 42.5, duration: 100, playerState: 1 } }))).toEqual({ seconds: 42.5, duration: 100, final: false });
    expect(readPlayerMessage('youtube', JSON.stringify({ event: 'infoDelivery', info: { currentTime: 50, playerState: 2 } }))).toEqual({ seconds: 50, duration: null, final: true });
    expect(readPlayerMessage('vimeo', { event: 'timeupdate', data: { seconds: 12, duration: 60 } })).toEqual({ seconds: 12, duration: 60, final: false });
    expect(readPlayerMessage('vimeo', '{"event":"ready"}')).toBeNull();
    expect(readPlayerMessage('youtube', 'not json')).toBeNull();
  });
});
