import { App, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { post } from '../../client';
import type { AgentView, DelegationView } from '../../views';
import { delegationChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { conflictReasons, ErrorAlert, errorText } from '../../shared/errors';
import { tid } from '../../shared/format';
import { useAgents } from './tasks';
import { byLoad, leastLoaded, REASON_LENGTH, reasonLength, SPECIALITY_ZH } from './workload';

interface ReassignValues {
  agentId: string;
  reason: string;
}

/** The zone's agents with their speciality and load, least loaded first; one is picked (never the current agent). */
function AgentPicker({ agents, loading, currentAgentId, value, onChange }: { agents: AgentView[]; loading: boolean; currentAgentId: string | null; value?: string; onChange?: (id: string) => void }) {
  const lightest = leastLoaded(agents, currentAgentId);
  const pick = (a: AgentView) => a.id !== currentAgentId && onChange?.(a.id);
  return (
    <div data-testid="reassign-agent">
      <Table<AgentView>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        scroll={{ x: 600, y: 320 }}
        dataSource={byLoad(agents)}
        locale={{ emptyText: '本开发区暂无可选代办员' }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: value ? [value] : [],
          onChange: (keys) => keys[0] !== undefined && onChange?.(String(keys[0])),
          getCheckboxProps: (a) => ({ disabled: a.id === currentAgentId, 'aria-label': `选择${a.name}` }),
        }}
        onRow={(a) => ({ onClick: () => pick(a), style: { cursor: a.id === currentAgentId ? 'default' : 'pointer' }, 'data-testid': `reassign-agent-${a.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '代办员',
            key: 'name',
            render: (_: unknown, a) => (
              <Space size={4} wrap>
                <Typography.Text strong>{a.name}</Typography.Text>
                {a.id === currentAgentId && <Tag>当前</Tag>}
                {a.id === lightest?.id && (
                  <Tag color="green" data-testid="reassign-least-loaded">
                    负荷最低
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: '专长', dataIndex: 'specialities', render: (s: AgentView['specialities']) => s.map((x) => <Tag key={x}>{SPECIALITY_ZH[x] ?? x}</Tag>) },
          { title: '在办委托', dataIndex: 'openDelegations', align: 'right', width: 80 },
          { title: '在办事项 / 容量', key: 'tasks', align: 'right', width: 120, render: (_: unknown, a) => <Typography.Text type={a.openTasks >= a.capacity ? 'danger' : undefined}>{`${a.openTasks} / ${a.capacity}`}</Typography.Text> },
          { title: '已超期', dataIndex: 'overdueTasks', align: 'right', width: 80, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
        ]}
      />
    </div>
  );
}

/** 改派代办员: a team lead moves the delegation to another agent of its zone, seeing each one's load, and says why (the history keeps it). */
export function ReassignModal({ delegation, onClose }: { delegation: DelegationView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReassignValues>();
  // Asked again on opening: the loads as they are now.
  const roster = useAgents(true, delegation.zoneCode);
  const agents = (roster.agents ?? []).filter((a) => a.zoneCode === delegation.zoneCode && a.active);
  const { saving, problem, validateAndSubmit } = useFormCommand<ReassignValues>(form, {
    send: ({ agentId, reason }) => post('agency', '/delegations/{id}/assign', { params: { path: { id: delegation.id } }, body: { agentId, reason: reason.trim() } }),
    changes: () => delegationChanges(delegation.projectId),
    // A refusal (409: the same agent …) belongs to the agent picked.
    refusal: (e) => {
      if (!conflictReasons(e)) return null;
      form.setFields([{ name: 'agentId', errors: [errorText(e)] }]);
      return [];
    },
    onDone: (_r, v) => {
      message.success(`已改派给 ${agents.find((a) => a.id === v.agentId)?.name ?? v.agentId}`);
      onClose();
    },
  });

  return (
    <Modal
      open
      width={760}
      title={`改派代办员 · ${delegation.authorizationNumber}`}
      okText="确认改派"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void validateAndSubmit()}
      onCancel={onClose}
      okButtonProps={tid('reassign-confirm')}
      destroyOnHidden
    >
      <ErrorAlert error={roster.error} />
      <Form form={form} layout="vertical" data-testid="reassign-form">
        <Form.Item name="agentId" label="代办员（按负荷由低到高）" rules={[{ required: true, message: '请选择代办员' }]}>
          <AgentPicker agents={agents} loading={roster.loading} currentAgentId={delegation.agentId} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="改派原因"
          extra="记入指派记录，委托页可见"
          rules={[
            { required: true, whitespace: true, message: '请填写改派原因' },
            {
              validator: (_r, value: string | undefined) => {
                const n = reasonLength(value);
                if (!n) return Promise.resolve(); // the rule above says so
                if (n < REASON_LENGTH.min) return Promise.reject(new Error(`改派原因至少 ${REASON_LENGTH.min} 个字`));
                if (n > REASON_LENGTH.max) return Promise.reject(new Error(`改派原因不超过 ${REASON_LENGTH.max} 个字`));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea data-testid="reassign-reason" rows={3} showCount maxLength={REASON_LENGTH.max} placeholder="如 原代办员休假两周，改由熟悉该项目的代办员接手" />
        </Form.Item>
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}
