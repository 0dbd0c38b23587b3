import { z } from 'zod';
import { parseVideoUrl } from '../video-url.ts';
import { Id, Instant } from './common.ts';

/**
 * Activities: what a lesson is made of, in its three phases. The teacher writes `content`
 * (validated per `type` by a discriminated union); members read an `Activity` whose `content`
 * is the rendered, role-appropriate view (quiz answers never reach students).
 */

export const Phase = z.enum(['pre', 'live', 'post']);
export type Phase = z.infer<typeof Phase>;

export const ACTIVITY_TYPES = ['page', 'video', 'quiz', 'poll', 'question_box', 'reflection', 'discussion', 'checklist', 'link'] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

/** Laurillard's learning types; used by the design guidance (a later issue). */
export const LearningType = z.enum(['acquisition', 'investigation', 'practice', 'discussion', 'collaboration', 'production']);
export type LearningType = z.infer<typeof LearningType>;

export const ActivityTitle = z.string().trim().min(1).max(200);
export const MARKDOWN_MAX = 200_000;
const Markdown = z.string().max(MARKDOWN_MAX);
const Prompt = z.string().trim().min(1).max(4000);
const ChoiceText = z.string().trim().min(1).max(500);
const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'Use an http(s) URL' })
  .max(2000);

// ---------- Content as the teacher writes it ----------

export const PageContent = z.strictObject({ markdown: Markdown });

export const VideoContent = z
  .strictObject({
    /** A YouTube or Vimeo page URL (normalised to a privacy-enhanced embed URL). */
    url: HttpUrl.optional(),
    /** Or a video uploaded to the course (POST /api/courses/:courseId/uploads). */
    uploadId: Id.optional(),
    /** Known length; lets the server judge "watched ≥ 90%" without trusting the client's duration. */
    durationSeconds: z.number().positive().max(86_400).optional(),
  })
  .refine((c) => (c.url === undefined) !== (c.uploadId === undefined), { message: 'Give either a YouTube/Vimeo url or an uploadId' })
  .refine((c) => c.url === undefined || parseVideoUrl(c.url) !== null, { message: 'Only YouTube and Vimeo links are supported; upload other videos', path: ['url'] });

const QuizItemId = z.string().trim().min(1).max(64).regex(/^[\w-]+$/, { message: 'Letters, digits, - and _ only' });
const Choices = z.array(ChoiceText).min(2).max(20);

export const SingleItem = z.strictObject({
  id: QuizItemId.optional(),
  prompt: Prompt,
  kind: z.literal('single'),
  choices: Choices,
  /** Index of the right choice. */
  answer: z.int().min(0),
});
export const MultipleItem = z.strictObject({
  id: QuizItemId.optional(),
  prompt: Prompt,
  kind: z.literal('multiple'),
  choices: Choices,
  /** Indices of every right choice (the student must pick exactly these). */
  answer: z.array(z.int().min(0)).max(20),
});
export const TextItem = z.strictObject({
  id: QuizItemId.optional(),
  prompt: Prompt,
  kind: z.literal('text'),
  /** Accepted answers, compared ignoring case, accents and extra spaces. */
  answer: z.array(ChoiceText).min(1).max(50),
});
export const NumericAnswer = z.strictObject({ value: z.number(), tolerance: z.number().min(0).default(0) });
export const NumericItem = z.strictObject({
  id: QuizItemId.optional(),
  prompt: Prompt,
  kind: z.literal('numeric'),
  /** Right when |given − value| ≤ tolerance. */
  answer: NumericAnswer,
});
export const QuizItem = z.discriminatedUnion('kind', [SingleItem, MultipleItem, TextItem, NumericItem]);
export type QuizItem = z.infer<typeof QuizItem>;
export type QuizItemInput = z.input<typeof QuizItem>;

