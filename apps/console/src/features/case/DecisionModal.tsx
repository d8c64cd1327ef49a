import { Checkbox, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CaseItemView, CaseView } from '../../views';
import { chinaToday, ymd } from '../../shared/format';
import { itemPath, postToCase } from '../../shared/cases';
import { ActModal, Facts } from './ActModal';

export type DecisionKind = 'grant' | 'grant-with-missing-documents' | 'request-corrections' | 'reject';
export const DECISION_ZH: Record<DecisionKind, string> = { grant: '准予', 'grant-with-missing-documents': '容缺准予', 'request-corrections': '要求补正', reject: '不予许可' };
const DECISION_DONE_ZH: Record<DecisionKind, string> = { grant: '已准予', 'grant-with-missing-documents': '已容缺准予', 'request-corrections': '已要求补正（暂停计时）', reject: '已决定不予许可' };

interface DecisionValues {
  missingDocuments?: string[];
  supplyBy?: Dayjs | null;
  reason?: string;
}

/** What the decision does besides itself: the 批复 once it is the last item, the clock stopping for 补正, the application ending. */
function consequence(c: CaseView, kind: DecisionKind, item: CaseItemView): string {
  if (kind === 'request-corrections') return '要求补正后暂停计时，企业补正并重新提交后恢复计时，办结日顺延。';
  if (kind === 'reject') return item.status === 'APPLIED' ? '不予受理：本次申请终结。' : '不予许可：本事项在本案件中办结，不能再次申请。';
  const waiting = c.items.filter((i) => i.itemCode !== item.itemCode && !['GRANTED', 'GRANTED_PENDING_DOCUMENTS', 'COMMITTED'].includes(i.status));
  const batch = c.status === 'DECIDING' && !waiting.length ? '这是最后一项待决定的事项：准予后案件自动批复（出具批复决定书），承诺事项一并准予。' : `准予后，其余 ${waiting.length} 项事项办结且案件进入审批决定阶段时自动批复。`;
  return kind === 'grant-with-missing-documents' ? `容缺准予：企业须在补交期限内补交所选材料，逾期记入一般失信记录。${batch}` : batch;
}

/** 准予 / 容缺准予 / 要求补正 / 不予许可 (不予受理 before 受理) of one item: what is decided, on what, and the 审查意见; confirmed, then sent. */
export function DecisionModal({ c, kind, item, maxWorkingDays, onClose }: { c: CaseView; kind: DecisionKind; item: CaseItemView; maxWorkingDays?: number; onClose: () => void }) {
  const today = chinaToday();
  const name = kind === 'reject' && item.status === 'APPLIED' ? '不予受理' : DECISION_ZH[kind];
  return (
    <ActModal<DecisionValues>
      c={c}
      title={`${name} · ${item.itemCode} ${item.name}`}
      okText={`确认${name}`}
      danger={kind === 'reject'}
      fields={['missingDocuments', 'supplyBy', 'reason']}
      warning={consequence(c, kind, item)}
      preview={
        <Facts
          items={[
            { key: 'decision', label: '决定', children: <Typography.Text strong>{name}</Typography.Text> },
            { key: 'item', label: '事项', children: `${item.itemCode} ${item.name}` },
            { key: 'department', label: '办理部门', children: item.department },
            { key: 'procedure', label: '办理方式', children: item.procedureName },
            { key: 'enterprise', label: '申请企业', children: `${c.enterpriseName}（${c.creditCode}）` },
            { key: 'project', label: '项目', children: `${c.projectName}（${c.projectCode}）` },
            ...(item.acceptedOn ? [{ key: 'accepted', label: '受理日期', children: `${item.acceptedOn}${item.promisedDueOn ? `，承诺办结日 ${item.promisedDueOn}` : ''}` }] : []),
          ]}
        />
      }
      send={(v) =>
        postToCase(
          c,
          itemPath(item.itemCode, 'decision'),
          kind === 'grant'
            ? { decision: kind, opinion: v.opinion }
            : kind === 'grant-with-missing-documents'
              ? { decision: kind, missingDocuments: v.missingDocuments, supplyBy: ymd(v.supplyBy), opinion: v.opinion }
              : { decision: kind, reason: v.reason?.trim(), opinion: v.opinion },
        )
      }
      done={`${DECISION_DONE_ZH[kind]}：${item.name}`}
      onClose={onClose}
    >
      {kind === 'grant-with-missing-documents' && (
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
      )}
      {(kind === 'request-corrections' || kind === 'reject') && (
        <Form.Item
          name="reason"
          label={kind === 'reject' ? `${name}的理由（告知企业）` : '须补正的内容（告知企业）'}
          rules={[
            { required: true, whitespace: true, message: kind === 'reject' ? `请填写${name}的理由` : '请填写须补正的内容' },
            { max: 1000, message: '不超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={1000} placeholder={kind === 'reject' ? '依据及理由' : '列明须补正的材料或内容'} data-testid="decision-reason" />
        </Form.Item>
      )}
    </ActModal>
  );
}
