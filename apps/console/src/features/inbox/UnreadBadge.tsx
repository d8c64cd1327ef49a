import { Badge, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../client';
import { apiKey } from '../../shared/query';

/** How often the badge asks again (the inbox page's commands refresh it at once). */
export const UNREAD_REFRESH_MS = 60_000;

/**
 * GET /me/inbox/unread-count, asked again every minute: the same cache entry the
 * inbox page reads, so marking an entry read (which refreshes /me/inbox and
 * what lies under it) updates the badge too.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: apiKey('notifications', '/me/inbox/unread-count'),
    queryFn: ({ signal }) => get('notifications', '/me/inbox/unread-count', { signal }),
    refetchInterval: UNREAD_REFRESH_MS,
  });
}

/** The 消息 menu entry with its unread badge: red while an urgent message is unread. */
export function InboxMenuLabel({ label }: { label: string }) {
  const { data } = useUnreadCount();
  const unread = data?.unread ?? 0;
  const urgent = data?.urgent ?? 0;
  const title = urgent ? `${unread} 条未读，其中 ${urgent} 条紧急` : `${unread} 条未读`;
  return (
    <Space size={6}>
      {label}
      <Badge
        count={unread}
        overflowCount={99}
        size="small"
        // Dark enough for white digits at WCAG AA (4.5:1).
        color={urgent ? '#cf1322' : '#0958d9'}
        title={title}
        data-testid="menu-inbox-unread"
      />
    </Space>
  );
}