export const QuizContent = z
  .strictObject({
    items: z.array(QuizItem).min(1).max(200),
    /** How many submissions a student gets; null means unlimited. */
    attemptsAllowed: z.int().min(1).max(100).nullable().default(1),
    showAnswersAfterSubmit: z.boolean().default(false),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.items.forEach((item, i) => {
      if (item.id !== undefined) {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'Item ids must be unique' });
        seen.add(item.id);
      }
      if (item.kind === 'single' && item.answer >= item.choices.length) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'answer'], message: 'The answer must be the index of a choice' });
      }
      if (item.kind === 'multiple') {
        if (item.answer.some((a) => a >= item.choices.length)) ctx.addIssue({ code: 'custom', path: ['items', i, 'answer'], message: 'Every answer must be the index of a choice' });
        if (new Set(item.answer).size !== item.answer.length) ctx.addIssue({ code: 'custom', path: ['items', i, 'answer'], message: 'Answers must not repeat' });
      }
    });
  });
export type QuizContent = z.infer<typeof QuizContent>;

export const PollContent = z.strictObject({ question: Prompt, choices: Choices, anonymous: z.boolean().default(false) });
export const QuestionBoxContent = z.strictObject({ prompt: Prompt });
export const ReflectionContent = z.strictObject({ prompt: Prompt });
export const DiscussionContent = z.strictObject({ prompt: Prompt });
export const ChecklistContent = z.strictObject({ items: z.array(z.string().trim().min(1).max(1000)).min(1).max(200) });
export const LinkContent = z.strictObject({ url: HttpUrl, description: z.string().trim().max(2000).optional() });

/** The teacher-side content schema for each type (also used to validate PATCH content). */
export const CONTENT_SCHEMAS = {
  page: PageContent,
  video: VideoContent,
  quiz: QuizContent,
  poll: PollContent,
  question_box: QuestionBoxContent,
  reflection: ReflectionContent,
  discussion: DiscussionContent,
  checklist: ChecklistContent,
  link: LinkContent,
} as const;
export type ActivityContent = { [K in ActivityType]: z.infer<(typeof CONTENT_SCHEMAS)[K]> };

// ---------- Create / update ----------

const ActivitySettings = z.object({
  title: ActivityTitle,
  estimatedMinutes: z.int().min(0).max(600).nullable().optional(),
  opensAt: Instant.nullable().optional(),
  dueAt: Instant.nullable().optional(),
  /** Counts towards readiness and progress; default true. */
  required: z.boolean().optional(),
  learningType: LearningType.nullable().optional(),
});

const createVariant = <T extends ActivityType, C extends z.ZodType>(type: T, content: C) =>
  ActivitySettings.extend({ phase: Phase, type: z.literal(type), content });

/** POST /api/lessons/:lessonId/activities. An unknown `type` fails validation (400). */
export const CreateActivityBody = z
  .discriminatedUnion('type', [
    createVariant('page', PageContent),
    createVariant('video', VideoContent),
    createVariant('quiz', QuizContent),
    createVariant('poll', PollContent),
    createVariant('question_box', QuestionBoxContent),
    createVariant('reflection', ReflectionContent),
    createVariant('discussion', DiscussionContent),
    createVariant('checklist', ChecklistContent),
    createVariant('link', LinkContent),
  ])
  .refine((a) => !a.opensAt || !a.dueAt || a.opensAt < a.dueAt, { message: 'opensAt must be before dueAt', path: ['dueAt'] });
export type CreateActivityBody = z.input<typeof CreateActivityBody>;

/**
 * PATCH /api/activities/:activityId. The type cannot change; `content` is checked against the
 * activity's own type (CONTENT_SCHEMAS[type]) and replaces the old content whole.
 */
