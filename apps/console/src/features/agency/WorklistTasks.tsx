import { Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { ProjectView, TaskView } from '../../views';
import { DeadlineTag, TASK_STATUS_COLOR } from './tasks';

type Projects = Map<string, ProjectView>;

const StatusTag = ({ task }: { task: TaskView }) => <Tag color={TASK_STATUS_COLOR[task.status] ?? 'default'}>{task.statusName}</Tag>;
const OpenLink = ({ task }: { task: TaskView }) => (
  <Link data-testid={`worklist-open-${task.id}`} to={`/delegations/${task.projectId}`}>
    查看
  </Link>
);
/** The project's name, linked to its delegation ("—" until project-intake has answered, or for a project the user may not see). */
const ProjectName = ({ task, projects }: { task: TaskView; projects: Projects }) => <Link to={`/delegations/${task.projectId}`}>{projects.get(task.projectId)?.name ?? '—'}</Link>;

/** On a phone: one task as a card (title, project, status, due date, deadline, 查看), its text wrapped to the screen. */
function TaskCard({ task, projects }: { task: TaskView; projects: Projects }) {
  const project = projects.get(task.projectId);
  return (
    <Flex vertical gap={4} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
      <Typography.Text strong>{task.title}</Typography.Text>
      {/* The link stands on its own line: not a link inside a run of text (WCAG 1.4.1). */}
      <div>
        <ProjectName task={task} projects={projects} />
      </div>
      {project && <Typography.Text type="secondary">{project.code}</Typography.Text>}
      <Typography.Text type="secondary">{task.department}</Typography.Text>
      <Space size={[8, 4]} wrap>
        <StatusTag task={task} />
        <Typography.Text>到期 {task.dueOn}</Typography.Text>
        <DeadlineTag task={task} />
      </Space>
      {task.blocker && <Typography.Text type="danger">阻碍：{task.blocker}</Typography.Text>}
      <OpenLink task={task} />
    </Flex>
  );
}

/**
 * One section of the worklist, a page of 10 at a time (the whole section is already loaded): a wide
 * table, or on a phone a card per task (one column, no header) that fits the 390 px screen.
 */
export function WorklistTasks({ section, tasks, projects, loading, empty, phone }: { section: string; tasks: TaskView[]; projects: Projects; loading: boolean; empty: string; phone: boolean }) {
  const columns: TableColumnsType<TaskView> = [
    {
      title: '事项',
      dataIndex: 'title',
      render: (title: string, t) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{title}</Typography.Text>
          {t.blocker && <Typography.Text type="danger">阻碍：{t.blocker}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '项目',
      key: 'project',
      render: (_: unknown, t) => (
        <Space orientation="vertical" size={0}>
          <ProjectName task={t} projects={projects} />
          {projects.get(t.projectId) && <Typography.Text type="secondary">{projects.get(t.projectId)?.code}</Typography.Text>}
        </Space>
      ),
    },
    { title: '部门', dataIndex: 'department' },
    { title: '状态', dataIndex: 'statusName', render: (_: string, t) => <StatusTag task={t} /> },
    { title: '到期日', dataIndex: 'dueOn' },
    { title: '预警', key: 'rag', render: (_: unknown, t) => <DeadlineTag task={t} /> },
    { title: '操作', key: 'open', render: (_: unknown, t) => <OpenLink task={t} /> },
  ];
  const cards: TableColumnsType<TaskView> = [{ title: '事项', key: 'card', render: (_: unknown, t) => <TaskCard task={t} projects={projects} /> }];
  return (
    <Table<TaskView>
      data-testid={`worklist-${section}`}
      rowKey="id"
      size={phone ? 'small' : 'middle'}
      loading={loading}
      dataSource={tasks}
      locale={{ emptyText: empty }}
      columns={phone ? cards : columns}
      showHeader={!phone}
      tableLayout={phone ? 'fixed' : undefined}
      pagination={phone ? { defaultPageSize: 10, simple: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 项` } : { defaultPageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 项` }}
    />
  );
}
