import { Card, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { AssignmentView } from '../../views';
import { localTime } from '../../shared/format';

/** 指派记录: who held the delegation, since when, assigned how, by whom and why (改派原因), newest first. */
export function AssignmentsCard({ assignments, agentName }: { assignments: AssignmentView[]; agentName: (id: string | null) => string }) {
  return (
    <Card title="指派记录" data-testid="assignments">
      <Table<AssignmentView>
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        dataSource={[...assignments].reverse()}
        locale={{ emptyText: '暂无指派记录' }}
        pagination={{ pageSize: 5, hideOnSinglePage: false, showTotal: (t) => `共 ${t} 条` }}
        onRow={(a) => ({ 'data-testid': `assignment-${a.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: '代办员', dataIndex: 'agentId', render: (id: string) => agentName(id) },
          { title: '指派时间', dataIndex: 'assignedAt', render: (at: string) => localTime(at) },
          { title: '方式', dataIndex: 'assignedBy', render: (by: string) => (by === 'auto' ? <Tag>系统自动分派</Tag> : <Tag color="blue">负责人指派</Tag>) },
          { title: '操作人', dataIndex: 'actorId', render: (id: string, a) => (a.assignedBy === 'auto' ? '系统' : (a.actorName ?? agentName(id))) },
          {
            title: '改派原因',
            dataIndex: 'reason',
            render: (reason: string | null, a) =>
              reason ? (
                <Typography.Text data-testid={`assignment-reason-${a.id}`} style={{ whiteSpace: 'pre-wrap' }}>
                  {reason}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{a.assignedBy === 'auto' ? '按负荷自动分派' : '—'}</Typography.Text>
              ),
          },
          { title: '结束日期', dataIndex: 'endedOn', render: (e: string | null) => e ?? <Tag color="green">当前</Tag> },
        ]}
      />
    </Card>
  );
}
