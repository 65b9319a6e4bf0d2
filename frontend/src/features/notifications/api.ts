import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Notification = components['schemas']['NotificationBody'];
export type NotificationSetting = components['schemas']['NotificationSettingBody'];
export type NotificationKind = NotificationSetting['kind'];

/** pollEvery is how often the header asks for new notifications. */
export const pollEvery = 60_000;
/** idleAfter stops polling when nobody touched the page for this long, so polling does not keep an idle session alive. */
export const idleAfter = 25 * 60_000;

let lastActivity = Date.now();

/** noteActivity records that the user did something (the Layout calls it on key and pointer events). */
export function noteActivity() {
  lastActivity = Date.now();
}

/** pollInterval is the refetch interval: every minute while the user is active, not at all when idle. */
export function pollInterval(now = Date.now(), last = lastActivity): number | false {
  return now - last > idleAfter ? false : pollEvery;
}

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: ['notifications'],
    enabled,
    refetchInterval: () => pollInterval(),
    queryFn: async () => (await api.GET('/notifications')).data!,
  });
}

/** useMarkRead marks the given notifications read, or all when ids is empty. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      await api.POST('/notification-reads', { body: ids.length ? { ids } : {} });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: ['notification-settings'],
    queryFn: async () => (await api.GET('/notification-settings')).data!.items,
  });
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (items: NotificationSetting[]) => (await api.PUT('/notification-settings', { body: { items } })).data!.items,
    onSuccess: (items) => qc.setQueryData(['notification-settings'], items),
  });
}
