import { Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Row, Select, Space, Spin, Statistic, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, type Session } from '../api';
import { dash, ErrorAlert, PagedTable, StageTag, useLoad, useZones, ymd } from '../ui';
import { chinaToday, tid, useModalForm } from './CaseDetail';

/**
 * GET project-intake /figures/three-batches (apps/project-intake/src/domain/figures.ts;
 * which batch a project is in: domain/rounds.ts).
 */
interface Tally {
  count: number;
  /** 万元 */
  investment: number;
}
interface BatchTally extends Tally {
  /** 预计年产值，万元 */
  projectedAnnualOutput: number;
}
/** A 三个一批 round of a zone (GET /rounds): a window of days, both ends inclusive. */
interface Round {
  id: string;
  zoneCode: string;
  zoneName: string | null;
  name: string;
  startsOn: string;
  endsOn: string;
}
type Batch = 'signed' | 'started' | 'in-production';
/** A project of a batch (GET /rounds/:id/projects, /figures/three-batches/projects). */
interface BatchRow {
  id: string;
  code: string;
  name: string;
  enterprise: { name: string; creditCode: string };
  zoneCode: string;
  zoneName: string;
  stage: string;
  signedOn: string;
  actualStart: string | null;
  actualProduction: string | null;
  totalInvestment: number;
  projectedAnnualOutput: number;
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
  window: { from: string | null; to: string | null };
  round: Round | null;
  /** 签约一批, 开工一批, 投产一批 of the window. */
  batches: { signed: BatchTally; started: BatchTally; inProduction: BatchTally };
  /** The projects signed in the window and how far they got (the rates are over these). */
  signed: Tally;
  started: Tally;
  inProduction: Tally;
  startRate: number | null;
  productionRate: number | null;
  outputAttainment: number | null;
  durationsByZone: { zoneCode: string; signingToStart: DurationStats; startToProduction: DurationStats }[];
  behindPlan: BehindPlanRow[];
  behindPlanTotal: number;
}

const MILESTONE_ZH: Record<string, string> = { start: '开工', completion: '竣工', production: '投产' };
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Statistic card of a batch: the count is the element with the test id, investment and projected output below it. */
function TallyCard({ title, tally, testId, color, hint }: { title: string; tally: BatchTally; testId: string; color: string; hint: string }) {
  return (
    <Card>
      <Statistic title={title} value={tally.count} suffix="个" styles={{ content: { color } }} formatter={(v) => <span data-testid={testId}>{number.format(Number(v))}</span>} />
      <div>
        <Typography.Text type="secondary">总投资 {number.format(tally.investment)} 万元</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">预计年产值 {number.format(tally.projectedAnnualOutput)} 万元</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Text>
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


const BATCH_TABS: { key: Batch; label: string; date: string; empty: string }[] = [
  { key: 'signed', label: '签约一批', date: '签约日期', empty: '本期没有签约的项目' },
  { key: 'started', label: '开工一批', date: '实际开工', empty: '本期没有开工的项目' },
  { key: 'in-production', label: '投产一批', date: '实际投产', empty: '本期没有投产的项目' },
];

/** Who may create rounds (POST /rounds: zone managers of the zone, administrators). */
const MAY_CREATE_ROUNDS = (s: Session) => s.user.role === 'zone-manager' || s.user.role === 'admin';

/** What the figures are of: a round, an ad-hoc window (zone + from–to), or everything up to asOf. */
interface Selection {
  zone?: string;
  round?: Round;
  window?: [string, string];
  asOf?: string;
}

const windowParams = (s: Selection): URLSearchParams => {
  const q = new URLSearchParams();
  if (s.round) q.set('round', s.round.id);
  else {
    if (s.zone) q.set('zone', s.zone);
    if (s.window) {
      q.set('from', s.window[0]);
      q.set('to', s.window[1]);
    }
  }
  if (s.asOf) q.set('asOf', s.asOf);
  return q;
};

const describeWindow = (s: Selection, zoneName: (code: string) => string): string => {
  if (s.round) return `${s.round.name}（${zoneName(s.round.zoneCode)}，${s.round.startsOn} 至 ${s.round.endsOn}）`;
  if (s.window) return `${s.window[0]} 至 ${s.window[1]}`;
  return '全部项目';
};

/** Each batch's projects, a page at a time from the service. */
function BatchLists({ selection, counts }: { selection: Selection; counts: ThreeBatches['batches'] }) {
  const [batch, setBatch] = useState<Batch>('signed');
  const key = windowParams(selection).toString();
  const count: Record<Batch, number> = { signed: counts.signed.count, started: counts.started.count, 'in-production': counts.inProduction.count };
  const fetchPage = (b: Batch) => (page: number, pageSize: number) => {
    const q = windowParams(selection);
    q.set('batch', b);
    q.set('page', String(page));
    q.set('pageSize', String(pageSize));
    if (selection.round) q.delete('round');
    const path = selection.round ? `/rounds/${encodeURIComponent(selection.round.id)}/projects?${q.toString()}` : `/figures/three-batches/projects?${q.toString()}`;
    return api<{ items: BatchRow[]; total: number }>('project-intake', path);
  };
  const columns = (b: Batch): TableColumnsType<BatchRow> => [
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
          children: <PagedTable<BatchRow> key={`${t.key}-${key}`} data-testid={`batch-list-${t.key}`} size="middle" fetchPage={fetchPage(t.key)} columns={columns(t.key)} locale={{ emptyText: t.empty }} />,
        }))}
      />
    </Card>
  );
}

