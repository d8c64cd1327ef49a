import { Card, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { BatchProjectView, ThreeBatchesView } from '../../views';
import { dash } from '../../shared/format';
import { PagedTable } from '../../shared/PagedTable';
import { StageTag } from '../../shared/tags';
import { number, windowParams, type Selection } from './figures';

type Batch = 'signed' | 'started' | 'in-production';
const BATCH_TABS: { key: Batch; label: string; empty: string }[] = [
  { key: 'signed', label: '签约一批', empty: '本期没有签约的项目' },
  { key: 'started', label: '开工一批', empty: '本期没有开工的项目' },
  { key: 'in-production', label: '投产一批', empty: '本期没有投产的项目' },
];

/** Each batch's projects, a page at a time from the service. */
export function BatchLists({ selection, counts }: { selection: Selection; counts: ThreeBatchesView['batches'] }) {
  const [batch, setBatch] = useState<Batch>('signed');
  const params = windowParams(selection);
  const key = JSON.stringify(params);
  const count: Record<Batch, number> = { signed: counts.signed.count, started: counts.started.count, 'in-production': counts.inProduction.count };
  // A round's projects are the round's own list; its window and zone are the round's.
  const { round: _round, ...listParams } = params;
  const columns = (b: Batch): TableColumnsType<BatchProjectView> => [
    { title: '项目代码', dataIndex: 'code', width: 230 },
    { title: '项目名称', dataIndex: 'name', render: (name: string, r) => <Link to={`/projects/${r.id}`}>{name}</Link> },
    { title: '企业', dataIndex: ['enterprise', 'name'] },
    { title: '开发区', dataIndex: 'zoneName' },
    { title: '签约日期', dataIndex: 'signedOn', width: 110, render: (d: string) => (b === 'signed' ? <strong>{d}</strong> : d) },
    { title: '实际开工', dataIndex: 'actualStart', width: 110, render: (d: string | null) => (b === 'started' ? <strong>{dash(d)}</strong> : dash(d)) },
    { title: '实际投产', dataIndex: 'actualProduction', width: 110, render: (d: string | null) => (b === 'in-production' ? <strong>{dash(d)}</strong> : dash(d)) },
    { title: '总投资（万元）', dataIndex: 'totalInvestment', width: 130, align: 'right', render: (v: number) => number.format(v) },
    { title: '当前阶段', dataIndex: 'stage', width: 120, render: (s: string) => <StageTag stage={s} /> },
  ];
  return (
    <Card title="各批项目" extra={<Typography.Text type="secondary">按入批日期排序；统计截止日之后的开工、投产不显示</Typography.Text>}>
      <Tabs
        activeKey={batch}
        onChange={(k) => setBatch(k as Batch)}
        items={BATCH_TABS.map((t) => ({
          key: t.key,
          label: `${t.label}（${count[t.key]}）`,
          children: (
            selection.round ? (
              <PagedTable
                key={`${t.key}-${key}`}
                data-testid={`batch-list-${t.key}`}
                size="middle"
                service="project-intake"
                path="/rounds/{id}/projects"
                params={{ path: { id: selection.round.id }, query: { asOf: listParams.asOf, batch: t.key } }}
                columns={columns(t.key)}
                locale={{ emptyText: t.empty }}
              />
            ) : (
              <PagedTable
                key={`${t.key}-${key}`}
                data-testid={`batch-list-${t.key}`}
                size="middle"
                service="project-intake"
                path="/figures/three-batches/projects"
                params={{ query: { ...listParams, batch: t.key } }}
                columns={columns(t.key)}
                locale={{ emptyText: t.empty }}
              />
            )
          ),
        }))}
      />
    </Card>
  );
}
