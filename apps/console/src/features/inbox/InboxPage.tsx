import { App, Badge, Button, Card, Empty, Space, Spin, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { post } from '../../client';
import type { InboxEntryView } from '../../views';
import { useCommand } from '../../shared/commands';
import { ErrorAlert, errorText } from '../../shared/errors';
import { localTime } from '../../shared/format';
import { PagedTable } from '../../shared/PagedTable';
import { useApi } from '../../shared/query';

/** Marking read changes the inbox and its unread count. */
const INBOX = [['notifications', '/me/inbox']] as const;

/** 我的消息: the signed-in user's inbox in the notifications service. */
export function InboxPage() {
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const count = useApi('notifications', '/me/inbox/unread-count');
  const read = useCommand<string>({
    send: (id) => id === 'all' ? post('notifications', '/me/inbox/read-all') : post('notifications', '/me/inbox/{notificationId}/read', { params: { path: { notificationId: id } } }),
    changes: () => INBOX,
    onDone: (_r, id) => {
      if (id === 'all') message.success('已全部标为已读');
    },
    onFailed: (e) => message.error(errorText(e)),
  });
  const busy = read.isPending ? read.variables : undefined;

  const columns: TableColumnsType<InboxEntryView> = [
    {
      title: '状态',
      key: 'read',
      width: 90,
      render: (_, m) => (m.readAt ? <Badge status="default" text="已读" /> : <Badge status="processing" text="未读" />),
    },
    {
      title: '消息',
      key: 'subject',
      render: (_, m) => (
        <Space orientation="vertical" size={2}>
          <Space size={6} wrap>
            {m.urgent && <Tag color="red">紧急</Tag>}
            <Typography.Text strong={!m.readAt}>{m.subject}</Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {m.text}
          </Typography.Text>
          {m.projectId && <Link to={`/projects/${m.projectId}`}>查看项目</Link>}
        </Space>
      ),
    },
    { title: '时间', dataIndex: 'createdAt', width: 180, render: (t: string) => localTime(t) },
    {
      title: '操作',
      key: 'action',
      width: 110,
      render: (_, m) =>
        m.actions.includes('read') ? (
          <Button size="small" data-testid="inbox-read" loading={busy === m.id} onClick={() => read.mutate(m.id)}>
            标为已读
          </Button>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  const unread = count.data?.unread ?? 0;

  return (
    <Card
      title={
        <Space>
          我的消息
          <Badge count={unread} overflowCount={999} data-testid="inbox-unread" />
        </Space>
      }
      extra={
        <Space size={16}>
          <Space>
            <Switch data-testid="inbox-unread-only" checked={unreadOnly} onChange={setUnreadOnly} />
            <Typography.Text>只看未读</Typography.Text>
          </Space>
          <Button data-testid="inbox-read-all" disabled={!unread} loading={busy === 'all'} onClick={() => read.mutate('all')}>
            全部已读
          </Button>
        </Space>
      }
    >
      <div data-testid="inbox-list">
        <ErrorAlert error={count.error} />
        {count.isLoading ? (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{unread ? `共有 ${unread} 条未读消息` : '没有未读消息'}</Typography.Paragraph>
            <PagedTable
              key={String(unreadOnly)}
              service="notifications"
              path="/me/inbox"
              params={{ query: { unread: unreadOnly || undefined } }}
              columns={columns}
              size="middle"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unreadOnly ? '没有未读消息' : '暂无消息'} /> }}
              onRow={() => ({ 'data-testid': 'inbox-row' }) as HTMLAttributes<HTMLElement>}
            />
          </>
        )}
      </div>
    </Card>
  );
}
