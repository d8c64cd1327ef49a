import { Alert, App, Button, Card, Empty, Pagination, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../client';
import type { DelegationView, TaskAction, TaskView } from '../../views';
import { delegationChanges } from '../../shared/changes';
import { useCommand } from '../../shared/commands';
import { ErrorAlert, errorText } from '../../shared/errors';
import { DeadlineTag, TASK_STATUS_COLOR } from './tasks';
import { TaskNoteModal } from './TaskNoteModal';

type Move = Exclude<TaskAction, 'notes'>;
/** The moves of a task (POST /tasks/:id/actions), in the order shown; each is offered when the task's actions list it. */
const MOVES: { action: Move; label: string; primary?: boolean; danger?: boolean }[] = [
  { action: 'START', label: '开始收集材料' },
  { action: 'SUBMIT', label: '提交', primary: true },
  { action: 'ACCEPT', label: '登记受理', primary: true },
  { action: 'REVIEW', label: '进入审查' },
  { action: 'REQUEST_CORRECTIONS', label: '登记补正' },
  { action: 'APPROVE', label: '登记批准', primary: true },
  { action: 'REFUSE', label: '登记不予批准', danger: true },
  { action: 'DELIVER', label: '送达', primary: true },
];
const SOURCE_ZH: Record<string, string> = { approval: '审批事项', utility: '市政配套', land: '用地' };

/** 代办事项: the delegation's task plan, a page at a time, with the moves the user may make on each task now. */
export function TaskPlanCard({ d, agentName, error }: { d: DelegationView; agentName: (id: string | null) => string; error: unknown }) {
  const { message } = App.useApp();
  const [noting, setNoting] = useState<TaskView>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const tasks = d.tasks.slice((page - 1) * pageSize, page * pageSize);
  const move = useCommand<{ task: TaskView; action: Move }, TaskView>({
    send: ({ task, action }) => post('agency', '/tasks/{id}/actions', { params: { path: { id: task.id } }, body: { action } }),
    changes: () => delegationChanges(d.projectId),
    onDone: (moved, { task, action }) => message.success(`${task.title}：${MOVES.find((a) => a.action === action)?.label ?? ''}成功${moved?.statusName ? `，当前为“${moved.statusName}”` : ''}`),
    onFailed: (e) => message.error(errorText(e)),
  });
  const busy = move.isPending && move.variables ? `${move.variables.task.id}-${move.variables.action}` : undefined;

  const buttons = (t: TaskView) => {
    const moves = MOVES.filter((a) => t.actions.includes(a.action));
    if (!moves.length && !t.actions.includes('notes')) return null;
    return (
      <Space wrap size={6} style={{ marginTop: 8 }}>
        {moves.map((a) =>
          a.danger ? (
            <Popconfirm key={a.action} title={`确认${a.label}？`} description="该事项将办结，不能再变更。" okText="确认" cancelText="取消" onConfirm={() => move.mutate({ task: t, action: a.action })}>
              <Button size="small" danger data-testid={`action-${t.id}-${a.action}`} loading={busy === `${t.id}-${a.action}`}>
                {a.label}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              key={a.action}
              size="small"
              type={a.primary ? 'primary' : 'default'}
              data-testid={`action-${t.id}-${a.action}`}
              loading={busy === `${t.id}-${a.action}`}
              disabled={!!busy && busy !== `${t.id}-${a.action}`}
              onClick={() => move.mutate({ task: t, action: a.action })}
            >
              {a.label}
            </Button>
          ),
        )}
        {t.actions.includes('notes') && (
          <Button size="small" type="dashed" data-testid={`note-${t.id}`} onClick={() => setNoting(t)}>
            备注/阻碍
          </Button>
        )}
      </Space>
    );
  };

  return (
    <Card title="代办事项" data-testid="task-plan">
      <ErrorAlert error={error} />
      {d.tasks.length === 0 ? (
        <Empty description="尚未生成代办事项" />
      ) : (
        <>
          <Timeline
            items={tasks.map((t) => ({
              key: t.id,
              color: t.status === 'DELIVERED' ? 'green' : t.status === 'REFUSED' ? 'gray' : t.rag === 'red' ? 'red' : t.rag === 'amber' ? 'orange' : 'blue',
              content: (
                <div data-testid={`task-${t.id}`} style={{ paddingBottom: 8 }}>
                  <Space wrap size={8}>
                    <Typography.Text strong>{t.title}</Typography.Text>
                    <Tag>{SOURCE_ZH[t.source] ?? t.source}</Tag>
                    <Typography.Text type="secondary">{t.department}</Typography.Text>
                    <Tag color={TASK_STATUS_COLOR[t.status] ?? 'default'} data-testid={`task-status-${t.id}`}>
                      {t.statusName}
                    </Tag>
                  </Space>
                  <div style={{ marginTop: 4 }}>
                    <Space wrap size={8}>
                      <Typography.Text>到期日：{t.dueOn}</Typography.Text>
                      {t.deliveredOn ? <Typography.Text type="secondary">送达日：{t.deliveredOn}</Typography.Text> : <DeadlineTag task={t} />}
                    </Space>
                  </div>
                  {t.materials.length > 0 && (
                    <div style={{ marginTop: 4 }}>
                      <Typography.Text type="secondary">材料：</Typography.Text>
                      {t.materials.map((m) => (
                        <Tag key={m} bordered={false}>
                          {m}
                        </Tag>
                      ))}
                    </div>
                  )}
                  {t.blocker && <Alert type="warning" showIcon style={{ marginTop: 6, padding: '2px 8px' }} title={`阻碍：${t.blocker}`} />}
                  {t.notes.length > 0 && (
                    <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
                      {t.notes.slice(-5).map((n, i) => (
                        <li key={`${n.on}-${i}`}>
                          <Typography.Text type="secondary">
                            {n.on} {agentName(n.by)}：
                          </Typography.Text>
                          {n.text}
                        </li>
                      ))}
                    </ul>
                  )}
                  {buttons(t)}
                </div>
              ),
            }))}
          />
          <Pagination
            size="small"
            align="end"
            current={page}
            pageSize={pageSize}
            total={d.tasks.length}
            showSizeChanger
            pageSizeOptions={[10, 20, 50]}
            showTotal={(total) => `共 ${total} 项事项`}
            onChange={(p, s) => (setPage(p), setPageSize(s))}
          />
        </>
      )}
      {noting && <TaskNoteModal task={noting} onClose={() => setNoting(undefined)} />}
    </Card>
  );
}
