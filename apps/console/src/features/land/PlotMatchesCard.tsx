import { Button, Card, Divider, Space, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { LandProjectView, PlotMatchView } from '../../views';
import { ErrorAlert, ReasonList } from '../../shared/errors';
import { useApi } from '../../shared/query';
import { PlotStatusTag } from './indicators';
import { TransferModal } from './TransferModal';
import { usePlotCommand } from './usePlotCommand';

/**
 * 地块匹配: the zone's plots that fit the project (and those that do not, with why).
 * 预留 and 出让 of a matching plot are shown as its row's `actions` (for this project) list them.
 */
export function PlotMatchesCard({ project, counterparties }: { project: LandProjectView; counterparties: string[] }) {
  const { data, error, isFetching } = useApi('standard-land', '/projects/{projectId}/plot-matches', { path: { projectId: project.projectId } });
  const { run, busy } = usePlotCommand(project.projectId, '不能预留');
  const [transferring, setTransferring] = useState<PlotMatchView>();
  const { data: plotOf } = useApi('standard-land', '/plots/{code}', transferring ? { path: { code: transferring.plotCode } } : null);

  return (
    <Card title="地块匹配" data-testid="plot-matches">
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">按用地面积（不少于需求、不超过 1.5 倍）、准入行业、投资强度和亩均产值，从本开发区的标准地中匹配。</Typography.Paragraph>
      <Typography.Title level={5}>符合条件的地块</Typography.Title>
      <Table<PlotMatchView>
        rowKey="plotCode"
        size="small"
        loading={isFetching}
        dataSource={data?.matched ?? []}
        locale={{ emptyText: '暂无符合条件的可供地块' }}
        pagination={{ pageSize: 5, showTotal: (t) => `共 ${t} 块` }}
        onRow={(r) => ({ 'data-testid': `match-${r.plotCode}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: '地块编号', dataIndex: 'plotCode' },
          { title: '位置', dataIndex: 'location' },
          { title: '面积（亩）', dataIndex: 'areaMu', align: 'right' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <PlotStatusTag status={s} /> },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, r) =>
              r.actions.includes('reserve') || r.actions.includes('transfer') ? (
                <Space>
                  {r.actions.includes('reserve') && (
                    <Button size="small" type="primary" data-testid={`reserve-${r.plotCode}`} loading={busy === r.plotCode} onClick={() => run({ code: r.plotCode, action: 'reserve', done: `地块 ${r.plotCode} 已为本项目预留` })}>
                      预留
                    </Button>
                  )}
                  {r.actions.includes('transfer') && (
                    <Button size="small" data-testid={`transfer-${r.plotCode}`} onClick={() => setTransferring(r)}>
                      出让
                    </Button>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Divider />
      <Typography.Title level={5}>不符合条件的地块</Typography.Title>
      <Table<PlotMatchView>
        rowKey="plotCode"
        size="small"
        loading={isFetching}
        dataSource={data?.notMatched ?? []}
        locale={{ emptyText: '暂无数据' }}
        pagination={{ pageSize: 5, showTotal: (t) => `共 ${t} 块` }}
        columns={[
          { title: '地块编号', dataIndex: 'plotCode' },
          { title: '位置', dataIndex: 'location' },
          { title: '面积（亩）', dataIndex: 'areaMu', align: 'right' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <PlotStatusTag status={s} /> },
          { title: '不符合原因', dataIndex: 'reasons', render: (reasons: { zh: string }[]) => <ReasonList reasons={reasons.map((r) => r.zh)} /> },
        ]}
      />
      {transferring && plotOf && plotOf.code === transferring.plotCode && <TransferModal project={project} plot={plotOf} counterparties={counterparties} onClose={() => setTransferring(undefined)} />}
    </Card>
  );
}
