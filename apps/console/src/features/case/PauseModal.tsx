import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import type { CaseItemView, CaseView, PauseRequest } from '../../views';
import { caseChanges } from '../../shared/changes';
import { onFields, useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { tid } from '../../shared/format';
import { itemPath, postToCase } from '../../shared/cases';

const PAUSABLE = [
  { value: 'hearing', label: '听证' },
  { value: 'testing', label: '检验检测' },
  { value: 'expert-review', label: '专家评审' },
] as const;

/** 暂停计时: a hearing, testing or an expert review (the time is not counted; 补正 is a decision, publicity follows the case). */
export function PauseModal({ c, item, onClose }: { c: CaseView; item: CaseItemView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: PauseRequest['reason']; note?: string }>();
  const { saving, problems, validateAndSubmit } = useFormCommand<{ reason: PauseRequest['reason']; note?: string }>(form, {
    send: (v) => postToCase(c, itemPath(item.itemCode, 'pause'), { reason: v.reason, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }),
    changes: () => caseChanges(c),
    rename: onFields(['reason', 'note']),
    onDone: () => {
      message.success(`已暂停计时：${item.name}`);
      onClose();
    },
  });
  return (
    <Modal open title={`暂停计时 · ${item.itemCode} ${item.name}`} okText="确认暂停" cancelText="取消" okButtonProps={{ ...tid('pause-submit'), loading: saving }} onOk={() => void validateAndSubmit()} onCancel={onClose} destroyOnHidden>
      <Problems problems={problems} />
      <Typography.Paragraph type="secondary">依《行政许可法》第四十五条，听证、检验、检测、专家评审所需时间不计入办理期限；恢复计时后办结日按暂停的工作日顺延。</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="暂停原因" rules={[{ required: true, message: '请选择暂停原因' }]}>
          <Radio.Group data-testid="pause-reason">
            {PAUSABLE.map((r) => (
              <Radio key={r.value} value={r.value} data-testid={`pause-reason-${r.value}`}>
                {r.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input.TextArea rows={3} showCount maxLength={500} placeholder="如：委托第三方开展专家评审" data-testid="pause-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
