import { Space, Tag, Typography } from 'antd';
import type { CaseItemView } from '../../views';
import { tid } from '../../shared/format';
import { RagTag } from '../../shared/tags';

function daysLeft(item: CaseItemView): string {
  if (item.workingDaysLeft === undefined) return '';
  if (item.rag === 'red') return `已超期 ${Math.max(1, -item.workingDaysLeft)} 个工作日`;
  if (item.workingDaysLeft === 0) return '今日到期';
  return `剩余 ${item.workingDaysLeft} 个工作日`;
}

/** Where the item's clock stands: not started, awaiting 受理, running (red/amber/green), paused, decided. */
export function ClockCell({ item: i }: { item: CaseItemView }) {
  const open = i.pauses.find((p) => p.to === null);
  if (i.clock === 'paused' && open) return <Tag color="orange" {...tid(`clock-paused-${i.itemCode}`)}>暂停计时 · {open.reasonName}（{open.from} 起）</Tag>;
  if (i.clock === 'awaiting-acceptance' && !i.acceptanceDueOn)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        已申请，待前置事项办结后受理
      </Typography.Text>
    );
  if (i.clock === 'awaiting-acceptance')
    return (
      <Space size={4}>
        {i.rag && <RagTag rag={i.rag} label="待受理" />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.acceptanceDueOn} 前受理，逾期视为受理
        </Typography.Text>
      </Space>
    );
  if (i.clock === 'running')
    return (
      <Space size={4}>
        <RagTag rag={i.rag} />
        <Typography.Text type={i.rag === 'red' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {daysLeft(i)}
        </Typography.Text>
      </Space>
    );
  if (i.decidedOn) return <Typography.Text type="secondary">{i.decidedOn} 决定</Typography.Text>;
  return <Typography.Text type="secondary">{i.status === 'COMMITTED' ? '随批复准予' : '未起算（受理后计时）'}</Typography.Text>;
}
