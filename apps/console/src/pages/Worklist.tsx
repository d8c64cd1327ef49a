import { Badge, Card, Empty, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Session } from '../api';
import { ErrorAlert, RagTag, useLoad, useZones } from '../ui';

export interface AgentRow {
  id: string;
  name: string;
  zoneCode: string;
  teamCode: string | null;
  capacity: number;
  active: boolean;
}

export interface TaskView {
  id: string;
  projectId: string;
  delegationId: string;
  source: string;
  title: string;
  department: string;
  materials: string[];
  dueOn: string;
  status: string;
  statusName: string;
  blocker: string | null;
  notes: { on: string; by: string; text: string }[];
  deliveredOn: string | null;
  waitingOnEnterprise: boolean;
  /** An approval task's clock follows its item's: waiting for 受理, running, paused. */
  clock: 'waiting' | 'running' | 'paused';
  rag?: 'red' | 'amber' | 'green';
  workingDaysLeft?: number;
  workingDaysLate?: number;
  overdue?: boolean;
  escalate?: boolean;
}

interface WorklistAnswer {
  agentId: string;
  asOf: string;
  overdue: TaskView[];
  dueToday: TaskView[];
  waitingOnEnterprise: TaskView[];
  upcoming: TaskView[];
}

/** The deadline of an open task, red / amber / green, with the working days. */
export function DeadlineTag({ task }: { task: TaskView }) {
  if (task.clock === 'waiting') return <Tag>待受理，未起算</Tag>;
  if (task.clock === 'paused') return <Tag color="orange">暂停计时</Tag>;
  if (!task.rag) return <Typography.Text type="secondary">—</Typography.Text>;
  const label =
    task.rag === 'red' ? `已超期 ${task.workingDaysLate ?? 0} 个工作日` : task.rag === 'amber' ? (task.workingDaysLeft ? `临近，剩 ${task.workingDaysLeft} 个工作日` : '今日到期') : `剩 ${task.workingDaysLeft ?? 0} 个工作日`;
  return (
    <Space size={4}>
      <RagTag rag={task.rag} label={label} />
      {task.escalate && <Tag color="magenta">已督办</Tag>}
    </Space>
  );
}

export const TASK_STATUS_COLOR: Record<string, string> = {
  PLANNED: 'default',
  COLLECTING_MATERIALS: 'gold',
  SUBMITTED: 'processing',
  ACCEPTED: 'cyan',
  IN_REVIEW: 'blue',
  CORRECTIONS_REQUESTED: 'orange',
  APPROVED: 'lime',
  REFUSED: 'red',
  DELIVERED: 'green',
};

/** The agents a user may pick (a lead its zone's; an admin every zone's). */
export const useAgents = (enabled: boolean, zone?: string) =>
  useLoad(async () => (enabled ? (await api<{ items: AgentRow[] }>('agency', `/agents?pageSize=100${zone ? `&zone=${encodeURIComponent(zone)}` : ''}`)).items : []), [enabled, zone]);

const SECTIONS: { key: keyof Omit<WorklistAnswer, 'agentId' | 'asOf'>; label: string; empty: string }[] = [
  { key: 'overdue', label: '已超期', empty: '没有超期事项' },
  { key: 'dueToday', label: '今日到期', empty: '今日没有到期事项' },
  { key: 'waitingOnEnterprise', label: '等待企业', empty: '没有等待企业的事项' },
  { key: 'upcoming', label: '其他待办', empty: '没有其他待办事项' },
];

/** 我的工作清单: an agent's open tasks by urgency; a lead may look at its team's agents' (`?agent=<id>`). */
export function Worklist({ session }: { session: Session }) {
  const [params, setParams] = useSearchParams();
  const role = session.user.role;
  const isAgent = role === 'agency-agent';
  const mayPick = !isAgent;
  const own = role === 'agency-agent' || role === 'agency-supervisor' ? session.user.sub : undefined;
  const agentId = (mayPick ? params.get('agent') : null) ?? own;
  const zone = session.user.zones.length === 1 ? session.user.zones[0] : undefined;
  const { zoneName } = useZones();
  const agents = useAgents(mayPick, zone);
  const worklist = useLoad(() => (agentId ? api<WorklistAnswer>('agency', `/agents/${encodeURIComponent(agentId)}/worklist`) : Promise.resolve(undefined)), [agentId]);
  const [tab, setTab] = useState<string>('overdue');
  const data = worklist.data;
  // The worklist names tasks, not projects: the projects' names come from project-intake.
  const projectIds = [...new Set(SECTIONS.flatMap((s) => data?.[s.key] ?? []).map((t) => t.projectId))].sort();
  const projects = useLoad(
    async () => new Map((await Promise.all(projectIds.map((id) => api<{ id: string; name: string; code: string }>('project-intake', `/projects/${id}`).catch(() => undefined)))).filter((p) => p !== undefined).map((p) => [p.id, p])),
    [projectIds.join(',')],
  );

  // Open the first section that has something in it.
  useEffect(() => {
    if (data) setTab(SECTIONS.find((s) => data[s.key].length)?.key ?? 'overdue');
  }, [data]);

  const agentName = (id: string) => agents.data?.find((a) => a.id === id)?.name ?? (id === session.user.sub ? session.user.name : id);
  const mine = agentId === session.user.sub;
  const teamCode = agents.data?.find((a) => a.id === session.user.sub)?.teamCode ?? undefined;
  const choices = (agents.data ?? []).filter((a) => role !== 'agency-supervisor' || !teamCode || a.teamCode === teamCode || a.id === session.user.sub);

  return (
    <Card
      data-testid="worklist"
      title={agentId ? (mine ? '我的工作清单' : `${agentName(agentId)}的工作清单`) : '工作清单'}
      extra={
        <Space>
          {data && <Typography.Text type="secondary">截至 {data.asOf}</Typography.Text>}
          {mayPick && (
            <Select
              data-testid="worklist-agent"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择代办员"
              style={{ width: 240 }}
              loading={agents.loading}
              value={agentId}
              notFoundContent="暂无代办员"
              onChange={(id: string) => setParams(id === own ? {} : { agent: id })}
              options={choices.map((a) => ({ value: a.id, label: `${a.name}${a.id === session.user.sub ? '（本人）' : ''}${zone ? '' : ` · ${zoneName(a.zoneCode)}`}` }))}
            />
          )}
        </Space>
      }
    >
      <ErrorAlert error={worklist.error ?? agents.error} />
      {!agentId ? (
        <Empty description="请选择一位代办员查看其工作清单" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={SECTIONS.map((s) => ({
            key: s.key,
            label: (
              <span data-testid={`worklist-tab-${s.key}`}>
                {s.label} <Badge count={data?.[s.key].length ?? 0} showZero color={s.key === 'overdue' ? 'red' : s.key === 'dueToday' ? 'orange' : '#8c8c8c'} />
              </span>
            ),
            children: (
              <Table<TaskView>
                data-testid={`worklist-${s.key}`}
                rowKey="id"
                size="middle"
                loading={worklist.loading}
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
                      const p = projects.data?.get(id);
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
