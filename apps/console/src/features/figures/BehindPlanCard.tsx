import { Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { BehindPlanView, ThreeBatchesView } from '../../views';
import { MILESTONE_ZH } from '../../shared/names';
import { ExcelButton } from '../../shared/excel';
import { StageTag } from '../../shared/tags';
import { behindPlanColumns, exportFilename } from './exports';
import { describeWindow, type Selection } from './figures';

/**
 * The projects of the cohort behind plan, those furthest behind first (the
 * service lists the worst of them), exportable to Excel; `printing`: every row.
 */
export function BehindPlanCard({ data, cohort, zoneName, selection, printing }: { data: ThreeBatchesView; cohort: string; zoneName: (code: string) => string; selection: Selection; printing?: boolean }) {
  const columns: TableColumnsType<BehindPlanView> = [
    { title: '项目代码', dataIndex: 'code', width: 230 },
    { title: '项目名称', dataIndex: 'name', render: (name: string, r) => <Link to={`/projects/${r.projectId}`}>{name}</Link> },
    { title: '开发区', dataIndex: 'zoneCode', render: (code: string) => zoneName(code) },
    { title: '阶段', dataIndex: 'stage', width: 120, render: (s: string) => <StageTag stage={s} /> },
    { title: '落后节点', dataIndex: 'milestone', width: 100, render: (m: string) => `未按期${MILESTONE_ZH[m] ?? m}` },
    { title: '计划日期', dataIndex: 'plannedDate', width: 110 },
    {
      title: '落后天数',
      dataIndex: 'daysLate',
      width: 110,
      sorter: (a, b) => a.daysLate - b.daysLate,
      render: (d: number) => <Tag color={d > 90 ? 'red' : d > 30 ? 'orange' : 'gold'}>{d} 天</Tag>,
    },
  ];
  return (
    <Card
      title={`${cohort}中落后于计划的（${data.behindPlanTotal} 个）`}
      extra={
        <Space size={12}>
          {data.behindPlanTotal > data.behindPlan.length ? <Typography.Text type="secondary">仅列出落后最多的 {data.behindPlan.length} 个</Typography.Text> : null}
          <ExcelButton<BehindPlanView>
            testId="export-behind-plan"
            filename={exportFilename(selection, '落后于计划')}
            title={`三个一批 · ${cohort}中落后于计划的 · ${describeWindow(selection, zoneName)}（截至 ${data.asOf}）`}
            columns={behindPlanColumns(zoneName)}
            rows={() => data.behindPlan}
          />
        </Space>
      }
    >
      <Table<BehindPlanView>
        data-testid="behind-plan"
        rowKey="projectId"
        size="middle"
        columns={columns}
        dataSource={data.behindPlan}
        locale={{ emptyText: '没有落后于计划的项目' }}
        pagination={printing ? false : { pageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 个` }}
      />
    </Card>
  );
}
