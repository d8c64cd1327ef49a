import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState, type HTMLAttributes, type Key } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, type Json, type Session } from '../api';
import { REGIONAL_ASSESSMENTS, REQUIRED_ASSESSMENTS } from '@devzone/contracts/names';
import { checkStageName, errorText, PagedTable, placeIssues, useZones } from '../ui';

// ── Shared helpers of the 标准地 and 全代办 pages (Plots, LandProject, Worklist, DelegationDetail, TeamLoad) ──


/** The reasons inside a 409 message ("地块不能发布：A；B" → ['A', 'B']). */
export function refusalReasons(error: unknown): string[] {
  const text = errorText(error);
  const body = text.includes('：') ? text.slice(text.indexOf('：') + 1) : text;
  return body
    .split('；')
    .map((s) => s.trim())
    .filter(Boolean);
}


/** fen → "¥1,234.56" (zh-CN). */
export const yuan = (fen: number | null | undefined) => (typeof fen === 'number' ? (fen / 100).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }) : '—');

// ── 标准地 vocabulary (apps/standard-land/src/domain) ──

export const PLOT_STATUS_ZH: Record<string, string> = { PREPARING: '准备中', AVAILABLE: '可供应', RESERVED: '已预留', TRANSFERRED: '已出让' };
const PLOT_STATUS_COLOR: Record<string, string> = { PREPARING: 'default', AVAILABLE: 'green', RESERVED: 'orange', TRANSFERRED: 'blue' };
export const PlotStatusTag = ({ status }: { status: string }) => <Tag color={PLOT_STATUS_COLOR[status] ?? 'default'}>{PLOT_STATUS_ZH[status] ?? status}</Tag>;

const REQUIRED = new Set<string>(REQUIRED_ASSESSMENTS);
const SERVICING_LEVELS: { value: string; label: string }[] = [
  { value: 'none', label: '未平整' },
  { value: '三通一平', label: '三通一平' },
  { value: '五通一平', label: '五通一平' },
  { value: '七通一平', label: '七通一平' },
  { value: '九通一平', label: '九通一平' },
];
const servicingName = (v: string) => SERVICING_LEVELS.find((s) => s.value === v)?.label ?? v;

export const INDICATOR_ZH: Record<string, string> = {
  'investment-intensity': '固定资产投资强度',
  'floor-area-ratio': '容积率',
  'building-coverage': '建筑系数',
  'admin-land-share': '行政办公及生活服务设施用地所占比重',
  'green-ratio': '绿地率',
  'tax-per-mu': '亩均税收',
  'output-per-mu': '亩均产值',
  'value-added-per-energy': '单位能耗增加值',
  'value-added-per-emission': '单位排放增加值',
  'rd-intensity': '研发经费支出占营业收入比重',
};
export const indicatorName = (code: string) => INDICATOR_ZH[code] ?? code;
export const COMPARATOR_ZH: Record<string, string> = { gte: '不低于', lte: '不高于', range: '区间' };
/** Units as shown ("ratio" is a plain number). */
export const unitName = (unit: string) => (unit === 'ratio' ? '' : unit);

export interface IndicatorTarget {
  code: string;
  unit: string;
  comparator: 'gte' | 'lte' | 'range';
  target?: number;
  min?: number;
  max?: number;
  stage: string;
}

/** "≥ 300 万元/亩", "5 – 10 %". */
export function targetText(t: { comparator: string; target?: number | { min: number; max: number }; min?: number; max?: number; unit: string }): string {
  const unit = unitName(t.unit);
  if (t.comparator === 'range') {
    const range = typeof t.target === 'object' ? t.target : { min: t.min, max: t.max };
    return `${range.min} – ${range.max} ${unit}`.trim();
  }
  return `${t.comparator === 'lte' ? '≤' : '≥'} ${String(t.target)} ${unit}`.trim();
}

