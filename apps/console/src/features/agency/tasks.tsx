import { Space, Tag, Typography } from 'antd';
import type { TaskView } from '../../views';
import { useApi } from '../../shared/query';
import { RagTag } from '../../shared/tags';

/** The deadline of an open task in words (also the 预警 column of an export). */
export function deadlineLabel(task: TaskView): string {
  if (task.clock === 'waiting') return '待受理，未起算';
  if (task.clock === 'paused') return '暂停计时';
  if (!task.rag) return '';
  const label =
    task.rag === 'red' ? `已超期 ${task.workingDaysLate ?? 0} 个工作日` : task.rag === 'amber' ? (task.workingDaysLeft ? `临近，剩 ${task.workingDaysLeft} 个工作日` : '今日到期') : `剩 ${task.workingDaysLeft ?? 0} 个工作日`;
  return task.escalate ? `${label}（已督办）` : label;
}

/** The deadline of an open task, red / amber / green, with the working days. */
export function DeadlineTag({ task }: { task: TaskView }) {
  if (task.clock === 'waiting') return <Tag>{deadlineLabel(task)}</Tag>;
  if (task.clock === 'paused') return <Tag color="orange">{deadlineLabel(task)}</Tag>;
  if (!task.rag) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <RagTag rag={task.rag} label={deadlineLabel({ ...task, escalate: false })} />
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
