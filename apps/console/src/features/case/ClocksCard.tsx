import { Alert, Card, Space, Table, Tag } from 'antd';
import type { CaseView } from '../../views';
import { dash } from '../../shared/format';

/** 计时与办理顺序: paused items, items waiting for prerequisites, and every pause so far. */
export function ClocksCard({ c }: { c: CaseView }) {
  const paused = c.items.filter((i) => i.clock === 'paused');
  const blocked = c.items.filter((i) => i.blockedBy.length);
  const withPauses = c.items.filter((i) => i.pauses.length);
  if (!paused.length && !blocked.length && !withPauses.length) return null;
  return (
    <Card title="计时与办理顺序" data-testid="case-clocks">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {paused.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="case-paused"
            title={`暂停计时 ${paused.length} 项（暂停期间不计入办理时限）`}
            description={paused.map((i) => {
              const open = i.pauses.find((p) => p.to === null);
              return (
                <div key={i.itemCode}>
                  {i.itemCode} {i.name}：{open?.reasonName}，{open?.from} 起{open?.note ? `（${open.note}）` : ''}
                </div>
              );
            })}
          />
        )}
        {blocked.length > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="case-blocked"
            title={`待前置事项 ${blocked.length} 项（前置事项办结后方可受理）`}
            description={blocked.map((i) => (
              <div key={i.itemCode}>
                {i.itemCode} {i.name}：待 {i.blockedBy.map((b) => `${b.itemCode} ${b.name}`).join('、')}
              </div>
            ))}
          />
        )}
        {withPauses.length > 0 && (
          <Table
            size="small"
            rowKey={(r) => `${r.itemCode}-${r.from}-${r.reason}`}
            pagination={false}
            data-testid="pause-history"
            dataSource={withPauses.flatMap((i) => i.pauses.map((p) => ({ ...p, itemCode: i.itemCode, name: i.name })))}
            columns={[
              { title: '事项', key: 'item', render: (_, r) => `${r.itemCode} ${r.name}` },
              { title: '暂停原因', dataIndex: 'reasonName' },
              { title: '起', dataIndex: 'from', width: 110 },
              { title: '止', dataIndex: 'to', width: 110, render: (d: string | null) => d ?? <Tag color="orange">暂停中</Tag> },
              { title: '说明', dataIndex: 'note', render: (n?: string) => dash(n ?? null) },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
