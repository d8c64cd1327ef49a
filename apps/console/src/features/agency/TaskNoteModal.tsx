import { App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { post } from '../../client';
import type { TaskView } from '../../views';
import { delegationChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { tid } from '../../shared/format';

interface NoteValues {
  note?: string;
  blocker?: string;
  clearBlocker?: boolean;
}

/** 备注/阻碍 of a task (POST /tasks/:id/notes): a note, a blocker, or the blocker cleared. */
export function TaskNoteModal({ task, onClose }: { task: TaskView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NoteValues>();
  const clearBlocker = Form.useWatch('clearBlocker', form) as boolean | undefined;
  const { saving, problem, validateAndSubmit } = useFormCommand<NoteValues>(form, {
    send: (v) => {
      const note = v.note?.trim();
      const blocker = v.blocker?.trim();
      return post('agency', '/tasks/{id}/notes', { params: { path: { id: task.id } }, body: { ...(note ? { note } : {}), ...(v.clearBlocker ? { blocker: null } : blocker ? { blocker } : {}) } });
    },
    changes: () => delegationChanges(task.projectId),
    onDone: () => {
      message.success('已记录');
      onClose();
    },
  });

  return (
    <Modal open title={`备注/阻碍 · ${task.title}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void validateAndSubmit()} onCancel={onClose} okButtonProps={tid('note-submit')} destroyOnHidden>
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
