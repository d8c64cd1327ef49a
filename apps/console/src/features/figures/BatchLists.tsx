import { Alert, Card, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { BatchProjectView, ThreeBatchesView } from '../../views';
import { allItems, ExcelButton, EXPORT_MAX_ROWS } from '../../shared/excel';
import { dash } from '../../shared/format';
import { PagedTable } from '../../shared/PagedTable';
import { StageTag } from '../../shared/tags';
import { BATCH_EXCEL_COLUMNS, exportFilename } from './exports';
import { describeWindow, number, windowParams, type Selection } from './figures';

type Batch = 'signed' | 'started' | 'in-production';
const BATCH_TABS: { key: Batch; label: string; empty: string }[] = [
  { key: 'signed', label: '签约一批', empty: '本期没有签约的项目' },
  { key: 'started', label: '开工一批', empty: '本期没有开工的项目' },
  { key: 'in-production', label: '投产一批', empty: '本期没有投产的项目' },
];

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

/** Every row of one batch: the round's own list, or the window's (the same endpoint and filters as the table on screen). */
function wholeBatch(selection: Selection, batch: Batch) {
  const { round: _round, ...listParams } = windowParams(selection);
  return selection.round
    ? allItems('project-intake', '/rounds/{id}/projects', { path: { id: selection.round.id }, query: { asOf: listParams.asOf, batch } })
    : allItems('project-intake', '/figures/three-batches/projects', { query: { ...listParams, batch } });
}

/**
 * Each batch's projects, a page at a time from the service, each exportable to
 * Excel whole. `printing`: every batch one under the other, every row (no
 * paging); `onPrintReady` once they are all on the page.
 */
export function BatchLists({ selection, counts, printing, onPrintReady }: { selection: Selection; counts: ThreeBatchesView['batches']; printing?: boolean; onPrintReady?: () => void }) {
  const [batch, setBatch] = useState<Batch>('signed');
  const params = windowParams(selection);
  const key = JSON.stringify(params);
  const count: Record<Batch, number> = { signed: counts.signed.count, started: counts.started.count, 'in-production': counts.inProduction.count };
  // A round's projects are the round's own list; its window and zone are the round's.
  const { round: _round, ...listParams } = params;
  const tab = BATCH_TABS.find((t) => t.key === batch) ?? BATCH_TABS[0];
  const exportButton = (
    <ExcelButton<BatchProjectView>
      testId={`export-batch-${tab.key}`}
      filename={exportFilename(selection, tab.label)}
      title={`三个一批 · ${tab.label} · ${describeWindow(selection, (code) => code)}`}
      columns={BATCH_EXCEL_COLUMNS}
      rows={async () => (await wholeBatch(selection, tab.key)).items}
    />
  );
  if (printing) return <PrintedBatches selection={selection} count={count} onReady={onPrintReady} />;
  return (
    <Card
      title="各批项目"
      extra={
        <Space size={12} wrap>
          <Typography.Text type="secondary">按入批日期排序；统计截止日之后的开工、投产不显示</Typography.Text>
          {exportButton}
        </Space>
      }
    >
      {/* The export is outside the tab list (a tablist holds tabs only: axe aria-required-children); it exports the open tab. */}
      <Tabs
        activeKey={batch}
        onChange={(k) => setBatch(k as Batch)}
        items={BATCH_TABS.map((t) => ({
          key: t.key,
          label: `${t.label}（${count[t.key]}）`,
          children: selection.round ? (
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
          ),
        }))}
      />
    </Card>
  );
}

/** The print view of the batches: each one whole, one under the other. */
function PrintedBatches({ selection, count, onReady }: { selection: Selection; count: Record<Batch, number>; onReady?: () => void }) {
  const key = JSON.stringify(windowParams(selection));
  const lists = useQueries({
    queries: BATCH_TABS.map((t) => ({ queryKey: ['figures-print', t.key, key], queryFn: () => wholeBatch(selection, t.key), staleTime: 0 })),
  });
  const ready = lists.every((l) => l.isSuccess);
  useEffect(() => {
    if (ready) onReady?.();
  }, [ready, onReady]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {BATCH_TABS.map((t, i) => {
        const rows = lists[i].data?.items ?? [];
        return (
          <Card key={t.key} title={`${t.label}（${count[t.key]} 个）`}>
            {(lists[i].data?.total ?? 0) > EXPORT_MAX_ROWS && <Alert type="warning" showIcon title={`仅列出前 ${EXPORT_MAX_ROWS} 个，请缩小范围后再打印其余部分`} />}
            {lists[i].error ? <Alert type="error" showIcon title="未能取得本批项目，请重试" /> : null}
            <Table<BatchProjectView>
              data-testid={`batch-print-${t.key}`}
              rowKey="id"
              size="small"
              loading={lists[i].isLoading}
              columns={columns(t.key)}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t.empty }}
            />
          </Card>
        );
      })}
    </Space>
  );
}
