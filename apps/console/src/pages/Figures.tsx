import { Card, Col, Empty, Input, Row, Select, Space, Spin, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, type Session } from '../api';
import { ErrorAlert, StageTag, useLoad, useZones } from '../ui';

/** GET project-intake /figures/three-batches (apps/project-intake/src/domain/figures.ts). */
interface Tally {
  count: number;
  /** 万元 */
  investment: number;
}
interface DurationStats {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}
interface BehindPlanRow {
  projectId: string;
  code: string;
  name: string;
  zoneCode: string;
  stage: string;
  milestone: 'start' | 'completion' | 'production';
  plannedDate: string;
  daysLate: number;
}
interface ThreeBatches {
  asOf: string;
  signed: Tally;
  started: Tally;
  inProduction: Tally;
  startRate: number | null;
  productionRate: number | null;
  outputAttainment: number | null;
  durationsByZone: { zoneCode: string; signingToStart: DurationStats; startToProduction: DurationStats }[];
  behindPlan: BehindPlanRow[];
}

const MILESTONE_ZH: Record<string, string> = { start: '开工', completion: '竣工', production: '投产' };
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Statistic card of a tally: the count is the element with the test id, the investment below it. */
function TallyCard({ title, tally, testId, color }: { title: string; tally: Tally; testId: string; color: string }) {
  return (
    <Card>
      <Statistic title={title} value={tally.count} suffix="个" styles={{ content: { color } }} formatter={(v) => <span data-testid={testId}>{number.format(Number(v))}</span>} />
      <Typography.Text type="secondary">总投资 {number.format(tally.investment)} 万元</Typography.Text>
    </Card>
  );
}

function RateCard({ title, rate, hint }: { title: string; rate: number | null; hint: string }) {
  return (
    <Card>
      <Statistic title={title} value={percent(rate)} />
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Card>
  );
}

/** Median and p90 days as horizontal bars, one group per zone; the scale is the longest p90 shown. */
function DurationBars({ rows, zoneName }: { rows: ThreeBatches['durationsByZone']; zoneName: (code: string) => string }) {
  if (!rows.length) return <Empty description="暂无数据" />;
  const max = Math.max(1, ...rows.flatMap((r) => [r.signingToStart.p90Days ?? 0, r.startToProduction.p90Days ?? 0, r.signingToStart.medianDays ?? 0, r.startToProduction.medianDays ?? 0]));
  const bar = (label: string, days: number | null, color: string): ReactNode => (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, height: 22 }}>
      <span style={{ width: 48, color: '#8c8c8c', fontSize: 12, textAlign: 'right' }}>{label}</span>
      <div style={{ flex: 1, background: '#f5f5f5', borderRadius: 3, height: 14 }}>
        {days !== null && <div style={{ width: `${Math.max(0.5, (days / max) * 100)}%`, background: color, height: '100%', borderRadius: 3 }} />}
      </div>
      <span style={{ width: 72, fontSize: 12 }}>{days === null ? '—' : `${number.format(days)} 天`}</span>
    </div>
  );
  const group = (title: string, s: DurationStats) => (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text>
        {title}
        <Typography.Text type="secondary">（{s.count} 个项目）</Typography.Text>
      </Typography.Text>
      {bar('中位数', s.medianDays, '#1677ff')}
      {bar('P90', s.p90Days, '#fa8c16')}
    </div>
  );
  return (
    <div data-testid="durations-chart">
      {rows.map((r) => (
        <div key={r.zoneCode} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {zoneName(r.zoneCode)}
          </Typography.Title>
          {group('签约 → 开工', r.signingToStart)}
          {group('开工 → 投产', r.startToProduction)}
        </div>
      ))}
      <Space size={16}>
        <Space size={4}>
          <span style={{ display: 'inline-block', width: 12, height: 12, background: '#1677ff', borderRadius: 2 }} />
          <Typography.Text type="secondary">中位数（天）</Typography.Text>
        </Space>
        <Space size={4}>
          <span style={{ display: 'inline-block', width: 12, height: 12, background: '#fa8c16', borderRadius: 2 }} />
          <Typography.Text type="secondary">P90：九成项目不超过的天数</Typography.Text>
        </Space>
      </Space>
    </div>
  );
}

/** 三个一批: signed / started / in production, the rates, durations by zone and the projects behind plan. */
export function Figures({ session }: { session: Session }) {
  const wide = session.user.role === 'province-manager' || session.user.role === 'admin';
  const [zone, setZone] = useState<string>();
  const [round, setRound] = useState('');
  const [draftRound, setDraftRound] = useState('');
  const zones = useZones();
  const { zoneName } = zones;
  const zoneOptions = (wide ? zones.zones : zones.zones.filter((z) => session.user.zones.includes(z.code))).map((z) => ({ value: z.code, label: z.name }));

  const { data, error, loading } = useLoad(() => {
    const q = new URLSearchParams();
    if (zone) q.set('zone', zone);
    if (round) q.set('round', round);
    return api<ThreeBatches>('project-intake', `/figures/three-batches?${q.toString()}`);
  }, [zone, round]);

  const columns: TableColumnsType<BehindPlanRow> = [
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
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="三个一批"
        extra={<Typography.Text type="secondary">{data ? `统计截止：${data.asOf}` : ''}</Typography.Text>}
      >
        <Space wrap size={16}>
          <Select
            data-testid="figures-zone"
            allowClear
            placeholder={wide ? '全部开发区' : '我负责的全部开发区'}
            style={{ width: 260 }}
            loading={zones.loading}
            value={zone}
            onChange={(v?: string) => setZone(v)}
            options={zoneOptions}
          />
          <Input.Search
            data-testid="figures-round"
            allowClear
            placeholder="批次，如 2026年第四批"
            enterButton="查询"
            style={{ width: 320 }}
            value={draftRound}
            onChange={(e) => {
              setDraftRound(e.target.value);
              if (!e.target.value) setRound('');
            }}
            onSearch={(v) => setRound(v.trim())}
          />
          {round && <Tag closable onClose={() => (setRound(''), setDraftRound(''))}>批次：{round}</Tag>}
        </Space>
      </Card>
      <ErrorAlert error={error ?? zones.error} />
      {!data ? (
        <Card>{loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : <Empty description="暂无数据" />}</Card>
      ) : (
        <Spin spinning={loading}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={8}>
                <TallyCard title="签约项目" tally={data.signed} testId="figure-signed" color="#1677ff" />
              </Col>
              <Col xs={24} md={8}>
                <TallyCard title="开工项目" tally={data.started} testId="figure-started" color="#13c2c2" />
              </Col>
              <Col xs={24} md={8}>
                <TallyCard title="投产项目" tally={data.inProduction} testId="figure-production" color="#52c41a" />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="开工率" rate={data.startRate} hint="开工项目数 ÷ 签约项目数" />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="投产率" rate={data.productionRate} hint="投产项目数 ÷ 开工项目数" />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="达效率" rate={data.outputAttainment} hint="实际年产值 ÷ 预计年产值（已报告产值的投产项目）" />
              </Col>
            </Row>
            <Card title="各开发区推进用时">
              <DurationBars rows={data.durationsByZone} zoneName={zoneName} />
            </Card>
            <Card title={`落后于计划的项目（${data.behindPlan.length} 个）`}>
              <Table<BehindPlanRow>
                data-testid="behind-plan"
                rowKey="projectId"
                size="middle"
                columns={columns}
                dataSource={data.behindPlan}
                locale={{ emptyText: '没有落后于计划的项目' }}
                pagination={{ pageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 个` }}
              />
            </Card>
          </Space>
        </Spin>
      )}
    </Space>
  );
}
