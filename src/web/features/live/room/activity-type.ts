import type { TFunction } from 'i18next';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/schemas/activities.ts';

function isActivityType(type: string): type is ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(type);
}

/** "Poll", "Reading page"…; a type this client does not know yet shows as it is. */
export function activityTypeLabel(t: TFunction, type: string): string {
  return isActivityType(type) ? t(`live.activityType.${type}`) : type;
}
