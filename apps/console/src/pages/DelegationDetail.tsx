import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Pagination, Popconfirm, Progress, Rate, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Json, type Session } from '../api';
import { ErrorAlert, errorText, placeIssues, useLoad, useSend } from '../ui';
import { DeadlineTag, TASK_STATUS_COLOR, useAgents, type TaskView } from './Worklist';

interface Assignment {
  id: string;
  agentId: string;
  assignedOn: string;
  assignedBy: 'auto' | 'lead';
  actorId: string;
  endedOn: string | null;
}

interface Delegation {
  id: string;
  projectId: string;
  zoneCode: string;
  status: 'OPEN' | 'CLOSED';
  scope: string[];
  authorizationNumber: string;
  openedOn: string;
  closedOn: string | null;
  agentId: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedOn: string | null;
  assignments: Assignment[];
  tasks: TaskView[];
}

type Action = 'START' | 'SUBMIT' | 'ACCEPT' | 'REVIEW' | 'REQUEST_CORRECTIONS' | 'APPROVE' | 'REFUSE' | 'DELIVER';

/** What the agent may do from each status (apps/agency/src/domain/task.state-machine.ts, TASK_TRANSITIONS without COMPLETE). */
const ACTIONS: { action: Action; label: string; from: string[]; primary?: boolean; danger?: boolean }[] = [
  { action: 'START', label: '开始收集材料', from: ['PLANNED'] },
  { action: 'SUBMIT', label: '提交', from: ['PLANNED', 'COLLECTING_MATERIALS', 'CORRECTIONS_REQUESTED'], primary: true },
  { action: 'ACCEPT', label: '登记受理', from: ['SUBMITTED'], primary: true },
  { action: 'REVIEW', label: '进入审查', from: ['ACCEPTED'] },
  { action: 'REQUEST_CORRECTIONS', label: '登记补正', from: ['SUBMITTED', 'ACCEPTED', 'IN_REVIEW'] },
  { action: 'APPROVE', label: '登记批准', from: ['ACCEPTED', 'IN_REVIEW'], primary: true },
  { action: 'REFUSE', label: '登记不予批准', from: ['SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'CORRECTIONS_REQUESTED'], danger: true },
  { action: 'DELIVER', label: '送达', from: ['APPROVED'], primary: true },
];

const SCOPE_ZH: Record<string, string> = { approval: '审批事项代办', utilities: '水电气讯接入', land: '标准地出让' };
const SOURCE_ZH: Record<string, string> = { approval: '审批事项', utility: '市政配套', land: '用地' };
const DELEGATION_STATUS: Record<string, [string, string]> = { OPEN: ['processing', '办理中'], CLOSED: ['success', '已办结'] };

/** 全代办 delegation of a project: the agent, its history, and the task plan with what may be done next. */
export function DelegationDetail({ session }: { session: Session }) {
  const { projectId = '' } = useParams();
  const { message } = App.useApp();
  const delegation = useLoad(() => api<Delegation>('agency', `/projects/${projectId}/delegation`), [projectId]);
  const project = useLoad(() => api<Json>('project-intake', `/projects/${projectId}`).catch(() => null), [projectId]);
  const d = delegation.data;
  const role = session.user.role;
  const isLead = role === 'agency-supervisor' || role === 'admin';
  const agents = useAgents(role !== 'enterprise' && !!d, d?.zoneCode);
  const [busy, setBusy] = useState<string>();
  const [noting, setNoting] = useState<TaskView>();
  const [reassigning, setReassigning] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);

  if (delegation.loading && !d) return <Card title="全代办委托" loading />;
  if (!d)
    return (
      <Card title="全代办委托">
        <ErrorAlert error={delegation.error} />
        <Link to="/worklist">返回工作清单</Link>
      </Card>
    );

  const canWork = d.status === 'OPEN' && (isLead || (role === 'agency-agent' && d.agentId === session.user.sub));
  const agentName = (id: string | null) => (id ? (agents.data?.find((a) => a.id === id)?.name ?? (id === session.user.sub ? session.user.name : id)) : '未指派');
  const done = d.tasks.filter((t) => t.status === 'DELIVERED' || t.status === 'REFUSED').length;
  const tasks = d.tasks.slice((page - 1) * pageSize, page * pageSize);

  const act = async (task: TaskView, action: Action) => {
    setBusy(`${task.id}-${action}`);
    try {
      const moved = await api<TaskView>('agency', `/tasks/${task.id}/actions`, { body: { action } });
      message.success(`${task.title}：${ACTIONS.find((a) => a.action === action)?.label ?? ''}成功${moved?.statusName ? `，当前为“${moved.statusName}”` : ''}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
      delegation.reload();
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="delegation">
      <Card
        title={
          <Space>
            <span>全代办委托 {d.authorizationNumber}</span>
            <Tag color={DELEGATION_STATUS[d.status]?.[0]}>{DELEGATION_STATUS[d.status]?.[1] ?? d.status}</Tag>
          </Space>
        }
        extra={
          <Space>
            {isLead && d.status === 'OPEN' && (
              <Button data-testid="reassign" onClick={() => setReassigning(true)}>
                改派
              </Button>
            )}
            <Link to={`/projects/${d.projectId}`}>项目详情</Link>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'project', label: '项目', children: project.data?.name ?? '—' },
            { key: 'enterprise', label: '企业', children: project.data?.enterprise?.name ?? '—' },
            { key: 'number', label: '委托编号', children: d.authorizationNumber },
            { key: 'scope', label: '代办范围', children: d.scope.map((s) => <Tag key={s}>{SCOPE_ZH[s] ?? s}</Tag>) },
            { key: 'agent', label: '代办员', children: <span data-testid="delegation-agent">{agentName(d.agentId)}</span> },
            { key: 'opened', label: '委托日期', children: d.openedOn },
            ...(d.closedOn ? [{ key: 'closed', label: '办结日期', children: d.closedOn }] : []),
            {
              key: 'progress',
              label: '办理进度',
              children: <Progress percent={d.tasks.length ? Math.round((done / d.tasks.length) * 100) : 0} size="small" format={() => `${done}/${d.tasks.length}`} style={{ width: 200 }} />,
            },
            ...(d.rating !== null
              ? [{ key: 'rating', label: '企业评价', children: <Space><Rate disabled value={d.rating} />{d.ratingComment && <Typography.Text type="secondary">{d.ratingComment}</Typography.Text>}</Space> }]
              : []),
          ]}
        />
      </Card>

      <Card title="代办事项" data-testid="task-plan">
        <ErrorAlert error={delegation.error} />
        {d.tasks.length === 0 ? (
          <Empty description="尚未生成代办事项" />
        ) : (
          <>
            <Timeline
              items={tasks.map((t) => ({
                key: t.id,
                color: t.status === 'DELIVERED' ? 'green' : t.status === 'REFUSED' ? 'gray' : t.rag === 'red' ? 'red' : t.rag === 'amber' ? 'orange' : 'blue',
                content: (
                  <div data-testid={`task-${t.id}`} style={{ paddingBottom: 8 }}>
                    <Space wrap size={8}>
                      <Typography.Text strong>{t.title}</Typography.Text>
                      <Tag>{SOURCE_ZH[t.source] ?? t.source}</Tag>
                      <Typography.Text type="secondary">{t.department}</Typography.Text>
                      <Tag color={TASK_STATUS_COLOR[t.status] ?? 'default'} data-testid={`task-status-${t.id}`}>
                        {t.statusName}
                      </Tag>
                    </Space>
                    <div style={{ marginTop: 4 }}>
                      <Space wrap size={8}>
                        <Typography.Text>到期日：{t.dueOn}</Typography.Text>
                        {t.deliveredOn ? <Typography.Text type="secondary">送达日：{t.deliveredOn}</Typography.Text> : <DeadlineTag task={t} />}
                      </Space>
                    </div>
                    {t.materials.length > 0 && (
                      <div style={{ marginTop: 4 }}>
                        <Typography.Text type="secondary">材料：</Typography.Text>
                        {t.materials.map((m) => (
                          <Tag key={m} bordered={false}>
                            {m}
                          </Tag>
                        ))}
                      </div>
                    )}
                    {t.blocker && <Alert type="warning" showIcon style={{ marginTop: 6, padding: '2px 8px' }} title={`阻碍：${t.blocker}`} />}
                    {t.notes.length > 0 && (
                      <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
                        {t.notes.slice(-5).map((n, i) => (
                          <li key={`${n.on}-${i}`}>
                            <Typography.Text type="secondary">
                              {n.on} {agentName(n.by)}：
                            </Typography.Text>
                            {n.text}
                          </li>
                        ))}
                      </ul>
                    )}
                    {canWork && (
                      <Space wrap size={6} style={{ marginTop: 8 }}>
                        {ACTIONS.filter((a) => a.from.includes(t.status)).map((a) =>
                          a.danger ? (
                            <Popconfirm key={a.action} title={`确认${a.label}？`} description="该事项将办结，不能再变更。" okText="确认" cancelText="取消" onConfirm={() => void act(t, a.action)}>
                              <Button size="small" danger data-testid={`action-${t.id}-${a.action}`} loading={busy === `${t.id}-${a.action}`}>
                                {a.label}
                              </Button>
                            </Popconfirm>
                          ) : (
                            <Button
                              key={a.action}
                              size="small"
                              type={a.primary ? 'primary' : 'default'}
                              data-testid={`action-${t.id}-${a.action}`}
                              loading={busy === `${t.id}-${a.action}`}
                              disabled={!!busy && busy !== `${t.id}-${a.action}`}
                              onClick={() => void act(t, a.action)}
                            >
                              {a.label}
                            </Button>
                          ),
                        )}
                        {t.status !== 'DELIVERED' && t.status !== 'REFUSED' && (
                          <Button size="small" type="dashed" data-testid={`note-${t.id}`} onClick={() => setNoting(t)}>
                            备注/阻碍
                          </Button>
                        )}
                      </Space>
                    )}
                  </div>
                ),
              }))}
            />
            <Pagination
              size="small"
              align="end"
              current={page}
              pageSize={pageSize}
              total={d.tasks.length}
              showSizeChanger
              pageSizeOptions={[10, 20, 50]}
              showTotal={(total) => `共 ${total} 项事项`}
              onChange={(p, s) => (setPage(p), setPageSize(s))}
            />
          </>
        )}
      </Card>

      <Card title="指派记录" data-testid="assignments">
        <Table<Assignment>
          rowKey="id"
          size="small"
          dataSource={[...d.assignments].reverse()}
          locale={{ emptyText: '暂无指派记录' }}
          pagination={{ pageSize: 5, hideOnSinglePage: false, showTotal: (t) => `共 ${t} 条` }}
          columns={[
            { title: '代办员', dataIndex: 'agentId', render: (id: string) => agentName(id) },
            { title: '指派日期', dataIndex: 'assignedOn' },
            { title: '方式', dataIndex: 'assignedBy', render: (by: string) => (by === 'auto' ? <Tag>系统自动分派</Tag> : <Tag color="blue">负责人指派</Tag>) },
            { title: '操作人', dataIndex: 'actorId', render: (id: string, a) => (a.assignedBy === 'auto' ? '系统' : agentName(id)) },
            { title: '结束日期', dataIndex: 'endedOn', render: (e: string | null) => e ?? <Tag color="green">当前</Tag> },
          ]}
        />
      </Card>

      {noting && (
        <NoteModal
          task={noting}
          onClose={(saved) => {
            setNoting(undefined);
            if (saved) delegation.reload();
          }}
        />
      )}
      {reassigning && (
        <ReassignModal
          delegation={d}
          agents={(agents.data ?? []).filter((a) => a.zoneCode === d.zoneCode && a.active)}
          onClose={(saved) => {
            setReassigning(false);
            if (saved) delegation.reload();
          }}
        />
      )}
    </Space>
  );
}

function NoteModal({ task, onClose }: { task: TaskView; onClose: (saved: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; blocker?: string; clearBlocker?: boolean }>();
  const clearBlocker = Form.useWatch('clearBlocker', form) as boolean | undefined;
  const { saving, problem, send } = useSend(form);

  const submit = async () => {
    let v: { note?: string; blocker?: string; clearBlocker?: boolean };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const note = v.note?.trim();
    const blocker = v.blocker?.trim();
    const body = { ...(note ? { note } : {}), ...(v.clearBlocker ? { blocker: null } : blocker ? { blocker } : {}) };
    if (!(await send(() => api('agency', `/tasks/${task.id}/notes`, { body })))) return;
    message.success('已记录');
    onClose(true);
  };

  return (
    <Modal open title={`备注/阻碍 · ${task.title}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={() => onClose(false)} okButtonProps={{ 'data-testid': 'note-submit' } as Json} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="note-form">
        <Form.Item
          name="note"
          label="备注"
          rules={[
            { max: 1000, message: '备注不超过 1000 个字符' },
            {
              validator: (_r, value: string | undefined) =>
                value?.trim() || form.getFieldValue('blocker')?.trim() || form.getFieldValue('clearBlocker') ? Promise.resolve() : Promise.reject(new Error('请填写备注或阻碍')),
            },
          ]}
          dependencies={['blocker', 'clearBlocker']}
        >
          <Input.TextArea rows={3} placeholder="如 已电话联系企业补充材料" showCount maxLength={1000} />
        </Form.Item>
        <Form.Item name="blocker" label="阻碍" extra={task.blocker ? `当前阻碍：${task.blocker}` : '记录阻碍办理的问题，督办时可见'} rules={[{ max: 500, message: '阻碍不超过 500 个字符' }]}>
          <Input.TextArea rows={2} disabled={!!clearBlocker} placeholder="如 企业尚未取得施工合同" showCount maxLength={500} />
        </Form.Item>
        {task.blocker && (
          <Form.Item name="clearBlocker" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>阻碍已解除（清除阻碍）</Checkbox>
          </Form.Item>
        )}
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}

function ReassignModal({ delegation, agents, onClose }: { delegation: Delegation; agents: { id: string; name: string; teamCode: string | null }[]; onClose: (saved: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ agentId: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async () => {
    let v: { agentId: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setProblem(undefined);
    try {
      await api('agency', `/delegations/${delegation.id}/assign`, { body: { agentId: v.agentId } });
      message.success(`已改派给 ${agents.find((a) => a.id === v.agentId)?.name ?? v.agentId}`);
      onClose(true);
    } catch (e) {
      const left = placeIssues(form, e);
      if (left === null) {
        if (e instanceof ApiError && e.status === 409) form.setFields([{ name: 'agentId', errors: [errorText(e)] }]);
        else setProblem(errorText(e));
      } else if (left.length) setProblem(left.join('；'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`改派代办员 · ${delegation.authorizationNumber}`} okText="确认改派" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={() => onClose(false)} okButtonProps={{ 'data-testid': 'reassign-confirm' } as Json} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ agentId: delegation.agentId ?? undefined }}>
        <Form.Item name="agentId" label="代办员" rules={[{ required: true, message: '请选择代办员' }]}>
          <Select
            data-testid="reassign-agent"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择本开发区的代办员"
            notFoundContent="暂无可选代办员"
            options={agents.map((a) => ({ value: a.id, label: `${a.name}${a.id === delegation.agentId ? '（当前）' : ''}` }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          改派后原代办员的指派记录将保留在指派记录中。
        </Typography.Paragraph>
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}
