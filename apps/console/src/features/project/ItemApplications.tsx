import { Button, List, Space, Typography } from 'antd';
import type { CaseItemView } from '../../views';
import { usePhone } from '../../shared/page';
import { itemPath } from '../../shared/cases';
import type { CaseStep } from './caseSteps';

/** The items the enterprise may apply for now (须审批, 一般程序, or revoked), and those sent back for corrections. */
export function ItemApplications({ items, busy, run }: { items: CaseItemView[]; busy?: string; run: (s: CaseStep) => void }) {
  const corrections = items.filter((i) => i.actions.includes('resubmit'));
  const toApply = items.filter((i) => i.actions.includes('application'));
  // On a phone the button stands under its item, not beside it.
  const layout = usePhone() ? 'vertical' : 'horizontal';
  return (
    <div data-testid="item-applications">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        审批事项申请
      </Typography.Title>
      <List
        bordered
        size="small"
        itemLayout={layout}
        dataSource={[...corrections, ...toApply]}
        renderItem={(i) => (
          <List.Item
            actions={[
              i.actions.includes('resubmit') ? (
                <Button key="resubmit" size="small" type="primary" loading={busy === `resubmit-${i.itemCode}`} data-testid={`resubmit-${i.itemCode}`} onClick={() => run({ key: `resubmit-${i.itemCode}`, target: itemPath(i.itemCode, 'resubmit'), done: '已重新提交，恢复计时' })}>
                  已补正，重新提交
                </Button>
              ) : (
                <Button key="apply" size="small" type="primary" loading={busy === `apply-${i.itemCode}`} data-testid={`apply-${i.itemCode}`} onClick={() => run({ key: `apply-${i.itemCode}`, target: itemPath(i.itemCode, 'application'), done: '申请已提交，部门 5 个工作日内受理' })}>
                  提交申请
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={`${i.itemCode} ${i.name}（${i.department} · ${i.procedureName}）`}
              description={
                i.actions.includes('resubmit')
                  ? `须补正：${i.note ?? '—'}（补正期间暂停计时）`
                  : i.blockedBy.length
                    ? `可先提交申请；须待 ${i.blockedBy.map((b) => `${b.itemCode} ${b.name}`).join('、')} 办结后受理`
                    : `受理后 ${i.procedure === 'ordinary' ? i.legalLimitDays : i.promisedLimitDays} 个工作日内办结`
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}

/** 补交容缺材料: the items granted with documents missing. */
export function DocumentsToSupply({ items, busy, run }: { items: CaseItemView[]; busy?: string; run: (s: CaseStep) => void }) {
  const layout = usePhone() ? 'vertical' : 'horizontal';
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        补交容缺材料
      </Typography.Title>
      <List
        bordered
        size="small"
        itemLayout={layout}
        dataSource={items}
        pagination={items.length > 5 ? { pageSize: 5, size: 'small' } : false}
        renderItem={(i) => (
          <List.Item
            actions={[
              <Button key="supplied" size="small" type="primary" loading={busy === i.itemCode} data-testid={`documents-supplied-${i.itemCode}`} onClick={() => run({ key: i.itemCode, target: itemPath(i.itemCode, 'documents-supplied'), done: '已登记补交' })}>
                已补交
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={`${i.itemCode} ${i.name}（${i.department}）`}
              description={
                <Space orientation="vertical" size={0}>
                  <span>待补材料：{i.missingDocuments?.map((d) => d.name).join('、') || '—'}</span>
                  <span>
                    容缺材料补交期限：<Typography.Text type="danger">{i.supplyBy ?? '—'}</Typography.Text>
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
