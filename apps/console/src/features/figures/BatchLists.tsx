import { Card, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { BatchProjectView, ThreeBatchesView } from '../../views';
import { dash } from '../../shared/format';
import { PagedTable } from '../../shared/PagedTable';
import { queryString } from '../../shared/query';
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
  const key = queryString(params);
  const count: Record<Batch, number> = { signed: counts.signed.count, started: counts.started.count, 'in-production': counts.inProduction.count };
  // A round's projects are the round's own list; its window and zone are the round's.
  const path = selection.round ? `/rounds/${encodeURIComponent(selection.round.id)}/projects` : '/figures/three-batches/projects';
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
            <PagedTable<BatchProjectView>
              key={`${t.key}-${key}`}
              data-testid={`batch-list-${t.key}`}
              size="middle"
              service="project-intake"
              path={path}
              params={{ ...listParams, batch: t.key }}
              columns={columns(t.key)}
              locale={{ emptyText: t.empty }}
            />
          ),
        }))}
      />
    </Card>
  );
}
