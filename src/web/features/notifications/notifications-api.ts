import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '../../../shared/schemas/notifications.ts';
import { api, type Parser } from '../../lib/api.ts';
import { exactly, object } from '../../lib/guard.ts';
import { NotificationListLight } from '../../lib/light-schemas.ts';

// zod-free: the bell is on every signed-in page, including My work with its 150 KB budget.
const Ok: Parser<{ ok: true }> = object({ ok: exactly(true) });

export const notificationKeys = { list: ['notifications'] as const };

/** Checked every minute and when the tab comes back into view: feedback arrives while studying. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => api.get('/api/me/notifications', NotificationListLight),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });
}

function useMarkMutation<A>(run: (arg: A) => Promise<unknown>, apply: (list: Notification[], arg: A) => Notification[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onMutate: (arg) => {
      queryClient.setQueryData<{ notifications: Notification[]; unreadCount: number }>(notificationKeys.list, (old) => {
        if (!old) return old;
        const notifications = apply(old.notifications, arg);
        return { notifications, unreadCount: notifications.filter((n) => !n.read).length };
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

export function useMarkRead() {
  return useMarkMutation(
    (id: string) => api.post(`/api/me/notifications/${encodeURIComponent(id)}/read`, Ok),
    (list, id) => list.map((n) => (n.id === id ? { ...n, read: true } : n)),
  );
}

export function useMarkAllRead() {
  return useMarkMutation(
    (_: void) => api.post('/api/me/notifications/read-all', Ok),
    (list) => list.map((n) => ({ ...n, read: true })),
  );
}
