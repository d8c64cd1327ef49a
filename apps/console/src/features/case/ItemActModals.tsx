import { Form, Input } from 'antd';
import type { CaseItemView, CaseView } from '../../views';
import { itemPath, postToCase } from '../../shared/cases';
import { dash } from '../../shared/format';
import { ActModal, Facts } from './ActModal';

const itemFacts = (c: CaseView, item: CaseItemView) => [
  { key: 'item', label: '事项', children: `${item.itemCode} ${item.name}` },
  { key: 'department', label: '办理部门', children: item.department },
  { key: 'procedure', label: '办理方式', children: item.procedureName },
  { key: 'enterprise', label: '申请企业', children: `${c.enterpriseName}（${c.creditCode}）` },
  { key: 'project', label: '项目', children: `${c.projectName}（${c.projectCode}）` },
];

/** 受理 of one item: the clock starts today, on the limit its procedure runs on. */
export function AcceptItemModal({ c, item, onClose }: { c: CaseView; item: CaseItemView; onClose: () => void }) {
  const limit = item.procedure === 'ordinary' ? item.legalLimitDays : item.promisedLimitDays;
  return (
    <ActModal
      c={c}
      title={`受理 · ${item.itemCode} ${item.name}`}
      okText="确认受理"
      warning={`受理后开始计时：${item.procedure === 'ordinary' ? '一般程序按法定时限' : '按承诺时限'} ${limit} 个工作日内作出决定（法定 ${item.legalLimitDays} 个工作日）。`}
      preview={
        <Facts
          items={[
            { key: 'act', label: '行为', children: '受理申请' },
            ...itemFacts(c, item),
            { key: 'applied', label: '申请日期', children: dash(item.appliedOn) },
            { key: 'documents', label: '申请材料', children: item.documents.length ? item.documents.map((d) => d.name).join('、') : '无须提交材料' },
          ]}
        />
      }
      send={(v) => postToCase(c, itemPath(item.itemCode, 'acceptance'), { opinion: v.opinion })}
      done={`已受理，开始计时：${item.name}`}
      onClose={onClose}
    />
  );
}

/** 撤销 a grant obtained by a false commitment: a 严重 credit record; before construction the case decides again. */
export function RevokeItemModal({ c, item, onClose }: { c: CaseView; item: CaseItemView; onClose: () => void }) {
  return (
    <ActModal<{ reason: string }>
      c={c}
      title={`撤销准予决定（虚假承诺） · ${item.itemCode} ${item.name}`}
      okText="确认撤销"
      danger
      fields={['reason']}
      warning="撤销后记入企业严重失信记录；项目开工前撤销的，案件回到审批，该事项须按一般程序重新申请。"
      preview={
        <Facts
          items={[
            { key: 'act', label: '行为', children: '撤销依承诺作出的准予决定' },
            ...itemFacts(c, item),
            { key: 'granted', label: '准予日期', children: dash(item.decidedOn) },
            { key: 'decision', label: '批复文号', children: dash(c.decisionNumber) },
          ]}
        />
      }
      send={(v) => postToCase(c, itemPath(item.itemCode, 'revocation'), { reason: v.reason.trim(), opinion: v.opinion })}
      done={`已撤销：${item.name}`}
      onClose={onClose}
    >
      <Form.Item
        name="reason"
        label="撤销理由（记入失信记录）"
        rules={[
          { required: true, whitespace: true, message: '请填写撤销理由' },
          { max: 500, message: '不超过 500 字' },
        ]}
      >
        <Input.TextArea rows={3} showCount maxLength={500} placeholder="核查发现的与承诺不符之处" data-testid="revoke-note" />
      </Form.Item>
    </ActModal>
  );
}
