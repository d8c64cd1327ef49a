import { Space, Tag, Typography } from 'antd';
import type { TaskView } from '../../views';
import { useApi } from '../../shared/query';
import { RagTag } from '../../shared/tags';

/** The deadline of an open task, red / amber / green, with the working days. */
export function DeadlineTag({ task }: { task: TaskView }) {
  if (task.clock === 'waiting') return <Tag>待受理，未起算</Tag>;
  if (task.clock === 'paused') return <Tag color="orange">暂停计时</Tag>;
  if (!task.rag) return <Typography.Text type="secondary">—</Typography.Text>;
  const label =
    task.rag === 'red' ? `已超期 ${task.workingDaysLate ?? 0} 个工作日` : task.rag === 'amber' ? (task.workingDaysLeft ? `临近，剩 ${task.workingDaysLeft} 个工作日` : '今日到期') : `剩 ${task.workingDaysLeft ?? 0} 个工作日`;
  return (
    <Space size={4}>
      <RagTag rag={task.rag} label={label} />
      {task.escalate && <Tag color="magenta">已督办</Tag>}
    </Space>
  );
}

export const TASK_STATUS_COLOR: Record<string, string> = {
  PLANNED: 'default',
  COLLECTING_MATERIALS: 'gold',
  SUBMITTED: 'processing',
  ACCEPTED: 'cyan',
  IN_REVIEW: 'blue',
  CORRECTIONS_REQUESTED: 'orange',
  APPROVED: 'lime',
  REFUSED: 'red',
  DELIVERED: 'green',
};

/** The agents a user may pick (a lead its zone's; an admin every zone's): GET /agents, one page of up to 100. */
export function useAgents(enabled: boolean, zone?: string) {
  const query = useApi('agency', '/agents', enabled ? { query: { pageSize: 100, zone } } : null);
  return { agents: query.data?.items, loading: query.isLoading, error: query.error };
}
