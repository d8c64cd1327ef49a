import { Card, Space, Tabs, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseSummaryView } from '../../views';
import { PagedTable } from '../../shared/PagedTable';

/** 事后监管待办: 对标验收 the enterprises asked for, and projects rectifying after a failed acceptance (by their deadline). */
export function SupervisionCard() {
  const project = {
    title: '项目',
    key: 'project',
    render: (_: unknown, c: CaseSummaryView) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/cases/${c.id}`}>{c.projectName}</Link>
        <Typography.Text type="secondary">{c.projectCode}</Typography.Text>
      </Space>
    ),
  };
  const enterprise = { title: '企业', dataIndex: 'enterpriseName' };
  return (
    <Card title="事后监管待办" data-testid="supervision">
      <Tabs
        items={[
          {
            key: 'acceptance',
            label: '对标验收申请',
            children: (
              <PagedTable
                data-testid="supervision-acceptance"
                service="commitment-approval"
                path="/cases"
                params={{ query: { status: 'ACCEPTANCE_REQUESTED' } }}
                locale={{ emptyText: '暂无待验收的项目' }}
                columns={[project, enterprise, { title: '申请日期', dataIndex: 'acceptanceRequestedOn' }]}
              />
            ),
          },
          {
            key: 'rectifying',
            label: '验收未通过整改中',
            children: (
              <PagedTable
                data-testid="supervision-rectifying"
                service="commitment-approval"
                path="/cases"
                params={{ query: { status: 'RECTIFYING' } }}
                locale={{ emptyText: '暂无整改中的项目' }}
                columns={[project, enterprise, { title: '整改期限', dataIndex: 'rectifyBy' }]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