/** A plot's (or an agreement's) indicators: name, stage, comparator, target, unit. */
export function IndicatorTable({ indicators, testId }: { indicators: IndicatorTarget[]; testId?: string }) {
  return (
    <Table<IndicatorTarget>
      data-testid={testId}
      size="small"
      rowKey="code"
      dataSource={indicators}
      locale={{ emptyText: '未设定控制性指标' }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
      columns={[
        { title: '指标', dataIndex: 'code', render: (c: string) => <Tooltip title={`指标代码：${c}`}>{indicatorName(c)}</Tooltip> },
        { title: '核验阶段', dataIndex: 'stage', render: (s: string) => checkStageName(s) },
        { title: '要求', dataIndex: 'comparator', render: (c: string) => COMPARATOR_ZH[c] ?? c },
        { title: '目标值', key: 'target', render: (_: unknown, t) => (t.comparator === 'range' ? `${t.min} – ${t.max}` : t.target) },
        { title: '单位', dataIndex: 'unit', render: (u: string) => unitName(u) || '—' },
      ]}
    />
  );
}

// ── The page ──

interface Plot {
  id: string;
  code: string;
  zoneCode: string;
  location: string;
  areaMu: number;
  areaM2: number;
  landUse: string;
  industries: string[];
  assessments: string[];
  servicingLevel: string;
  status: string;
  indicators: IndicatorTarget[];
  templateVersion: number | null;
  reservedFor: string | null;
  reservedOn: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 标准地地块: the zone's plots by status, each one's indicators; register and publish plots; find plots for a project. */
export function Plots({ session }: { session: Session }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const isAdmin = session.user.role === 'admin' || session.user.role === 'province-manager';
  const { zones: allZones } = useZones();
  const zones = session.user.zones.length ? session.user.zones : allZones.map((z) => z.code);
  const mayEdit = session.user.role === 'zone-officer' || session.user.role === 'admin';
  const [status, setStatus] = useState<string>();
  const [zone, setZone] = useState<string>();
  const [version, setVersion] = useState(0);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const [creating, setCreating] = useState(false);
  const [publishing, setPublishing] = useState<string>();
  const [finding, setFinding] = useState(false);

  const fetchPage = (page: number, pageSize: number) => {
    const q = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (zone) q.set('zone', zone);
    if (status) q.set('status', status);
    return api<{ items: Plot[]; total: number }>('standard-land', `/plots?${q}`);
  };

  const publish = async (plot: Plot) => {
    setPublishing(plot.code);
    try {
      await api('standard-land', `/plots/${encodeURIComponent(plot.code)}/publish`, { method: 'POST' });
      message.success(`地块 ${plot.code} 已发布为标准地`);
      setVersion((v) => v + 1);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        modal.error({
          title: `地块 ${plot.code} 不能发布`,
          content: (
            <ul data-testid="publish-reasons" style={{ paddingLeft: 20, margin: 0 }}>
              {refusalReasons(error).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ),
          okText: '知道了',
        });
      } else message.error(errorText(error));
    } finally {
      setPublishing(undefined);
    }
  };

  const findFor = async (value: string) => {
    const key = value.trim();
    if (!key) return message.warning('请输入项目 ID 或项目代码');
    if (UUID.test(key)) return navigate(`/land/${key}`);
    setFinding(true);
    try {
      const project = await api<{ id: string }>('project-intake', `/projects/${encodeURIComponent(key)}`);
      navigate(`/land/${project.id}`);
    } catch (error) {
      message.error(error instanceof ApiError && error.status === 404 ? `未找到项目：${key}` : errorText(error));
    } finally {
      setFinding(false);
    }
  };

  const toggle = (id: string) => setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));

  return (
    <Card
      title="标准地地块"
      extra={
        mayEdit && (
          <Button type="primary" data-testid="plot-create" onClick={() => setCreating(true)}>
            登记地块
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {isAdmin && (
          <Select
            data-testid="plots-zone"
            allowClear
            placeholder="全部开发区"
            style={{ width: 220 }}
            value={zone}
            onChange={setZone}
            options={allZones.map((z) => ({ value: z.code, label: z.name }))}
          />
        )}
        <Select
          data-testid="plots-status"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(PLOT_STATUS_ZH).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search data-testid="plots-match" allowClear placeholder="输入项目 ID 或项目代码" enterButton="按项目匹配地块" loading={finding} onSearch={(v) => void findFor(v)} style={{ width: 460 }} />
      </Space>
      <PagedTable<Plot>
        deps={[zone, status, version]}
        fetchPage={fetchPage}
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
              <a data-testid={`plot-indicators-${p.code}`} onClick={() => toggle(p.id)}>
                {expanded.includes(p.id) ? '收起' : `查看 ${p.indicators.length} 项`}
              </a>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, p) => (
              <Space>
                {p.status === 'PREPARING' && mayEdit && (
                  <Button size="small" type="primary" data-testid={`publish-${p.code}`} loading={publishing === p.code} onClick={() => void publish(p)}>
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
      {creating && (
        <CreatePlot
          zones={zones}
          onClose={(created) => {
            setCreating(false);
            if (created) setVersion((v) => v + 1);
          }}
        />
      )}
    </Card>
  );
}

function PlotDetail({ plot }: { plot: Plot }) {
  const { zoneName } = useZones();
  const missing = REQUIRED_ASSESSMENTS.filter((a) => !plot.assessments.includes(a));
  return (
    <div data-testid={`plot-detail-${plot.code}`}>
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'zone', label: '开发区', children: zoneName(plot.zoneCode) },
          { key: 'm2', label: '面积（平方米）', children: plot.areaM2.toLocaleString('zh-CN') },
          { key: 'servicing', label: '场地条件', children: servicingName(plot.servicingLevel) },
          {
            key: 'assessments',
            label: '区域评估',
            span: 3,
            children: (
              <Space wrap size={[4, 4]}>
                {Object.entries(REGIONAL_ASSESSMENTS).map(([k, v]) => (
                  <Tag key={k} color={plot.assessments.includes(k) ? 'green' : REQUIRED.has(k) ? 'red' : 'default'}>
                    {v}
                    {plot.assessments.includes(k) ? '（已完成）' : '（未完成）'}
                  </Tag>
                ))}
                {missing.length > 0 && <Typography.Text type="danger">尚缺 {missing.length} 项必需评估</Typography.Text>}
              </Space>
            ),
          },
          { key: 'template', label: '指标来源', children: plot.templateVersion ? `开发区模板（第 ${plot.templateVersion} 版）` : '单独设定' },
          ...(plot.reservedOn ? [{ key: 'reservedOn', label: '预留日期', children: plot.reservedOn }] : []),
        ]}
      />
      <IndicatorTable indicators={plot.indicators} testId={`plot-indicator-table-${plot.code}`} />
    </div>
  );
}

interface PlotForm {
  code: string;
  zoneCode: string;
  location: string;
  areaMu: number;
  landUse: string;
  industries: string[];
  assessments: string[];
  servicingLevel: string;
}

function CreatePlot({ zones, onClose }: { zones: string[]; onClose: (created: boolean) => void }) {
  const { zoneName } = useZones();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlotForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async () => {
    let values: PlotForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setProblem(undefined);
    try {
      const plot = await api<Plot>('standard-land', '/plots', { body: { ...values, code: values.code.trim(), location: values.location.trim(), industries: values.industries ?? [], assessments: values.assessments ?? [] } });
      message.success(`地块 ${plot.code} 已登记（准备中）`);
      onClose(true);
    } catch (error) {
      const left = placeIssues(form, error);
      if (left === null) {
        if (error instanceof ApiError && error.status === 409) form.setFields([{ name: 'code', errors: [errorText(error)] }]);
        else setProblem(errorText(error));
      } else if (left.length) setProblem(left.join('；'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="登记地块" width={720} okText="登记" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={() => onClose(false)} okButtonProps={{ 'data-testid': 'plot-submit' } as Json} destroyOnHidden>
      <Form<PlotForm>
        form={form}
        layout="vertical"
        data-testid="plot-form"
        initialValues={{ zoneCode: zones[0], landUse: '工业用地', industries: [], assessments: REQUIRED_ASSESSMENTS, servicingLevel: '七通一平' }}
      >
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="code" label="地块编号" rules={[{ required: true, whitespace: true, message: '请填写地块编号' }, { max: 50, message: '地块编号不超过 50 个字符' }]} style={{ width: 260 }}>
            <Input placeholder="如 SX-ZGQ-2026-017" />
          </Form.Item>
          <Form.Item name="zoneCode" label="开发区" rules={[{ required: true, message: '请选择开发区' }]} style={{ width: 260 }}>
            <Select options={zones.map((z) => ({ value: z, label: zoneName(z) }))} />
          </Form.Item>
          <Form.Item name="areaMu" label="面积" rules={[{ required: true, message: '请填写面积' }, { type: 'number', min: 0.01, message: '面积应大于 0 亩' }]} style={{ width: 160 }}>
            <InputNumber min={0.01} precision={2} suffix="亩" style={{ width: '100%' }} />
          </Form.Item>
        </Space>
        <Form.Item name="location" label="位置" rules={[{ required: true, whitespace: true, message: '请填写位置' }, { max: 200, message: '位置不超过 200 个字符' }]}>
          <Input placeholder="如 示范区潇河园区纬三路以南" />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="landUse" label="用途" rules={[{ required: true, whitespace: true, message: '请填写用途' }]} style={{ width: 260 }}>
            <Select
              showSearch
              options={['工业用地', '仓储用地', '新型产业用地', '科研用地'].map((v) => ({ value: v, label: v }))}
            />
          </Form.Item>
          <Form.Item name="servicingLevel" label="场地条件" rules={[{ required: true, message: '请选择场地条件' }]} style={{ width: 200 }}>
            <Select options={SERVICING_LEVELS} />
          </Form.Item>
        </Space>
        <Form.Item
          name="industries"
          label="准入行业"
          extra="国民经济行业代码或其前缀（如 C39、C3841），回车确认；留空为不限"
          rules={[
            {
              validator: (_r, v: string[] | undefined) =>
                (v ?? []).every((c) => /^[A-T]\d{0,4}$/.test(c)) ? Promise.resolve() : Promise.reject(new Error('行业代码应为一个大写门类字母加至多 4 位数字，如 C39')),
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="不限" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="assessments" label="已完成的区域评估" extra="发布为标准地需完成前 7 项评估（地震安全性评价视情况开展），且场地达到三通一平以上">
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', rowGap: 4 }}
            options={Object.entries(REGIONAL_ASSESSMENTS).map(([value, label]) => ({ value, label: REQUIRED.has(value) ? label : `${label}（非必需）` }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          控制性指标采用所在开发区的“3+X”指标模板。
        </Typography.Paragraph>
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}
