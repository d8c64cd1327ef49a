import { Button, Card, Descriptions, Divider, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { LandProjectView, PlotView } from '../../views';
import { IndicatorTable, PlotStatusTag } from './indicators';
import { TransferModal } from './TransferModal';
import { usePlotCommand } from './usePlotCommand';

const PlotDescriptions = ({ plot }: { plot: PlotView }) => (
  <Descriptions
    size="small"
    column={3}
    items={[
      { key: 'code', label: '地块编号', children: plot.code },
      { key: 'location', label: '位置', children: plot.location },
      { key: 'area', label: '面积', children: `${plot.areaMu} 亩` },
      { key: 'use', label: '用途', children: plot.landUse },
      { key: 'status', label: '状态', children: <PlotStatusTag status={plot.status} /> },
      ...(plot.reservedOn ? [{ key: 'reservedOn', label: '预留日期', children: plot.reservedOn }] : []),
    ]}
  />
);

/** 已预留地块: the plot reserved for the project; 取消预留 and 出让 as the plot's actions allow. */
export function ReservedPlotCard({ project, plot, counterparties }: { project: LandProjectView; plot: PlotView; counterparties: string[] }) {
  const [transferring, setTransferring] = useState(false);
  const { run, busy } = usePlotCommand(project.projectId, '不能取消预留');
  return (
    <Card
      title="已预留地块"
      data-testid="reserved-plot"
      extra={
        <Space>
          {plot.actions.includes('release') && (
            <Popconfirm title={`取消为本项目预留的地块 ${plot.code}？`} okText="取消预留" cancelText="再想想" onConfirm={() => run({ code: plot.code, action: 'release', done: `已取消预留地块 ${plot.code}` })}>
              <Button loading={busy === plot.code} data-testid="release">
                取消预留
              </Button>
            </Popconfirm>
          )}
          {plot.actions.includes('transfer') && (
            <Button type="primary" data-testid={`transfer-${plot.code}`} onClick={() => setTransferring(true)}>
              出让
            </Button>
          )}
        </Space>
      }
    >
      <PlotDescriptions plot={plot} />
      <Divider titlePlacement="start" plain>
        控制性指标
      </Divider>
      <IndicatorTable indicators={plot.indicators} />
      {transferring && <TransferModal project={project} plot={plot} counterparties={counterparties} onClose={() => setTransferring(false)} />}
    </Card>
  );
}
