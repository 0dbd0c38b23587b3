import { z } from 'zod';
import { Activity, ActivityType, LearningType } from './activities.ts';
import { Id, Instant } from './common.ts';

/**
 * Readiness: what the teacher sees before class — who did the pre-work, how each quiz item went,
 * the questions students brought, who is stuck — and what it suggests (small groups, a run-sheet
 * change). Every suggestion carries a machine `code` + `params` (the web translates from them)
 * and the same words ready-made in English and French (`texts`), `text` being the caller's locale.
 */

export const LocalizedText = z.object({ en: z.string(), fr: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const ReasonParams = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type ReasonParams = z.infer<typeof ReasonParams>;

/** Why something is suggested or flagged. */
export const Reason = z.object({ code: z.string(), params: ReasonParams, text: z.string(), texts: LocalizedText });
export type Reason = z.infer<typeof Reason>;

export const ReadinessStatus = z.enum(['ready', 'started', 'not_started']);
export type ReadinessStatus = z.infer<typeof ReadinessStatus>;

export const ReadinessStudent = z.object({
  userId: Id,
  name: z.string(),
  /** ready: every required pre-work activity done; started: something begun; not_started: nothing. */
  status: ReadinessStatus,
  ready: z.boolean(),
  completed: z.int(),
  required: z.int(),
  /** Points over maximum across the pre-work quizzes they submitted; null when none. */
  quizScore: z.number().min(0).max(1).nullable(),
  /** Estimated minutes of required pre-work still to do. */
  minutesLeft: z.int(),
  stuck: z.boolean(),
  stuckNote: z.string().nullable(),
  stuckAt: Instant.nullable(),
  /** When the last readiness nudge reached them, if any. */
  nudgedAt: Instant.nullable(),
});
export type ReadinessStudent = z.infer<typeof ReadinessStudent>;

export const WrongAnswer = z.object({
  /** What the students chose, readable: the choice text(s), or the typed answer. */
  answer: z.string(),
  /** The normalised key counted ("2", "0,3", "photosynthese"). */
  answerKey: z.string(),
  count: z.int(),
});

/** Misconceptions first: items with answers, lowest correct rate first; items nobody answered last. */
export const ReadinessItem = z.object({
  activityId: Id,
  activityTitle: z.string(),
  itemId: z.string(),
  itemIndex: z.int(),
  prompt: z.string(),
  kind: z.enum(['single', 'multiple', 'text', 'numeric']),
  /** correct / (answered + skipped): a blank counts as not correct. 0 when nobody submitted. */
  correctRate: z.number().min(0).max(1),
  /** Students whose latest submission gave an answer to this item. */
  answered: z.int(),
  correct: z.int(),
  /** Submitted with this item left blank. */
  skipped: z.int(),
  /** The most chosen wrong answers, most chosen first (at most 3). */
  wrongAnswers: z.array(WrongAnswer),
});
export type ReadinessItem = z.infer<typeof ReadinessItem>;

export const ReadinessQuestion = z.object({
  id: Id,
  text: z.string(),
  votes: z.int(),
  activityId: Id.nullable(),
  answered: z.boolean(),
  createdAt: Instant,
  askedBy: z.object({ userId: Id, name: z.string() }).optional(),
});

export const ReadinessActivity = z.object({
  id: Id,
  title: z.string(),
  type: ActivityType,
  required: z.boolean(),
  estimatedMinutes: z.int().nullable(),
  dueAt: Instant.nullable(),
  /** Current students with this activity done / begun (in progress or done). */
  doneCount: z.int(),
  startedCount: z.int(),
});

export const SuggestedGroupKind = z.enum(['not_started', 'reteach_item', 'finish_prework', 'extend']);
export type SuggestedGroupKind = z.infer<typeof SuggestedGroupKind>;

export const SuggestedGroup = z.object({
  /** Stable within one readiness answer: the group kind. */
  id: SuggestedGroupKind,
  name: z.string(),
  names: LocalizedText,
  reason: Reason,
  /** Sorted by name, then id. */
  userIds: z.array(Id),
});
export type SuggestedGroup = z.infer<typeof SuggestedGroup>;

/** The live activity a run-sheet suggestion would insert at the start of the run-sheet. */
export const SuggestedActivity = z.object({
  type: ActivityType,
  title: z.string(),
  estimatedMinutes: z.int(),
  learningType: LearningType,
});

export const RunSheetSuggestion = z.object({
  code: z.enum(['reteach_first', 'recap_first']),
  params: ReasonParams,
  text: z.string(),
  texts: LocalizedText,
  activity: SuggestedActivity,
});
export type RunSheetSuggestion = z.infer<typeof RunSheetSuggestion>;

// ---------- Planned breakout groups (sent to the live room) ----------

const GroupName = z.string().trim().min(1).max(80);

export const PlannedGroup = z.object({ name: GroupName, userIds: z.array(Id).max(500) });
export type PlannedGroup = z.infer<typeof PlannedGroup>;

/** POST /api/lessons/:lessonId/readiness/groups: the (possibly adjusted) groups for the live room. */
export const PlanGroupsBody = z.object({
  groups: z.array(PlannedGroup).min(1).max(50),
  /** What the groups should do (shown in the room). */
  task: z.string().trim().max(2000).default(''),
  durationSeconds: z.int().min(30).max(4 * 3600).optional(),
});
export type PlanGroupsBody = z.input<typeof PlanGroupsBody>;

export const PlannedGroups = z.object({
  groups: z.array(PlannedGroup),
  task: z.string(),
  durationSeconds: z.int().nullable(),
  plannedAt: Instant,
  plannedBy: Id,
});
export type PlannedGroups = z.infer<typeof PlannedGroups>;
export const PlannedGroupsEnvelope = z.object({ plannedGroups: PlannedGroups.nullable() });

// ---------- The readiness answer ----------

export const Readiness = z.object({
  lessonId: Id,
  courseId: Id,
  now: Instant,
  /** The live session's start (count-down), null when the lesson has none. */
  liveStartsAt: Instant.nullable(),
  startsInMinutes: z.int().nullable(),
  students: z.array(ReadinessStudent),
  activities: z.array(ReadinessActivity),
  items: z.array(ReadinessItem),
  /** Brought in pre-work (question boxes), most votes first, then oldest. */
  questions: z.array(ReadinessQuestion),
  suggestedGroups: z.array(SuggestedGroup),
  /** Present when readiness is under the course's threshold. */
  suggestion: RunSheetSuggestion.nullable(),
  acceptedSuggestion: z.object({ activityId: Id, acceptedAt: Instant }).nullable(),
  plannedGroups: PlannedGroups.nullable(),
  summary: z.object({
    studentCount: z.int(),
    readyCount: z.int(),
    /** Begun but not ready. */
    startedCount: z.int(),
    notStartedCount: z.int(),
    stuckCount: z.int(),
    /** round(100 × ready / students); 0 for an empty class. */
    readyPercent: z.int(),
    thresholdPercent: z.int(),
    belowThreshold: z.boolean(),
    requiredActivities: z.int(),
    requiredMinutes: z.int(),
  }),
});
export type Readiness = z.infer<typeof Readiness>;

// ---------- Student: "I'm stuck" ----------

/** POST /api/lessons/:lessonId/stuck — set (default) or clear the caller's flag. */
export const StuckBody = z.object({
  stuck: z.boolean().default(true),
  note: z.string().trim().max(500).optional(),
});
export type StuckBody = z.input<typeof StuckBody>;
export const StuckState = z.object({ lessonId: Id, stuck: z.boolean(), note: z.string().nullable(), updatedAt: Instant.nullable() });
export type StuckState = z.infer<typeof StuckState>;

// ---------- Nudge ----------

export const NudgeResult = z.object({
  /** Students nudged now (in-app notification + email). */
  nudged: z.int(),
  userIds: z.array(Id),
  /** Not started, but already nudged within the hour. */
  skipped: z.int(),
});
export type NudgeResult = z.infer<typeof NudgeResult>;

export const NUDGE_INTERVAL_MS = 60 * 60 * 1000;

/** POST /api/lessons/:lessonId/readiness/accept-suggestion: 201 with the new live activity (200 when accepted before). */
export const AcceptSuggestionResult = z.object({ activity: Activity, alreadyAccepted: z.boolean() });
