/**
 * One's notifications (deadline reminders, escalations, rectification reports): polled every
 * minute and on returning to the tab, and marked read optimistically so the badge answers at once.
 */
import { routes, type Notification } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

/** How often the bell asks for news. */
export const NOTIFICATION_POLL_MS = 60_000;
const LIMIT = 50;

interface NotificationList {
  readonly unread: number;
  readonly items: readonly Notification[];
}

export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => api(routes.listNotifications, { query: { limit: LIMIT } }),
    refetchInterval: NOTIFICATION_POLL_MS,
    refetchOnWindowFocus: 'always',
  });
}

/** Marks the matching notifications read in the cache, then asks the server for the truth. */
function markInCache(queryClient: QueryClient, matches: (item: Notification) => boolean): void {
  const now = new Date().toISOString();
  queryClient.setQueryData<NotificationList>(queryKeys.notifications, (list) => {
    if (!list) return list;
    const marked = list.items.filter((item) => item.readAt === null && matches(item)).length;
    return {
      unread: Math.max(0, list.unread - marked),
      items: list.items.map((item) => (item.readAt === null && matches(item) ? { ...item, readAt: now } : item)),
    };
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(routes.markNotificationRead, { params: { id } }),
    onMutate: (id) => markInCache(queryClient, (item) => item.id === id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(routes.markAllNotificationsRead),
    onMutate: () => markInCache(queryClient, () => true),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
