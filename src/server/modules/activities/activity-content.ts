import { z } from 'zod';
import {
  ActivityType,
  ChecklistContent,
  DiscussionContent,
  LinkContent,
  PageContent,
  PollContent,
  QuestionBoxContent,
  QuizContent,
  QuizItemResult,
  ReflectionContent,
  VideoContent,
} from '../../../shared/schemas/activities.ts';
import { renderMarkdown } from '../markdown/render.ts';
import type { TypedActivity } from '../responses/response-rules.ts';
import type { ActivityRow } from './activities.repository.ts';

const EMPTY_CONTEXT = { lessons: [], uploads: [] };

/** Pairs a stored row's type with its parsed content, so the compiler knows which is which. */
export function typedActivity(row: Pick<ActivityRow, 'type' | 'content'>): TypedActivity {
  const type = ActivityType.parse(row.type);
  const json: unknown = JSON.parse(row.content);
  switch (type) {
    case 'page': {
      const content = PageContent.parse(json);
      return { type, content, taskCount: renderMarkdown(content.markdown, EMPTY_CONTEXT).tasks.length };
    }
    case 'video':
      return { type, content: VideoContent.parse(json), taskCount: 0 };
    case 'quiz':
      return { type, content: QuizContent.parse(json), taskCount: 0 };
    case 'poll':
      return { type, content: PollContent.parse(json), taskCount: 0 };
    case 'question_box':
      return { type, content: QuestionBoxContent.parse(json), taskCount: 0 };
    case 'reflection':
      return { type, content: ReflectionContent.parse(json), taskCount: 0 };
    case 'discussion':
      return { type, content: DiscussionContent.parse(json), taskCount: 0 };
    case 'checklist':
      return { type, content: ChecklistContent.parse(json), taskCount: 0 };
    case 'link':
      return { type, content: LinkContent.parse(json), taskCount: 0 };
  }
}

/** One entry of responses.submissions: what a submit returned, kept so a retry gets the same. */
export const SubmissionLogEntry = z.object({
  submissionId: z.string().nullable(),
  attempt: z.int(),
  submittedAt: z.string(),
  late: z.boolean(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  items: z.array(QuizItemResult).nullable(),
});
export type SubmissionLogEntry = z.infer<typeof SubmissionLogEntry>;

export function parseSubmissions(json: string): SubmissionLogEntry[] {
  const parsed = z.array(SubmissionLogEntry).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}
