import { useTranslation } from 'react-i18next';
import type { ResponseStatus } from '../../../shared/schemas/activities.ts';
import { Badge } from '../../components/Badge.tsx';

/** Not started / In progress / Done, in words and colour (never colour alone). */
export function StatusBadge({ status }: { status: ResponseStatus }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'done' ? 'success' : status === 'in_progress' ? 'primary' : 'neutral'}>{t(`learning.status.${status}`)}</Badge>;
}
