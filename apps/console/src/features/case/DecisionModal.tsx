import { App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CaseItemView, CaseView } from '../../views';
import { caseChanges } from '../../shared/changes';
import { onFields, useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { chinaToday, tid, ymd } from '../../shared/format';
import { itemPath, postToCase } from '../../shared/cases';

export type DecisionKind = 'grant-with-missing-documents' | 'request-corrections' | 'reject';
export const DECISION_ZH: Record<DecisionKind | 'grant', string> = { grant: '准予', 'grant-with-missing-documents': '容缺准予', 'request-corrections': '要求补正', reject: '不予许可' };
const DECISION_DONE_ZH: Record<DecisionKind, string> = { 'grant-with-missing-documents': '已容缺准予', 'request-corrections': '已要求补正（暂停计时）', reject: '已决定不予许可' };

interface DecisionValues {
  missingDocuments?: string[];
  supplyBy?: Dayjs | null;
  reason?: string;
}

/** 容缺准予 / 要求补正 / 不予许可 for one item. */
export function DecisionModal({ c, kind, item, maxWorkingDays, onClose }: { c: CaseView; kind: DecisionKind; item: CaseItemView; maxWorkingDays?: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const today = chinaToday();
  const { saving, problems, validateAndSubmit } = useFormCommand<DecisionValues>(form, {
    send: (v) =>
      postToCase(c, itemPath(item.itemCode, 'decision'), kind === 'grant-with-missing-documents' ? { decision: kind, missingDocuments: v.missingDocuments, supplyBy: ymd(v.supplyBy) } : { decision: kind, reason: v.reason?.trim() }),
    changes: () => caseChanges(c),
    rename: onFields(['missingDocuments', 'supplyBy', 'reason']),
    onDone: () => {
      message.success(`${DECISION_DONE_ZH[kind]}：${item.name}`);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`${DECISION_ZH[kind]} · ${item.itemCode} ${item.name}`}
      okText={`确认${DECISION_ZH[kind]}`}
      cancelText="取消"
      okButtonProps={{ ...tid('decision-submit'), danger: kind === 'reject', loading: saving }}
      onOk={() => void validateAndSubmit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Problems problems={problems} />
      <Form form={form} layout="vertical" preserve={false}>
        {kind === 'grant-with-missing-documents' ? (
          <>
            <Form.Item name="missingDocuments" label="容缺的材料" rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一项容缺的材料' }]} extra="仅容缺目录内的材料可以后补。">
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="decision-missing-documents">
                {item.documents.map((d) => (
                  <Checkbox key={d.code} value={d.code} disabled={!d.tolerable} data-testid={`missing-${d.code}`}>
                    {d.code} {d.name}
                    {!d.tolerable && <Typography.Text type="secondary">（不可容缺）</Typography.Text>}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="supplyBy" label="补交期限" rules={[{ required: true, message: '请选择补交期限' }]} extra={maxWorkingDays ? `自今日起不超过 ${maxWorkingDays} 个工作日` : undefined}>
              <DatePicker placeholder="选择补交期限" disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="decision-supply-by" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={kind === 'reject' ? '不予许可的理由' : '须补正的内容'}
            rules={[
              { required: true, whitespace: true, message: kind === 'reject' ? '请填写不予许可的理由' : '请填写须补正的内容' },
              { max: 1000, message: '不超过 1000 字' },
            ]}
          >
            <Input.TextArea rows={4} showCount maxLength={1000} placeholder={kind === 'reject' ? '依据及理由' : '列明须补正的材料或内容'} data-testid="decision-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
