import { Badge, Card, Empty, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Session } from '../../api';
import type { TaskView, WorklistView } from '../../views';
import { PageHeading } from '../../shared/page';
import { READABLE } from '../../shared/theme';
import { ErrorAlert } from '../../shared/errors';
import { useApi } from '../../shared/query';
import { useZones } from '../../shared/zones';
import { useProjectsById } from './projectsById';
import { DeadlineTag, TASK_STATUS_COLOR, useAgents } from './tasks';

type Section = keyof Omit<WorklistView, 'agentId' | 'asOf'>;
const SECTIONS: { key: Section; label: string; empty: string }[] = [
  { key: 'overdue', label: '已超期', empty: '没有超期事项' },
  { key: 'dueToday', label: '今日到期', empty: '今日没有到期事项' },
  { key: 'waitingOnEnterprise', label: '等待企业', empty: '没有等待企业的事项' },
  { key: 'upcoming', label: '其他待办', empty: '没有其他待办事项' },
];

/** 我的工作清单: an agent's open tasks by urgency; a lead may look at its team's agents' (`?agent=<id>`). */
export function WorklistPage({ session }: { session: Session }) {
  const [params, setParams] = useSearchParams();
  const role = session.user.role;
  const mayPick = role !== 'agency-agent';
  const own = role === 'agency-agent' || role === 'agency-supervisor' ? session.user.sub : undefined;
  const agentId = (mayPick ? params.get('agent') : null) ?? own;
  const zone = session.user.zones.length === 1 ? session.user.zones[0] : undefined;
  const { zoneName } = useZones();
  const roster = useAgents(mayPick, zone);
  const worklist = useApi('agency', '/agents/{id}/worklist', agentId ? { path: { id: agentId } } : null);
  const data = worklist.data;
  // The worklist names tasks, not projects: the projects' names come from project-intake, one request per 100 projects.
  const projects = useProjectsById(SECTIONS.flatMap((s) => data?.[s.key] ?? []).map((t) => t.projectId));
  // The first section that has something in it, until the person picks one (for this agent).
  const [picked, setPicked] = useState<{ agentId?: string; tab: string }>();
  const tab = picked && picked.agentId === agentId ? picked.tab : (SECTIONS.find((s) => data?.[s.key].length)?.key ?? 'overdue');

  const agentName = (id: string) => roster.agents?.find((a) => a.id === id)?.name ?? (id === session.user.sub ? session.user.name : id);
  const mine = agentId === session.user.sub;
  const teamCode = roster.agents?.find((a) => a.id === session.user.sub)?.teamCode ?? undefined;
  const choices = (roster.agents ?? []).filter((a) => role !== 'agency-supervisor' || !teamCode || a.teamCode === teamCode || a.id === session.user.sub);

  return (
    <Card
      data-testid="worklist"
      title={<PageHeading title={agentId ? (mine ? '我的工作清单' : `${agentName(agentId)}的工作清单`) : '工作清单'} />}
      extra={
        <Space>
          {data && <Typography.Text type="secondary">截至 {data.asOf}</Typography.Text>}
          {mayPick && (
            <Select
              data-testid="worklist-agent"
              aria-label="选择代办员"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择代办员"
              style={{ width: 240 }}
              loading={roster.loading}
              value={agentId}
              notFoundContent="暂无代办员"
              onChange={(id: string) => setParams(id === own ? {} : { agent: id })}
              options={choices.map((a) => ({ value: a.id, label: `${a.name}${a.id === session.user.sub ? '（本人）' : ''}${zone ? '' : ` · ${zoneName(a.zoneCode)}`}` }))}
            />
          )}
        </Space>
      }
    >
      <ErrorAlert error={worklist.error ?? roster.error} />
      {!agentId ? (
        <Empty description="请选择一位代办员查看其工作清单" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setPicked({ agentId, tab: key })}
          items={SECTIONS.map((s) => ({
            key: s.key,
            label: (
              <span data-testid={`worklist-tab-${s.key}`}>
                {s.label} <Badge count={data?.[s.key].length ?? 0} showZero color={s.key === 'overdue' ? READABLE.red : s.key === 'dueToday' ? READABLE.orange : READABLE.grey} />
              </span>
            ),
            children: (
              <Table<TaskView>
                data-testid={`worklist-${s.key}`}
                rowKey="id"
                size="middle"
                loading={worklist.isFetching}
                dataSource={data?.[s.key] ?? []}
                locale={{ emptyText: s.empty }}
                pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 项` }}
                columns={[
                  {
                    title: '事项',
                    dataIndex: 'title',
                    render: (title: string, t) => (
                      <Space orientation="vertical" size={0}>
                        <Typography.Text strong>{title}</Typography.Text>
                        {t.blocker && <Typography.Text type="danger">阻碍：{t.blocker}</Typography.Text>}
                      </Space>
                    ),
                  },
                  {
                    title: '项目',
                    dataIndex: 'projectId',
                    render: (id: string) => {
                      const p = projects.get(id);
                      return (
                        <Space orientation="vertical" size={0}>
                          <Link to={`/delegations/${id}`}>{p?.name ?? '—'}</Link>
                          {p && <Typography.Text type="secondary">{p.code}</Typography.Text>}
                        </Space>
                      );
                    },
                  },
                  { title: '部门', dataIndex: 'department' },
                  { title: '状态', dataIndex: 'statusName', render: (name: string, t) => <Tag color={TASK_STATUS_COLOR[t.status] ?? 'default'}>{name}</Tag> },
                  { title: '到期日', dataIndex: 'dueOn' },
                  { title: '预警', key: 'rag', render: (_: unknown, t) => <DeadlineTag task={t} /> },
                  {
                    title: '操作',
                    key: 'open',
                    render: (_: unknown, t) => (
                      <Link data-testid={`worklist-open-${t.id}`} to={`/delegations/${t.projectId}`}>
                        查看
                      </Link>
                    ),
                  },
                ]}
              />
            ),
          }))}
        />
      )}
    </Card>
  );
}
