import { App, Form, Modal, Select, Typography } from 'antd';
import { post } from '../../client';
import type { AgentView, DelegationView } from '../../views';
import { delegationChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { conflictReasons, errorText } from '../../shared/errors';
import { tid } from '../../shared/format';

/** 改派代办员: a team lead moves the delegation to another agent of its zone (the history is kept). */
export function ReassignModal({ delegation, agents, onClose }: { delegation: DelegationView; agents: AgentView[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ agentId: string }>();
  const { saving, problem, validateAndSubmit } = useFormCommand<{ agentId: string }>(form, {
    send: ({ agentId }) => post('agency', '/delegations/{id}/assign', { params: { path: { id: delegation.id } }, body: { agentId } }),
    changes: () => delegationChanges(delegation.projectId),
    // A refusal (409: not an active agent of the zone …) belongs to the agent picked.
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
    <Modal open title={`改派代办员 · ${delegation.authorizationNumber}`} okText="确认改派" cancelText="取消" confirmLoading={saving} onOk={() => void validateAndSubmit()} onCancel={onClose} okButtonProps={tid('reassign-confirm')} destroyOnHidden>
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
