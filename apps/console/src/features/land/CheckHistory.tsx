import { Card, Space, Table, Tag, Typography } from 'antd';
import type { CheckStage, InterimReportView, LandCheckView } from '../../views';
import { indicatorName, checkStageName, unitName } from '../../shared/names';
import { CheckStateTag, ResultTable } from './CheckResultCard';

/** 历次核验: every check stage's case, newest first, with its first check and re-check. */
export function PastChecksCard({ checks, checkable }: { checks: LandCheckView[]; checkable: readonly CheckStage[] }) {
  const rows = [...checks].reverse();
  return (
    <Card title="历次核验" data-testid="past-checks">
      <Table<LandCheckView>
        rowKey="id"
        size="small"
        dataSource={rows}
        locale={{ emptyText: '尚未核验' }}
        pagination={{ pageSize: 5, showTotal: (t) => `共 ${t} 次` }}
        expandable={{
          expandedRowRender: (c) =>
            c.recheck ? (
              <>
                <Typography.Text strong>复查（{c.recheck.checkedOn}）</Typography.Text>
                <ResultTable results={c.recheck.results} />
                <Typography.Text strong>首次核验（{c.checkedOn}）</Typography.Text>
                <ResultTable results={c.results} />
              </>
            ) : (
              <ResultTable results={c.results} />
            ),
        }}
        columns={[
          { title: '核验日期', dataIndex: 'checkedOn' },
          { title: '阶段', dataIndex: 'stage', render: (s: string) => checkStageName(s) },
          { title: '首次结果', dataIndex: 'passed', render: (p: boolean) => (p ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>) },
          {
            title: '复查',
            key: 'recheck',
            render: (_: unknown, c) => (c.recheck ? <Tag color={c.recheck.passed ? 'green' : 'red'}>{`${c.recheck.checkedOn} ${c.recheck.passed ? '通过' : '未通过'}`}</Tag> : '—'),
          },
          { title: '状态', key: 'state', render: (_: unknown, c) => <CheckStateTag check={c} checkable={checkable} /> },
          { title: '未达标指标', key: 'failed', render: (_: unknown, c) => (c.recheck?.results ?? c.results).filter((r) => !r.passed).map((r) => r.nameZh || indicatorName(r.code)).join('、') || '—' },
          { title: '整改期限', dataIndex: 'rectifyBy', render: (d: string | null) => d ?? '—' },
        ]}
      />
    </Card>
  );
}

const TREND_ZH: Record<string, [string, string]> = { 'on-track': ['green', '正常'], watch: ['orange', '关注'], 'at-risk': ['red', '有风险'] };

/** 企业中期报告: each report's indicator trends. */
export function InterimReportsCard({ reports }: { reports: InterimReportView[] }) {
  return (
    <Card title="企业中期报告" data-testid="interim-reports">
      <Table<InterimReportView>
        rowKey="id"
        size="small"
        dataSource={[...reports].reverse()}
        locale={{ emptyText: '暂无中期报告' }}
        pagination={{ pageSize: 5, showTotal: (t) => `共 ${t} 份` }}
        columns={[
          { title: '报告日期', dataIndex: 'reportedOn' },
          {
            title: '指标预警',
            dataIndex: 'trends',
            render: (trends: InterimReportView['trends']) => (
              <Space wrap size={[4, 4]}>
                {trends.map((t) => {
                  const [color, label] = TREND_ZH[t.trend] ?? ['default', t.trend];
                  return (
                    <Tag key={t.code} color={color}>
                      {indicatorName(t.code)} {t.result.measured} {unitName(t.result.unit)}：{label}
                    </Tag>
                  );
                })}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