export const UpdateActivityBody = ActivitySettings.partial()
  .extend({
    phase: Phase.optional(),
    /** Teacher closes (true) or reopens (false) submissions. */
    closed: z.boolean().optional(),
    content: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdateActivityBody = z.input<typeof UpdateActivityBody>;

// ---------- Content as members read it ----------

export const PageTask = z.object({ index: z.int(), text: z.string(), checkedInSource: z.boolean() });
export const PageView = z.object({
  markdown: z.string(),
  /** Sanitised HTML. Task checkboxes carry data-task-index="n" (n = PageTask.index). */
  html: z.string(),
  /** #tags found in the body plus front matter `tags`, without the '#'. */
  tags: z.array(z.string()),
  frontMatter: z.record(z.string(), z.unknown()),
  tasks: z.array(PageTask),
});
export type PageView = z.infer<typeof PageView>;

export const VideoView = z.object({
  url: z.string().nullable(),
  uploadId: Id.nullable(),
  provider: z.enum(['youtube', 'vimeo', 'file']),
  /** youtube-nocookie / player.vimeo.com (dnt=1) embed URL, or the upload's URL for files; null if the upload is gone. */
  embedUrl: z.string().nullable(),
  durationSeconds: z.number().nullable(),
});

/** A quiz item as shown: `answer` only for teachers. */
export const QuizItemView = z.object({
  id: z.string(),
  prompt: z.string(),
  kind: z.enum(['single', 'multiple', 'text', 'numeric']),
  choices: z.array(z.string()).optional(),
  answer: z.union([z.int(), z.array(z.int()), z.array(z.string()), z.object({ value: z.number(), tolerance: z.number() })]).optional(),
});
export type QuizItemView = z.infer<typeof QuizItemView>;
export const QuizView = z.object({
  items: z.array(QuizItemView),
  attemptsAllowed: z.int().nullable(),
  showAnswersAfterSubmit: z.boolean(),
});

export const PollView = z.object({ question: z.string(), choices: z.array(z.string()), anonymous: z.boolean() });
export const PromptView = z.object({ prompt: z.string() });
export const ChecklistView = z.object({ items: z.array(z.string()) });
export const LinkView = z.object({ url: z.string(), description: z.string().optional() });

// ---------- Responses ----------

export const ResponseStatus = z.enum(['not_started', 'in_progress', 'done']);
export type ResponseStatus = z.infer<typeof ResponseStatus>;

const Indices = z.array(z.int().min(0).max(10_000)).max(1000);
/** One quiz answer per item, in item order: index (single), indices (multiple), string (text), number (numeric); null = unanswered. */
export const QuizAnswer = z.union([z.int().min(0), z.array(z.int().min(0)).max(50), z.string().max(1000), z.number(), z.null()]);

/** What a student's response body looks like for each type (PUT …/response and POST …/submit). */
export const RESPONSE_BODY_SCHEMAS = {
  page: z.strictObject({ done: z.boolean().optional(), checked: Indices.optional() }),
  link: z.strictObject({ done: z.boolean().optional() }),
  /** Done when the furthest position reached is ≥ 90% of the duration (or `done` when no duration is known). */
  video: z.strictObject({
    positionSeconds: z.number().min(0).max(86_400).optional(),
    durationSeconds: z.number().positive().max(86_400).optional(),
    done: z.boolean().optional(),
  }),
  quiz: z.strictObject({ answers: z.array(QuizAnswer).max(200) }),
  poll: z.strictObject({ choice: z.int().min(0) }),
  question_box: z.strictObject({ done: z.boolean().optional() }),
  reflection: z.strictObject({ text: z.string().max(50_000) }),
  discussion: z.strictObject({ done: z.boolean().optional() }),
  checklist: z.strictObject({ checked: Indices }),
} as const;

/**
 * PUT /api/activities/:id/response and POST /api/activities/:id/submit: the response body
 * for the type (see RESPONSE_BODY_SCHEMAS) at the top level, plus these optional keys:
 * - baseUpdatedAt / baseRevision: the copy the client edited; if the server holds a newer one,
 *   409 `stale_response` with the server copy in `current` (nothing is overwritten).
 * - submissionId (submit only): a client-made id; a retried submit with the same id returns the
 *   first result instead of counting a new attempt.
 */
export const ResponseWriteBody = z.looseObject({
  baseUpdatedAt: Instant.optional(),
  baseRevision: z.int().min(0).optional(),
  submissionId: z.string().min(8).max(64).optional(),
});
export type ResponseWriteBody = z.input<typeof ResponseWriteBody>;

export const QuizItemResult = z.object({
  itemId: z.string(),
  correct: z.boolean(),
  /** The right answer, only when the quiz has showAnswersAfterSubmit. */
  answer: QuizItemView.shape.answer,
});
export type QuizItemResult = z.infer<typeof QuizItemResult>;

/** A student's own response (also embedded in Activity.myResponse). */
export const ActivityResponse = z.object({
  /** null until the student first writes. */
  id: Id.nullable(),
  activityId: Id,
  userId: Id,
  status: ResponseStatus,
  body: z.record(z.string(), z.unknown()),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  attempts: z.int(),
  /** Quiz only: attempts left (null = unlimited). */
  attemptsRemaining: z.int().nullable(),
  late: z.boolean(),
  submittedAt: Instant.nullable(),
  feedback: z.string().nullable(),
  feedbackAt: Instant.nullable(),
  /** Quiz only: the per-item outcome of the latest attempt. */
  lastResult: z.array(QuizItemResult).nullable(),
  mode: z.enum(['async', 'live']),
  revision: z.int(),
  updatedAt: Instant.nullable(),
});
export type ActivityResponse = z.infer<typeof ActivityResponse>;
export const ResponseEnvelope = z.object({ response: ActivityResponse });

/** 409 stale_response: the error plus the server's current copy, so nothing is silently lost. */
export const StaleResponseError = z.object({
  error: z.object({ code: z.literal('stale_response'), message: z.string() }),
  current: ActivityResponse,
});

export const SubmitResult = z.object({
  response: ActivityResponse,
  /** Quiz only (null otherwise). */
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  items: z.array(QuizItemResult).nullable(),
  attempt: z.int(),
  late: z.boolean(),
});
export type SubmitResult = z.infer<typeof SubmitResult>;

// ---------- The activity as read ----------

const ActivityBase = z.object({
  id: Id,
  courseId: Id,
  lessonId: Id,
  phase: Phase,
  title: z.string(),
  position: z.int(),
  estimatedMinutes: z.int().nullable(),
  opensAt: Instant.nullable(),
  dueAt: Instant.nullable(),
  required: z.boolean(),
  closed: z.boolean(),
  learningType: LearningType.nullable(),
  /** Set on a catch-up copy made for students absent from that lesson's live session. */
  catchUpForLessonId: Id.nullable().default(null),
  /** False before opensAt. */
  isOpen: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
  /** The caller's own response when they are a student of the course; null for teachers. */
  myResponse: ActivityResponse.nullable(),
});
const viewVariant = <T extends ActivityType, C extends z.ZodType>(type: T, content: C) =>
  ActivityBase.extend({ type: z.literal(type), content });

export const Activity = z.discriminatedUnion('type', [
  viewVariant('page', PageView),
  viewVariant('video', VideoView),
  viewVariant('quiz', QuizView),
  viewVariant('poll', PollView),
  viewVariant('question_box', PromptView),
  viewVariant('reflection', PromptView),
  viewVariant('discussion', PromptView),
  viewVariant('checklist', ChecklistView),
  viewVariant('link', LinkView),
]);
export type Activity = z.infer<typeof Activity>;

export const ActivityParams = z.object({ activityId: Id });
export const ActivityEnvelope = z.object({ activity: Activity });

// ---------- Teacher: every student's response ----------

export const StudentResponse = z.object({
  responseId: Id.nullable(),
  userId: Id,
  name: z.string(),
  email: z.string(),
  status: ResponseStatus,
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  attempts: z.int(),
  late: z.boolean(),
  submittedAt: Instant.nullable(),
  body: z.record(z.string(), z.unknown()).nullable(),
  feedback: z.string().nullable(),
  feedbackAt: Instant.nullable(),
  updatedAt: Instant.nullable(),
});
export type StudentResponse = z.infer<typeof StudentResponse>;
export const StudentResponseList = z.object({ activityId: Id, responses: z.array(StudentResponse) });

export const FeedbackBody = z.object({
  text: z.string().trim().min(1).max(20_000),
  /** Optional: the teacher sets or changes the score (kept in the audit log). */
  score: z.number().min(0).max(100_000).optional(),
  /** Out of what; needed when the response has no maxScore yet (anything but a quiz). */
  maxScore: z.number().positive().max(100_000).optional(),
});
export const ResponseParams = z.object({ responseId: Id });
