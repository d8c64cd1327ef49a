import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { post } from '../../client';
import type { ProjectAction, ProjectView } from '../../views';
import { projectChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { ReportButtons, reportsOf } from './ReportForm';

type OfficerAction = Extract<ProjectAction, 'suspend' | 'resume' | 'terminate'>;
const OFFICER_ACTIONS: OfficerAction[] = ['suspend', 'resume', 'terminate'];
const OFFICER_ACTION: Record<OfficerAction, { label: string; title: string; done: string }> = {
  suspend: { label: '暂停', title: '暂停项目', done: '项目已暂停' },
  resume: { label: '恢复', title: '恢复项目', done: '项目已恢复' },
  terminate: { label: '终止', title: '终止项目', done: '项目已终止' },
};

function ReasonForm({ p, action, onDone, onCancel }: { p: ProjectView; action: OfficerAction; onDone: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, problem, submit } = useFormCommand<{ reason: string }>(form, {
    send: ({ reason }) => post('project-intake', `/projects/{id}/${action}` as const, { params: { path: { id: p.id } }, body: { reason } }),
    changes: () => projectChanges(p.id),
    onDone: () => {
      message.success(OFFICER_ACTION[action].done);
      onDone();
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      {action === 'terminate' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="终止后项目不能恢复，其审批案件将被撤销。" />}
      <Problems problems={problem ? [problem] : []} />
      <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请说明原因' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：企业资金未到位，暂缓建设" />
      </Form.Item>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" danger={action !== 'resume'} htmlType="submit" loading={saving} data-testid="submit-reason">
          确认{OFFICER_ACTION[action].label}
        </Button>
      </Space>
    </Form>
  );
}

/**
 * The project commands the user may take now, in the overview's corner: 暂停 / 恢复 / 终止
 * (officers), and the progress reports for anyone but the enterprise (whose to-do card has them).
 */
export function ProjectActions({ p, reports }: { p: ProjectView; reports: boolean }) {
  const [action, setAction] = useState<OfficerAction>();
  const shown = OFFICER_ACTIONS.filter((a) => p.actions.includes(a));
  if (!shown.length && !(reports && reportsOf(p).length)) return null;
  return (
    <Space wrap>
      {reports && <ReportButtons p={p} permit={null} size="small" />}
      {shown.map((a) => (
        <Button key={a} size="small" danger={a === 'terminate'} data-testid={`project-${a}`} onClick={() => setAction(a)}>
          {OFFICER_ACTION[a].label}
        </Button>
      ))}
      <Modal open={!!action} title={action ? OFFICER_ACTION[action].title : ''} footer={null} destroyOnHidden onCancel={() => setAction(undefined)}>
        {action && <ReasonForm p={p} action={action} onCancel={() => setAction(undefined)} onDone={() => setAction(undefined)} />}
      </Modal>
    </Space>
  );
}
