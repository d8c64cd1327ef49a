import { Card, Descriptions, Empty, List, Progress, Rate, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { DelegationView, ProjectView, TaskView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { ScrollingTables, useTableScroll } from '../../shared/PagedTable';
import { dash } from '../../shared/format';
import { useApiOrNull } from '../../shared/query';
import { RagTag } from '../../shared/tags';
import { RatingForm } from './RatingForm';

const DELEGATION_STATUS_ZH: Record<string, ReactNode> = { OPEN: <Tag color="processing">办理中</Tag>, CLOSED: <Tag color="success">已办结</Tag> };
const SCOPE_ZH: Record<string, string> = { approval: '审批事项代办', utilities: '水电气通信报装', land: '标准地供地' };

/** 全代办: the delegation's progress, what waits on the enterprise, its tasks, and the rating once it is closed. */
export function AgencyCard({ p, enterprise }: { p: ProjectView; enterprise: boolean }) {
  const scroll = useTableScroll();
  const progress = useApiOrNull('agency', '/projects/{projectId}/progress', { path: { projectId: p.id } });
  const delegation = useApiOrNull('agency', '/projects/{projectId}/delegation', { path: { projectId: p.id } });
  const pr = progress.data;
  const d = delegation.data;
  const taskColumns: TableColumnsType<TaskView> = [
    { title: '任务', dataIndex: 'title' },
    { title: '部门', dataIndex: 'department', render: dash },
    { title: '状态', dataIndex: 'statusName', render: (name: string, t) => <Tag color={t.status === 'DELIVERED' ? 'success' : t.status === 'REFUSED' ? 'error' : 'processing'}>{name}</Tag> },
    {
      title: '办结期限',
      dataIndex: 'dueOn',
      render: (due: string, t) => (
        <Space size={4}>
          {due}
          {t.rag && <RagTag rag={t.rag} />}
        </Space>
      ),
    },
  ];
  const rating = (delegation: DelegationView) =>
    delegation.rating !== null ? (
      <div data-testid="rating">
        <Typography.Text>服务评价：</Typography.Text>
        <Rate disabled value={delegation.rating} />
        {delegation.ratingComment && <Typography.Paragraph type="secondary">{delegation.ratingComment}</Typography.Paragraph>}
      </div>
    ) : delegation.actions.includes('rating') ? (
      <RatingForm delegation={delegation} />
    ) : (
      <Typography.Text type="secondary">企业尚未评价代办服务</Typography.Text>
    );
  const body = () => {
    if (progress.isLoading) return <Spin />;
    if (progress.error) return null;
    if (!pr) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未委托全代办" />;
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'number', label: '委托编号', children: d?.authorizationNumber ?? '—' },
            { key: 'status', label: '状态', children: DELEGATION_STATUS_ZH[pr.status] ?? '—' },
            { key: 'agent', label: '代办员', children: pr.agent ? `${pr.agent.name}${pr.agent.mobile ? `（${pr.agent.mobile}）` : ''}` : '待分配' },
            { key: 'scope', label: '代办范围', children: d ? d.scope.map((s) => SCOPE_ZH[s] ?? '其他').join('、') : '—' },
            { key: 'opened', label: '委托日期', children: d?.openedOn ?? '—' },
            { key: 'closed', label: '办结日期', children: dash(d?.closedOn) },
          ]}
        />
        <div>
          <Typography.Text>
            已送达 {pr.tasksDone} / {pr.tasksTotal} 项
          </Typography.Text>
          <Progress aria-label="代办进度" percent={pr.percentDone} status={pr.status === 'CLOSED' ? 'success' : 'active'} data-testid="agency-progress" />
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            待企业提供
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={pr.waitingOnEnterprise}
            locale={{ emptyText: '暂无需要企业提供的材料' }}
            pagination={pr.waitingOnEnterprise.length > 5 ? { pageSize: 5, size: 'small' } : false}
            renderItem={(w) => (
              <List.Item>
                <List.Item.Meta title={`${w.title}（${w.statusName}）`} description={w.materials.length ? `所需材料：${w.materials.join('、')}` : '请与代办员联系'} />
              </List.Item>
            )}
          />
        </div>
        {d && (
          <ScrollingTables label="代办任务（可左右滑动查看）">
            <Table<TaskView> rowKey="id" size="small" scroll={scroll} columns={taskColumns} dataSource={d.tasks} locale={{ emptyText: '暂无代办任务' }} pagination={{ pageSize: 5, size: 'small', showTotal: (t) => `共 ${t} 项` }} />
          </ScrollingTables>
        )}
        {d?.status === 'CLOSED' && rating(d)}
      </Space>
    );
  };
  return (
    <Card title="全代办" extra={!enterprise && pr ? <Link to={`/delegations/${p.id}`}>委托详情</Link> : null} data-testid="agency">
      <ErrorAlert error={progress.error ?? delegation.error} />
      {body()}
    </Card>
  );
}
