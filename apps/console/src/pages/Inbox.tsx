import { App, Badge, Button, Card, Empty, Space, Spin, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { ErrorAlert, errorText, localTime, PagedTable, useLoad } from '../ui';

/** One message of GET notifications /me/inbox. */
interface Message {
  id: string;
  eventType: string;
  projectId: string | null;
  urgent: boolean;
  subject: string;
  text: string;
  readAt: string | null;
  createdAt: string;
}


/** 我的消息: the signed-in user's inbox in the notifications service. */
export function Inbox() {
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<string>();
  const refresh = () => setVersion((v) => v + 1);

  const count = useLoad(() => api<{ unread: number }>('notifications', '/me/inbox/unread-count'), [version]);

  const markRead = async (id: string) => {
    setBusy(id);
    try {
      await api('notifications', `/me/inbox/${encodeURIComponent(id)}/read`, { method: 'POST' });
      refresh();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };
  const markAllRead = async () => {
    setBusy('all');
    try {
      await api('notifications', '/me/inbox/read-all', { method: 'POST' });
      message.success('已全部标为已读');
      refresh();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const columns: TableColumnsType<Message> = [
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
        m.readAt ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Button size="small" data-testid="inbox-read" loading={busy === m.id} onClick={() => void markRead(m.id)}>
            标为已读
          </Button>
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
            <Button data-testid="inbox-read-all" disabled={!unread} loading={busy === 'all'} onClick={() => void markAllRead()}>
              全部已读
            </Button>
        </Space>
      }
    >
      <div data-testid="inbox-list">
        <ErrorAlert error={count.error} />
        {count.data === undefined && count.loading ? (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{unread ? `共有 ${unread} 条未读消息` : '没有未读消息'}</Typography.Paragraph>
            <PagedTable<Message>
              key={String(unreadOnly)}
              deps={[unreadOnly, version]}
              fetchPage={(page, pageSize) =>
                api<{ items: Message[]; total: number }>('notifications', `/me/inbox?page=${page}&pageSize=${pageSize}${unreadOnly ? '&unread=true' : ''}`)
              }
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
