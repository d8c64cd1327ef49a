import { App, Badge, Button, Card, Empty, Flex, Space, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { post } from '../../client';
import type { InboxEntryView } from '../../views';
import { PageHeading, usePhone } from '../../shared/page';
import { useCommand } from '../../shared/commands';
import { ErrorAlert, errorText } from '../../shared/errors';
import { localTime } from '../../shared/format';
import { PagedTable } from '../../shared/PagedTable';
import { InboxFilters, inboxQuery, NO_FILTER, type InboxFilter } from './InboxFilters';
import { useUnreadCount } from './UnreadBadge';

/** Marking read changes the inbox and its unread count (the menu's badge too). */
const INBOX = [['notifications', '/me/inbox']] as const;

/** 我的消息: the signed-in user's inbox in the notifications service; urgent unread entries first (the service orders them). */
export function InboxPage() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<InboxFilter>(NO_FILTER);
  // Projects named by the entries seen, for the project filter.
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const count = useUnreadCount();
  const read = useCommand<string>({
    send: (id) => (id === 'all' ? post('notifications', '/me/inbox/read-all') : post('notifications', '/me/inbox/{notificationId}/read', { params: { path: { notificationId: id } } })),
    changes: () => INBOX,
    onDone: (_r, id) => {
      if (id === 'all') message.success('已全部标为已读');
    },
    onFailed: (e) => message.error(errorText(e)),
  });
  const busy = read.isPending ? read.variables : undefined;
  const onlyProject = (m: InboxEntryView) => {
    if (m.projectName && !known.has(m.projectId)) setKnown(new Map(known).set(m.projectId, m.projectName));
    setFilter({ ...filter, projectId: m.projectId });
  };

  const phone = usePhone();
  const status = (m: InboxEntryView) => (m.readAt ? <Badge status="default" text="已读" /> : <Badge status="processing" text="未读" />);
  const action = (m: InboxEntryView) =>
    m.actions.includes('read') ? (
      <Button size="small" data-testid="inbox-read" loading={busy === m.id} onClick={() => read.mutate(m.id)}>
        标为已读
      </Button>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  const entry = (m: InboxEntryView) => (
        <Space orientation="vertical" size={2}>
          <Space size={6} wrap>
            {m.urgent && (
              <Tag color="#cf1322" data-testid="inbox-urgent">
                紧急
              </Tag>
            )}
            <Tag>{m.kindName}</Tag>
            <Typography.Text strong={!m.readAt}>{m.subject}</Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {m.text}
          </Typography.Text>
          <Space size={12} wrap>
            {m.projectName && (
              <Button type="link" size="small" style={{ padding: 0, color: '#0958d9' }} data-testid="inbox-only-project" onClick={() => onlyProject(m)} disabled={filter.projectId === m.projectId}>
                只看“{m.projectName}”
              </Button>
            )}
            {m.projectId && <Link to={`/projects/${m.projectId}`}>查看项目</Link>}
          </Space>
        </Space>
  );
  const columns: TableColumnsType<InboxEntryView> = [
    { title: '状态', key: 'read', width: 90, render: (_, m) => status(m) },
    { title: '消息', key: 'subject', render: (_, m) => entry(m) },
    { title: '时间', dataIndex: 'createdAt', width: 180, render: (t: string) => localTime(t) },
    { title: '操作', key: 'action', width: 110, render: (_, m) => action(m) },
  ];
  /** On a phone each message is one row of a list: read or not and when, the message, then 标为已读. */
  const rows: TableColumnsType<InboxEntryView> = [
    {
      title: '消息',
      key: 'entry',
      render: (_, m) => (
        <Flex vertical gap={6} style={{ overflowWrap: 'anywhere' }}>
          <Flex justify="space-between" gap={8} wrap>
            {status(m)}
            <Typography.Text type="secondary">{localTime(m.createdAt)}</Typography.Text>
          </Flex>
          {entry(m)}
          {m.actions.includes('read') && <div>{action(m)}</div>}
        </Flex>
      ),
    },
  ];

  const unread = count.data?.unread ?? 0;
  const urgent = count.data?.urgent ?? 0;
  const filtered = Object.values(inboxQuery(filter)).some((v) => v !== undefined);

  return (
    <Card
      title={
        <Space>
          <PageHeading title="我的消息" />
          <Badge count={unread} overflowCount={999} color={urgent ? '#cf1322' : '#0958d9'} data-testid="inbox-unread" />
        </Space>
      }
      extra={
        <Button data-testid="inbox-read-all" disabled={!unread} loading={busy === 'all'} onClick={() => read.mutate('all')}>
          全部已读
        </Button>
      }
    >
      <div data-testid="inbox-list">
        <ErrorAlert error={count.error} />
        {count.isLoading ? (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {unread ? `共有 ${unread} 条未读消息` : '没有未读消息'}
              {urgent ? (
                <Typography.Text strong style={{ color: '#cf1322' }}>
                  {`，其中 ${urgent} 条紧急，已排在最前`}
                </Typography.Text>
              ) : null}
            </Typography.Paragraph>
            <InboxFilters value={filter} onChange={setFilter} known={known} />
            <PagedTable
              key={JSON.stringify(inboxQuery(filter))}
              service="notifications"
              path="/me/inbox"
              params={{ query: inboxQuery(filter) }}
              columns={phone ? rows : columns}
              showHeader={!phone}
              // A message wraps its text: the list stays as wide as the screen.
              {...(phone ? { scroll: {} } : {})}
              size="middle"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的消息' : '暂无消息'} /> }}
              onRow={(m) =>
                ({
                  'data-testid': 'inbox-row',
                  // Urgent and unread: marked along its whole row, not only by its tag.
                  style: m.urgent && !m.readAt ? { background: '#fff8f7', boxShadow: 'inset 4px 0 0 #cf1322' } : undefined,
                }) as HTMLAttributes<HTMLElement>
              }
            />
          </>
        )}
      </div>
    </Card>
  );
}
