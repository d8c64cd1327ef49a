import { App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes, type Key } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Session } from '../../api';
import { post } from '../../client';
import type { PlotStatus, PlotView } from '../../views';
import { PageHeading } from '../../shared/page';
import { useCommand } from '../../shared/commands';
import { conflictReasons, errorText, ReasonList } from '../../shared/errors';
import { PagedTable } from '../../shared/PagedTable';
import { ProjectPicker } from '../../shared/ProjectPicker';
import { isOfficer } from '../../shared/roles';
import { useZones } from '../../shared/zones';
import { CreatePlotModal } from './CreatePlotModal';
import { PLOT_STATUS_ZH, PlotStatusTag } from './indicators';
import { PlotDetail } from './PlotDetail';

/** 标准地地块: the zone's plots by status, each one's indicators; register and publish plots; find plots for a project. */
export function PlotsPage({ session }: { session: Session }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const wide = session.user.role === 'admin' || session.user.role === 'province-manager';
  const { zones: allZones } = useZones();
  const zones = session.user.zones.length ? session.user.zones : allZones.map((z) => z.code);
  const [status, setStatus] = useState<PlotStatus>();
  const [zone, setZone] = useState<string>();
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const [creating, setCreating] = useState(false);

  const publish = useCommand<PlotView>({
    send: (plot) => post('standard-land', '/plots/{code}/publish', { params: { path: { code: plot.code } } }),
    changes: () => [['standard-land', '/plots']],
    onDone: (_r, plot) => message.success(`地块 ${plot.code} 已发布为标准地`),
    onFailed: (error, plot) => {
      const reasons = conflictReasons(error);
      if (reasons)
        modal.error({
          title: `地块 ${plot.code} 不能发布`,
          content: <ReasonList reasons={reasons} testId="publish-reasons" />,
          okText: '知道了',
        });
      else message.error(errorText(error));
    },
  });
  const publishing = publish.isPending ? publish.variables?.code : undefined;

  const toggle = (id: string) => setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));

  return (
    <Card
      title={<PageHeading title="标准地地块" />}
      extra={
        isOfficer(session) && (
          <Button type="primary" data-testid="plot-create" onClick={() => setCreating(true)}>
            登记地块
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {wide && (
          <Select data-testid="plots-zone" aria-label="按开发区筛选" allowClear placeholder="全部开发区" style={{ width: 220 }} value={zone} onChange={setZone} options={allZones.map((z) => ({ value: z.code, label: z.name }))} />
        )}
        <Select
          data-testid="plots-status"
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(PLOT_STATUS_ZH).map(([value, label]) => ({ value, label }))}
        />
        {/* 按项目匹配地块: pick the project by name, code or enterprise (no id to type); its land page lists the plots that fit. */}
        <ProjectPicker
          testId="plots-match"
          ariaLabel="按项目匹配地块：选择项目"
          placeholder="按项目匹配地块：输入项目名称、代码或企业名称"
          style={{ width: 'min(460px, 100%)' }}
          onChange={(id) => id && navigate(`/land/${id}`)}
        />
      </Space>
      <PagedTable
        service="standard-land"
        path="/plots"
        params={{ query: { zone, status } }}
        onRow={(p) => ({ 'data-testid': `plot-row-${p.code}` }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: setExpanded,
          expandedRowRender: (p) => <PlotDetail plot={p} />,
        }}
        columns={[
          { title: '编号', dataIndex: 'code', render: (c: string) => <Typography.Text strong>{c}</Typography.Text> },
          { title: '位置', dataIndex: 'location' },
          { title: '面积（亩）', dataIndex: 'areaMu', align: 'right' },
          { title: '用途', dataIndex: 'landUse' },
          { title: '准入行业', dataIndex: 'industries', render: (list: string[]) => (list.length ? list.map((i) => <Tag key={i}>{i}</Tag>) : <Typography.Text type="secondary">不限</Typography.Text>) },
          { title: '状态', dataIndex: 'status', render: (s: string) => <PlotStatusTag status={s} /> },
          {
            title: '指标',
            key: 'indicators',
            render: (_: unknown, p) => (
              <Button type="link" size="small" style={{ padding: 0 }} aria-expanded={expanded.includes(p.id)} data-testid={`plot-indicators-${p.code}`} onClick={() => toggle(p.id)}>
                {expanded.includes(p.id) ? '收起' : `查看 ${p.indicators.length} 项`}
              </Button>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, p) => (
              <Space>
                {p.actions.includes('publish') && (
                  <Button size="small" type="primary" data-testid={`publish-${p.code}`} loading={publishing === p.code} onClick={() => publish.mutate(p)}>
                    发布
                  </Button>
                )}
                {(p.status === 'RESERVED' || p.status === 'TRANSFERRED') && p.reservedFor && (
                  <Link data-testid={`plot-land-${p.code}`} to={`/land/${p.reservedFor}`}>
                    项目用地
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreatePlotModal zones={zones} onClose={() => setCreating(false)} />}
    </Card>
  );
}