/** 新建批次: name and window; the service refuses a duplicate name or an overlapping window with the reason. */
function NewRoundModal({ zones, zone, onClose }: { zones: { value: string; label: string }[]; zone?: string; onClose: (created?: Round) => void }) {
  const [form] = Form.useForm<{ zoneCode: string; name: string; window: [Dayjs, Dayjs] }>();
  const created = useRef<Round>(undefined);
  const { saving, error, ok } = useModalForm(
    form,
    ['zoneCode', 'name', 'window'],
    async (v) => {
      created.current = await api<Round>('project-intake', '/rounds', { body: { zoneCode: v.zoneCode, name: v.name.trim(), startsOn: ymd(v.window[0]), endsOn: ymd(v.window[1]) } });
    },
    (done) => onClose(done ? created.current : undefined),
  );
  return (
    <Modal open title="新建三个一批批次" okText="创建" cancelText="取消" okButtonProps={{ ...tid('round-submit'), loading: saving }} onOk={() => void ok()} onCancel={() => onClose()} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ zoneCode: zone ?? (zones.length === 1 ? zones[0].value : undefined) }}>
        <Form.Item name="zoneCode" label="开发区" rules={[{ required: true, message: '请选择开发区' }]}>
          <Select options={zones} placeholder="选择开发区" data-testid="round-zone" />
        </Form.Item>
        <Form.Item
          name="name"
          label="批次名称"
          rules={[
            { required: true, whitespace: true, message: '请填写批次名称' },
            { max: 40, message: '不超过 40 个字符' },
          ]}
        >
          <Input placeholder="如 2026年第四批" maxLength={40} data-testid="round-name" />
        </Form.Item>
        <Form.Item name="window" label="时间段（含首尾两日）" rules={[{ required: true, message: '请选择起止日期' }]} extra="同一开发区的批次不能重叠；签约、开工、投产日期落在此时间段内的项目分别计入签约一批、开工一批、投产一批">
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="round-window" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 三个一批 of a round (a zone's window of days) or of an ad-hoc window: the
 * projects signed, started and put into production in it (a project signed in
 * an earlier round counts as started in this one), each batch's list, the rates
 * of the projects signed in it, durations by zone and the projects behind plan.
 */
export function Figures({ session }: { session: Session }) {
  const wide = session.user.role === 'province-manager' || session.user.role === 'admin';
  const [zone, setZone] = useState<string>();
  const [round, setRound] = useState<Round>();
  const [adHoc, setAdHoc] = useState<[string, string]>();
  const [asOf, setAsOf] = useState<string>();
  const [creating, setCreating] = useState(false);
  const zones = useZones();
  const { zoneName } = zones;
  const zoneOptions = (wide ? zones.zones : zones.zones.filter((z) => session.user.zones.includes(z.code))).map((z) => ({ value: z.code, label: z.name }));
  const today = chinaToday();

  const rounds = useLoad(() => {
    const q = new URLSearchParams({ pageSize: '100' });
    if (zone) q.set('zone', zone);
    return api<{ items: Round[]; total: number }>('project-intake', `/rounds?${q.toString()}`);
  }, [zone]);
  const roundOptions = (rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}${zone ? '' : `（${r.zoneName ?? r.zoneCode}）`} · ${r.startsOn} 至 ${r.endsOn}` }));

  const selection: Selection = { zone, round, window: adHoc, asOf };
  const { data, error, loading } = useLoad(() => api<ThreeBatches>('project-intake', `/figures/three-batches?${windowParams(selection).toString()}`), [zone, round?.id, adHoc?.[0], adHoc?.[1], asOf]);

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
  const cohort = adHoc || round ? '本期签约项目' : '已签约项目';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="三个一批"
        extra={
          <Space size={16}>
            <Typography.Text type="secondary" data-testid="figures-scope">
              {data ? `${describeWindow(selection, zoneName)} · 统计截止：${data.asOf}` : ''}
            </Typography.Text>
            {MAY_CREATE_ROUNDS(session) && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="figures-new-round">
                新建批次
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap size={16}>
          <Select
            data-testid="figures-zone"
            allowClear
            placeholder={wide ? '全部开发区' : '我负责的全部开发区'}
            style={{ width: 260 }}
            loading={zones.loading}
            value={zone}
            onChange={(v?: string) => {
              setZone(v);
              if (round && v && round.zoneCode !== v) setRound(undefined);
            }}
            options={zoneOptions}
          />
          <Select
            data-testid="figures-round"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择批次（三个一批）"
            style={{ width: 440 }}
            loading={rounds.loading}
            value={round?.id}
            onChange={(id?: string) => {
              setRound(rounds.data?.items.find((r) => r.id === id));
              if (id) setAdHoc(undefined);
            }}
            options={roundOptions}
            notFoundContent={rounds.loading ? <Spin size="small" /> : '暂无批次'}
          />
          <DatePicker.RangePicker
            {...tid('figures-window')}
            allowEmpty={[false, false]}
            placeholder={['自定义时间段起', '止']}
            value={adHoc ? [dayjs(adHoc[0]), dayjs(adHoc[1])] : null}
            onChange={(v) => {
              const from = ymd(v?.[0]);
              const to = ymd(v?.[1]);
              setAdHoc(from && to ? [from, to] : undefined);
              if (from && to) setRound(undefined);
            }}
          />
          <DatePicker
            {...tid('figures-as-of')}
            placeholder="统计截止日（默认今天）"
            title={`不填则截至今天 ${today}`}
            style={{ width: 240 }}
            value={asOf ? dayjs(asOf) : null}
            onChange={(d: Dayjs | null) => setAsOf(ymd(d))}
          />
        </Space>
      </Card>
      <ErrorAlert error={error ?? zones.error ?? rounds.error} />
      {creating && (
        <NewRoundModal
          zones={zoneOptions}
          zone={zone}
          onClose={(created) => {
            setCreating(false);
            if (created) {
              rounds.reload();
              setRound(created);
              setAdHoc(undefined);
            }
          }}
        />
      )}
      {!data ? (
        <Card>{loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : <Empty description="暂无数据" />}</Card>
      ) : (
        <Spin spinning={loading}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={8}>
                <TallyCard title="签约一批" tally={data.batches.signed} testId="figure-signed" color="#1677ff" hint="签约日期在本期内的项目" />
              </Col>
              <Col xs={24} md={8}>
                <TallyCard title="开工一批" tally={data.batches.started} testId="figure-started" color="#13c2c2" hint="实际开工日期在本期内的项目（含以前批次签约的）" />
              </Col>
              <Col xs={24} md={8}>
                <TallyCard title="投产一批" tally={data.batches.inProduction} testId="figure-production" color="#52c41a" hint="实际投产日期在本期内的项目" />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="开工率" rate={data.startRate} hint={`${cohort}中已开工的：${data.started.count} ÷ ${data.signed.count}`} />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="投产率" rate={data.productionRate} hint={`${cohort}中已开工的项目里已投产的：${data.inProduction.count} ÷ ${data.started.count}`} />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="达效率" rate={data.outputAttainment} hint={`${cohort}中已投产并报告产值的：实际年产值 ÷ 预计年产值`} />
              </Col>
            </Row>
            <BatchLists selection={selection} counts={data.batches} />
            <Card title="各开发区推进用时" extra={<Typography.Text type="secondary">签约→开工：开工一批；开工→投产：投产一批</Typography.Text>}>
              <DurationBars rows={data.durationsByZone} zoneName={zoneName} />
            </Card>
            <Card
              title={`${cohort}中落后于计划的（${data.behindPlanTotal} 个）`}
              extra={data.behindPlanTotal > data.behindPlan.length ? <Typography.Text type="secondary">仅列出落后最多的 {data.behindPlan.length} 个</Typography.Text> : null}
            >
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
