import type { ActivityType, ResponseStatus } from '../../shared/schemas/activities.ts';

/**
 * The activity types and response statuses as plain constants, for code that must not pull in
 * zod (see light-schemas.ts). The `Exact` checks fail tsc if the shared enums gain a value.
 */
export const ACTIVITY_TYPE_NAMES = ['page', 'video', 'quiz', 'poll', 'question_box', 'reflection', 'discussion', 'checklist', 'link'] as const satisfies readonly ActivityType[];
export const RESPONSE_STATUSES = ['not_started', 'in_progress', 'done'] as const satisfies readonly ResponseStatus[];

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesComplete: Exact<(typeof ACTIVITY_TYPE_NAMES)[number], ActivityType> = true;
const statusesComplete: Exact<(typeof RESPONSE_STATUSES)[number], ResponseStatus> = true;
void typesComplete;
void statusesComplete;
