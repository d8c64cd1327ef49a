import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Divider, Form, Input, InputNumber, Modal, Radio, Result, Row, Select, Space, Table, Tag, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState, type ReactNode } from 'react';
import { api, ROLE_ZH, type Json, type Role, type Session } from '../api';
import { checkStageName, errorText, ErrorAlert, placeIssues, ymd } from '../ui';
import { chinaToday, isOfficer, tid, useModalForm } from './CaseDetail';
import { indicatorName, targetText, unitName, yuan } from './Plots';

// ── The project's land besides the 标准地 flow (apps/standard-land): the checks' cases, land paths, construction progress and idle land ──

export interface LeaseTerms {
  landlord: string;
  premises: string;
  floorAreaM2: number;
  leaseFrom: string;
  leaseTo: string;
  standardFactory: boolean;
}

/** How the project's land is secured (GET /projects/:id/land → path). */
export interface LandPathView {
  path: string;
  securedOn: string;
  reference: string;
  areaMu: number | null;
  location: string | null;
  lease: LeaseTerms | null;
  recordedBy: { id: string; role: string } | null;
}

/** What these cards read of the 出让 contract (标准地 or an ordinary grant). */
export interface LandContract {
  kind?: 'standard-land' | 'grant';
  contractNumber: string;
  signedOn: string;
  landPriceFen: number;
  agreedStart: string;
  agreedCompletion: string;
  agreedProduction: string | null;
  areaMu?: number | null;
  location?: string | null;
  agreement: { breachTerms?: { idle?: IdleTerms } } | null;
}

export interface ProgressRow {
  id: string;
  reportedOn: string;
  builtFloorAreaM2: number;
  investmentMade: number;
  reportedBy: { id: string; role: string } | null;
}

export interface ExemptionRow {
  id: string;
  cause: string;
  reason: string;
  from: string;
  to: string | null;
}

/** The idle-land assessment as of today (domain/idle-land.ts assessIdleLand), with the levels already raised. */
export interface IdleLandView {
  case: 'not-started' | 'stalled' | null;
  level: 'none' | 'fee' | 'recovery';
  clockFrom: string | null;
  exemptDays: number;
  daysIdle: number;
  feeFrom: string | null;
  recoveryFrom: string | null;
  feeFen: number;
  raised?: Record<string, 'fee' | 'recovery' | null>;
}

interface IdleTerms {
  feeBasisPoints: number;
  feeAfterYears: number;
  recoverAfterYears: number;
}

interface ProjectOfPath {
  projectId: string;
  landAreaMu: number;
  usesStandardLand: boolean;
  totalInvestment?: number | null;
  actualStart: string | null;
}

export const PATH_ZH: Record<string, string> = { 'standard-land': '标准地', grant: '招拍挂出让', 'own-land': '自有用地', lease: '租赁厂房', none: '无新增用地' };
const PATH_COLOR: Record<string, string> = { 'standard-land': 'blue', grant: 'geekblue', 'own-land': 'cyan', lease: 'purple', none: 'default' };
const CAUSES = [
  { value: 'planning-change', label: '规划调整' },
  { value: 'land-not-delivered', label: '未按约定交付土地' },
  { value: 'military-or-heritage', label: '军事管制、文物保护' },
  { value: 'other-government', label: '其他政府原因' },
];
const causeName = (c: string) => CAUSES.find((x) => x.value === c)?.label ?? '其他政府原因';
const IDLE_CASE_ZH: Record<string, string> = { 'not-started': '未动工开发', stalled: '已动工但中止开发' };
const DEFAULT_IDLE: IdleTerms = { feeBasisPoints: 2000, feeAfterYears: 1, recoverAfterYears: 2 };
const pct = (bp: number) => `${bp / 100}%`;
const roleName = (role: string) => ROLE_ZH[role as Role] ?? '系统';
const today = () => dayjs(chinaToday());
const afterToday = (d: Dayjs) => d.isAfter(today(), 'day');
const notAfterToday = (what: string) => ({
  validator: (_r: unknown, v: Dayjs | undefined) => (!v || !afterToday(v) ? Promise.resolve() : Promise.reject(new Error(`${what}不能晚于今天`))),
});
/** This date field is not before (or, `strict`, after) another one of the form. */
const notBefore = (form: FormInstance, other: string, what: string, strict = false) => ({
  validator: (_r: unknown, v: Dayjs | undefined) => {
    const base = form.getFieldValue(other) as Dayjs | undefined;
    if (!v || !base) return Promise.resolve();
    const bad = strict ? !v.isAfter(base, 'day') : v.isBefore(base, 'day');
    return bad ? Promise.reject(new Error(`${strict ? '应晚于' : '不能早于'}${what}`)) : Promise.resolve();
  },
});
const required = (message: string) => ({ required: true, message });
const text = (message: string, max: number) => [{ required: true, whitespace: true, message }, { max, message: `不超过 ${max} 个字符` }];

const Reasons = ({ reasons }: { reasons: string[] }) => (
  <ul style={{ paddingLeft: 18, margin: 0 }}>
    {reasons.map((r) => (
      <li key={r}>{r}</li>
    ))}
  </ul>
);

// ── Check cases: rectification before penalty (domain/consequences.ts) ──

export interface CheckResultRow {
  code: string;
  nameZh: string;
  unit: string;
  comparator: string;
  target: number | { min: number; max: number };
  measured: number;
  passed: boolean;
  shortfall: number;
  shortfallPercent: number;
}

export interface Consequence {
  passed: boolean;
  penaltyFen: number;
  capped: boolean;
  rectifyBy: string | null;
}

/**
 * One check stage as a case (domain/consequences.ts): the first check passes, or opens a
 * rectification period (no penalty); the re-check within it passes (closed) or assesses the
 * penalty; a lapsed period is penalised from the first check's figures.
 */
export interface LandCheck {
  id: string;
  stage: string;
  checkedOn: string;
  results: CheckResultRow[];
  /** The first check passed. */
  passed: boolean;
  /** The penalty assessed (0 until a failed re-check or a lapsed period). */
  penaltyFen: number;
  rectifyBy: string | null;
  /** What the first check's failure would cost. */
  consequence?: Consequence;
  state?: 'passed' | 'rectifying' | 'recheck-passed' | 'penalty-assessed';
  recheck?: { checkedOn: string; results: CheckResultRow[]; passed: boolean; consequence: Consequence } | null;
  penaltyReason?: string | null;
  assessedOn?: string | null;
}

export const STAGES = ['completion', 'full-production'];
/** The stage's case: its last row (one per stage since the rectification order; older data may hold more). */
export const caseOf = (checks: LandCheck[], stage: string) => checks.filter((c) => c.stage === stage).at(-1);
/** Rows from before the rectification order have no state: a failure was penalised at once. */
export const stateOf = (c: LandCheck) => c.state ?? (c.passed ? 'passed' : 'penalty-assessed');
/** Rectifying past its deadline: no re-check any more, the penalty is assessed for the lapse. */
export const lapsed = (c: LandCheck) => stateOf(c) === 'rectifying' && !!c.rectifyBy && chinaToday() > c.rectifyBy;
export const lastDate = (c: LandCheck) => c.recheck?.checkedOn ?? c.checkedOn;
export const PENALTY_REASON_ZH: Record<string, string> = { 'recheck-failed': '复查仍未达标', 'rectification-lapsed': '整改期满未复查通过', 'check-failed': '核验未通过' };

/** The case's state in words: 已通过 / 整改中，X 前复查 / 复查通过 / 已核定违约金 ¥…. */
export function checkState(c: LandCheck): [color: string, text: string] {
  switch (stateOf(c)) {
    case 'passed':
      return ['green', '已通过'];
    case 'recheck-passed':
      return ['green', '复查通过'];
    case 'rectifying':
      return lapsed(c) ? ['red', `整改期满（${c.rectifyBy}），待核定违约金`] : ['orange', `整改中，${c.rectifyBy ?? '—'} 前复查`];
    default:
      return ['red', `已核定违约金 ${yuan(c.penaltyFen)}`];
  }
}

export const CheckStateTag = ({ check }: { check: LandCheck }) => {
  const [color, text] = checkState(check);
  return (
    <Tag color={color} {...tid(`check-state-${check.stage}`)}>
      {text}
    </Tag>
  );
};

const targetOf = (r: CheckResultRow) => targetText({ comparator: r.comparator, target: r.target, unit: r.unit });

export function ResultTable({ results }: { results: CheckResultRow[] }) {
  return (
    <Table<CheckResultRow>
      rowKey="code"
      size="small"
      dataSource={results}
      locale={{ emptyText: '暂无数据' }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
      rowClassName={(r) => (r.passed ? '' : 'check-failed')}
      columns={[
        { title: '指标', dataIndex: 'nameZh', render: (n: string, r) => n || indicatorName(r.code) },
        { title: '要求', key: 'target', render: (_: unknown, r) => targetOf(r) },
        { title: '实测', key: 'measured', render: (_: unknown, r) => `${r.measured} ${unitName(r.unit)}`.trim() },
        { title: '结果', dataIndex: 'passed', render: (p: boolean) => (p ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>) },
        { title: '差额', key: 'shortfall', render: (_: unknown, r) => (r.passed ? '—' : `${r.shortfall} ${unitName(r.unit)}`.trim()) },
        { title: '差额比例', dataIndex: 'shortfallPercent', render: (p: number, r) => (r.passed ? '—' : `${p}%`) },
      ]}
    />
  );
}

/** A case's latest check (the re-check when there is one) and what follows from it. */
export function CheckResult({ check, latest }: { check: LandCheck; latest?: boolean }) {
  const re = check.recheck ?? null;
  const state = stateOf(check);
  const passedNow = re ? re.passed : check.passed;
  const capped = (re && !re.passed ? re.consequence : check.consequence)?.capped;
  let detail: ReactNode;
  if (state === 'passed') detail = '全部约定指标达标。';
  else if (state === 'recheck-passed') detail = `复查全部达标，整改完成，不计违约金（首次核验 ${check.checkedOn} 未通过）。`;
  else if (state === 'rectifying')
    detail = (
      <Space orientation="vertical" size={4}>
        <Typography.Text strong data-testid="check-rectify">
          {lapsed(check) ? `整改期限 ${check.rectifyBy} 已届满，待核定违约金` : `整改期限：${check.rectifyBy ?? '—'}，期限内复查`}
        </Typography.Text>
        <Typography.Text type="warning" data-testid="check-penalty">
          暂不计违约金；复查仍未达标或逾期未复查通过的，按约定核定违约金（按本次实测为 {yuan(check.consequence?.penaltyFen)}）
        </Typography.Text>
      </Space>
    );
  else
    detail = (
      <Space orientation="vertical" size={4}>
        <Typography.Text type="danger" strong style={{ fontSize: 16 }} data-testid="check-penalty">
          违约金：{yuan(check.penaltyFen)}
          {capped ? '（已按上限计）' : ''}
        </Typography.Text>
        <Typography.Text strong data-testid="check-rectify">
          {PENALTY_REASON_ZH[check.penaltyReason ?? ''] ?? '核验未通过'}
          {check.rectifyBy ? `（整改期限 ${check.rectifyBy}）` : ''}
          {check.assessedOn ? `，${check.assessedOn} 核定` : ''}
        </Typography.Text>
      </Space>
    );
  return (
    <Card title={`${latest ? '最近一次核验' : '核验结果'} · ${checkStageName(check.stage)}${re ? '复查' : ''}（${lastDate(check)}）`} data-testid="check-result">
      <Result
        status={passedNow ? 'success' : state === 'rectifying' ? 'warning' : 'error'}
        title={<span data-testid="check-verdict">{re ? (re.passed ? '复查通过' : '复查未通过') : check.passed ? '通过' : '未通过'}</span>}
        subTitle={detail}
        style={{ padding: '8px 0 16px' }}
      />
      <ResultTable results={re?.results ?? check.results} />
      {re && (
        <>
          <Divider titlePlacement="start" plain>
            首次核验（{check.checkedOn}）
          </Divider>
          <ResultTable results={check.results} />
        </>
      )}
    </Card>
  );
}

// ── 落实用地: the path and its form ──

type OfficerPath = 'grant' | 'own-land' | 'lease';

/**
 * Sends one path's form: the 400 reasons under their fields (the price in 元 on the
 * form, in 分 at the service), the rest (409: already secured …) above the button.
 */
function usePathForm<V>(form: FormInstance<V>, projectId: string, path: OfficerPath, body: (v: V) => Json, onDone: () => void) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string[]>([]);
  const submit = async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setProblem([]);
    try {
      await api('standard-land', `/projects/${projectId}/${path === 'grant' ? 'land-grant' : path}`, { body: body(v) });
      message.success(`已登记${PATH_ZH[path]}，项目用地已落实`);
      onDone();
    } catch (e) {
      const left = placeIssues(form, e, (f) => (f === 'landPriceFen' ? 'landPriceYuan' : undefined));
      setProblem(left === null ? [errorText(e)] : left);
    } finally {
      setSaving(false);
    }
  };
  const footer = (submitText: string) => (
    <>
      {problem.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="未能登记" description={<Reasons reasons={problem} />} />}
      <Button type="primary" loading={saving} onClick={() => void submit()} {...tid(`${path}-submit`)}>
        {submitText}
      </Button>
    </>
  );
  return { footer };
}

interface GrantValues {
  number: string;
  signedOn: Dayjs;
  landPriceYuan: number;
  areaMu: number;
  location: string;
  agreedStart: Dayjs;
  agreedCompletion: Dayjs;
  agreedProduction?: Dayjs;
}

function GrantForm({ project, onDone }: { project: ProjectOfPath; onDone: () => void }) {
  const [form] = Form.useForm<GrantValues>();
  const { footer } = usePathForm(
    form,
    project.projectId,
    'grant',
    (v) => ({
      number: v.number.trim(),
      signedOn: ymd(v.signedOn),
      landPriceFen: Math.round(v.landPriceYuan * 100),
      areaMu: v.areaMu,
      location: v.location.trim(),
      agreedStart: ymd(v.agreedStart),
      agreedCompletion: ymd(v.agreedCompletion),
      ...(v.agreedProduction ? { agreedProduction: ymd(v.agreedProduction) } : {}),
    }),
    onDone,
  );
  return (
    <Form<GrantValues> form={form} layout="vertical" initialValues={{ signedOn: today(), areaMu: project.landAreaMu || undefined }} {...tid('grant-form')}>
      <Typography.Paragraph type="secondary">国有建设用地使用权出让合同（招标、拍卖、挂牌）。非标准地，不签履约监管协议、不核验控制性指标，但适用闲置土地处置规定。</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="number" label="出让合同编号" rules={text('请填写出让合同编号', 100)}>
            <Input placeholder="如 晋综示让〔2026〕21号" {...tid('grant-number')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="signedOn" label="签订日期" rules={[required('请选择签订日期'), notAfterToday('签订日期')]}>
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="landPriceYuan" label="出让价款" rules={[required('请填写出让价款'), { type: 'number', min: 0.01, message: '出让价款应大于 0' }]}>
            <InputNumber<number> min={0.01} precision={2} suffix="元" style={{ width: '100%' }} formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} parser={(v) => Number((v ?? '').replace(/,/g, ''))} {...tid('grant-price')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="areaMu" label="出让面积" rules={[required('请填写出让面积'), { type: 'number', min: 0.0001, message: '出让面积应大于 0' }]}>
            <InputNumber min={0} precision={4} suffix="亩" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="location" label="土地坐落" rules={text('请填写土地坐落', 200)}>
            <Input placeholder="如 示范区阳曲园区纬二路以北" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="agreedStart" label="约定开工日期" rules={[required('请选择约定开工日期')]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="agreedCompletion" label="约定竣工日期" dependencies={['agreedStart']} rules={[required('请选择约定竣工日期'), notBefore(form, 'agreedStart', '约定开工日期')]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="agreedProduction" label="约定投产日期（选填）" dependencies={['agreedCompletion']} rules={[notBefore(form, 'agreedCompletion', '约定竣工日期')]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {footer('登记出让合同')}
    </Form>
  );
}

interface OwnLandValues {
  certificateNumber: string;
  areaMu: number;
  location: string;
}

function OwnLandForm({ project, onDone }: { project: ProjectOfPath; onDone: () => void }) {
  const [form] = Form.useForm<OwnLandValues>();
  const { footer } = usePathForm(form, project.projectId, 'own-land', (v) => ({ certificateNumber: v.certificateNumber.trim(), areaMu: v.areaMu, location: v.location.trim() }), onDone);
  return (
    <Form<OwnLandValues> form={form} layout="vertical" initialValues={{ areaMu: project.landAreaMu || undefined }} {...tid('own-land-form')}>
      <Typography.Paragraph type="secondary">企业以已取得的国有建设用地使用权建设本项目，登记其不动产权证。</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="certificateNumber"
            label="不动产权证号"
            rules={[
              ...text('请填写不动产权证号', 100),
              { validator: (_r, v: string | undefined) => (!v?.trim() || v.includes('不动产权') ? Promise.resolve() : Promise.reject(new Error('不动产权证号应含“不动产权”'))) },
            ]}
          >
            <Input placeholder="如 晋(2026)太原市不动产权第0012345号" {...tid('own-land-certificate')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="areaMu" label="用地面积" rules={[required('请填写用地面积'), { type: 'number', min: 0.0001, message: '用地面积应大于 0' }]}>
            <InputNumber min={0} precision={4} suffix="亩" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="location" label="土地坐落" rules={text('请填写土地坐落', 200)}>
        <Input placeholder="如 示范区潇河园区建材路8号" />
      </Form.Item>
      {footer('登记自有用地')}
    </Form>
  );
}

interface LeaseValues {
  contractNumber: string;
  landlord: string;
  premises: string;
  floorAreaM2: number;
  leaseFrom: Dayjs;
  leaseTo: Dayjs;
  standardFactory: boolean;
}

function LeaseForm({ project, onDone }: { project: ProjectOfPath; onDone: () => void }) {
  const [form] = Form.useForm<LeaseValues>();
  const { footer } = usePathForm(
    form,
    project.projectId,
    'lease',
    (v) => ({
      contractNumber: v.contractNumber.trim(),
      landlord: v.landlord.trim(),
      premises: v.premises.trim(),
      floorAreaM2: v.floorAreaM2,
      leaseFrom: ymd(v.leaseFrom),
      leaseTo: ymd(v.leaseTo),
      standardFactory: v.standardFactory,
    }),
    onDone,
  );
  return (
    <Form<LeaseValues> form={form} layout="vertical" initialValues={{ standardFactory: true }} {...tid('lease-form')}>
      <Typography.Paragraph type="secondary">企业租赁厂房（含开发区建设的标准厂房）实施项目，登记租赁合同。</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="contractNumber" label="租赁合同编号" rules={text('请填写租赁合同编号', 100)}>
            <Input placeholder="如 ZL-2026-031" {...tid('lease-number')} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="landlord" label="出租方" rules={text('请填写出租方', 200)}>
            <Input placeholder="如 山西转型综改示范区产业园运营有限公司" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="premises" label="租赁场所" rules={text('请填写租赁场所', 200)}>
            <Input placeholder="如 潇河产业园区标准厂房 3 号楼" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="floorAreaM2" label="租赁建筑面积" rules={[required('请填写租赁建筑面积'), { type: 'number', min: 0.01, message: '租赁建筑面积应大于 0' }]}>
            <InputNumber min={0} precision={2} suffix="m²" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="leaseFrom" label="租赁起始日期" rules={[required('请选择租赁起始日期')]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="leaseTo" label="租赁截止日期" dependencies={['leaseFrom']} rules={[required('请选择租赁截止日期'), notBefore(form, 'leaseFrom', '起始日期', true)]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="standardFactory" label="厂房类型" rules={[{ required: true, message: '请选择厂房类型' }]}>
            <Radio.Group
              options={[
                { value: true, label: '标准厂房' },
                { value: false, label: '其他厂房' },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      {footer('登记租赁合同')}
    </Form>
  );
}

const PATH_CHOICES: { value: OfficerPath; label: string }[] = [
  { value: 'grant', label: '招拍挂出让' },
  { value: 'own-land', label: '自有用地' },
  { value: 'lease', label: '租赁厂房' },
];

/** 落实用地 of a project not on 标准地: the path, then its document. Officers record it; others see that it is pending. */
export function SecureLand({ session, project, onChanged }: { session: Session; project: ProjectOfPath; onChanged: () => void }) {
  const noNewLand = !(project.landAreaMu > 0);
  const [path, setPath] = useState<OfficerPath>(noNewLand ? 'lease' : 'grant');
  if (!isOfficer(session))
    return (
      <Card title="落实用地" {...tid('secure-land')}>
        <Alert type="info" showIcon title="项目未申请标准地，用地尚未落实，由开发区审批专员登记用地方式。" />
      </Card>
    );
  return (
    <Card title="落实用地" {...tid('secure-land')}>
      <Typography.Paragraph type="secondary">
        项目未申请标准地，无需匹配地块。请选择落实用地的方式并登记相应文件{noNewLand ? '（项目无新增用地需求，只能登记租赁厂房）' : ''}。
      </Typography.Paragraph>
      <Radio.Group value={path} onChange={(e) => setPath(e.target.value as OfficerPath)} optionType="button" buttonStyle="solid" style={{ marginBottom: 16 }} {...tid('land-path-choice')}>
        {PATH_CHOICES.map((c) => (
          <Radio.Button key={c.value} value={c.value} disabled={noNewLand && c.value !== 'lease'}>
            <span {...tid(`path-${c.value}`)}>{c.label}</span>
          </Radio.Button>
        ))}
      </Radio.Group>
      {path === 'grant' && <GrantForm key="grant" project={project} onDone={onChanged} />}
      {path === 'own-land' && <OwnLandForm key="own-land" project={project} onDone={onChanged} />}
      {path === 'lease' && <LeaseForm key="lease" project={project} onDone={onChanged} />}
    </Card>
  );
}

/** The secured path and its document: 标准地 or grant contract, 不动产权证, lease, or no new land. */
export function LandPathCard({
  session,
  project,
  path: p,
  contract,
  plot,
  onChanged,
}: {
  session: Session;
  project: ProjectOfPath;
  path: LandPathView;
  contract: LandContract | null;
  plot: { code: string; location: string; areaMu: number } | null;
  onChanged: () => void;
}) {
  const [leasing, setLeasing] = useState(false);
  const item = (key: string, label: string, children: ReactNode) => ({ key, label, children });
  const area = (mu: number | null | undefined) => (typeof mu === 'number' ? `${mu} 亩` : '—');
  const doc: { key: string; label: string; children: ReactNode }[] = [];
  switch (p.path) {
    case 'standard-land':
      doc.push(item('ref', '出让合同编号', p.reference), item('plot', '地块', plot ? `${plot.code}（${plot.location}）` : (p.location ?? '—')), item('area', '面积', area(plot?.areaMu ?? p.areaMu)));
      break;
    case 'grant':
      doc.push(
        item('ref', '出让合同编号', p.reference),
        item('price', '出让价款', contract ? yuan(contract.landPriceFen) : '—'),
        item('area', '出让面积', area(p.areaMu)),
        item('loc', '土地坐落', p.location ?? '—'),
        ...(contract
          ? [
              item('start', '约定开工', contract.agreedStart),
              item('completion', '约定竣工', contract.agreedCompletion),
              item('production', '约定投产', contract.agreedProduction ?? '—'),
            ]
          : []),
      );
      break;
    case 'own-land':
      doc.push(item('ref', '不动产权证号', p.reference), item('area', '用地面积', area(p.areaMu)), item('loc', '土地坐落', p.location ?? '—'));
      break;
    case 'lease':
      doc.push(
        item('ref', '租赁合同编号', p.reference),
        item('landlord', '出租方', p.lease?.landlord ?? '—'),
        item('premises', '租赁场所', p.lease?.premises ?? p.location ?? '—'),
        item('floor', '租赁建筑面积', p.lease ? `${p.lease.floorAreaM2.toLocaleString('zh-CN')} m²` : '—'),
        item('period', '租赁期限', p.lease ? `${p.lease.leaseFrom} 至 ${p.lease.leaseTo}` : '—'),
        item('kind', '厂房类型', p.lease ? (p.lease.standardFactory ? '标准厂房' : '其他厂房') : '—'),
      );
      break;
    default:
      doc.push(item('ref', '说明', `${p.reference}（项目签约时用地需求为 0 亩）`));
  }
  return (
    <Card
      title="项目用地方式"
      {...tid('land-path')}
      extra={
        p.path === 'none' &&
        isOfficer(session) &&
        !leasing && (
          <Button onClick={() => setLeasing(true)} {...tid('lease-instead')}>
            改为租赁厂房
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={3}
        items={[
          item(
            'path',
            '用地方式',
            <Tag color={PATH_COLOR[p.path] ?? 'default'} {...tid('land-path-kind')}>
              {PATH_ZH[p.path] ?? '其他'}
            </Tag>,
          ),
          item('on', '落实日期', p.securedOn),
          item('by', '登记', p.recordedBy ? `${roleName(p.recordedBy.role)}登记` : '签约时自动登记'),
          ...doc,
        ]}
      />
      {leasing && p.path === 'none' && (
        <>
          <Divider titlePlacement="start" plain>
            登记租赁厂房
          </Divider>
          <LeaseForm project={project} onDone={onChanged} />
          <Button type="link" onClick={() => setLeasing(false)}>
            取消
          </Button>
        </>
      )}
    </Card>
  );
}

// ── 施工进度 and 闲置土地 ──

function IdleState({ idle, contract, project }: { idle: IdleLandView | null; contract: LandContract; project: ProjectOfPath }) {
  const terms = contract.agreement?.breachTerms?.idle ?? DEFAULT_IDLE;
  if (!idle) return <Alert type="info" showIcon title="暂无闲置土地认定结果" />;
  if (!idle.case)
    return (
      <Alert
        type="success"
        showIcon
        {...tid('idle-state')}
        title="未构成闲置土地"
        description={project.actualStart ? '项目已开工；最近一次施工进度未低于认定标准，或尚未填报施工进度。' : undefined}
      />
    );
  if (idle.clockFrom !== null && idle.clockFrom > chinaToday())
    return (
      <Alert
        type="info"
        showIcon
        {...tid('idle-state')}
        title={`约定开工日期 ${idle.clockFrom} 未到，尚未开始计算闲置时间`}
        description={`超过约定开工日期满 ${terms.feeAfterYears} 年未动工的，征收土地闲置费（出让价款的 ${pct(terms.feeBasisPoints)}）；满 ${terms.recoverAfterYears} 年的，可无偿收回。`}
      />
    );
  const what =
    idle.case === 'not-started'
      ? `未动工：约定开工日期 ${idle.clockFrom ?? '—'}，至今未报开工`
      : `已动工但中止开发：已建建筑面积不足规划的三分之一或已完成投资不足总投资的 25%，自 ${idle.clockFrom ?? '—'} 起未再增加`;
  const consequence =
    idle.level === 'recovery'
      ? `闲置已满 ${terms.recoverAfterYears} 年（${idle.recoveryFrom}），可无偿收回国有建设用地使用权`
      : idle.level === 'fee'
        ? `闲置已满 ${terms.feeAfterYears} 年（${idle.feeFrom}），征收土地闲置费 ${yuan(idle.feeFen)}；${idle.recoveryFrom} 起可无偿收回`
        : `${idle.feeFrom} 起征收土地闲置费（出让价款的 ${pct(terms.feeBasisPoints)}），${idle.recoveryFrom} 起可无偿收回`;
  const raised = idle.raised?.[idle.case];
  return (
    <Alert
      type={idle.level === 'none' ? 'warning' : 'error'}
      showIcon
      {...tid('idle-state')}
      title={
        <Space wrap>
          <Tag color={idle.level === 'recovery' ? 'red' : idle.level === 'fee' ? 'volcano' : 'orange'}>{IDLE_CASE_ZH[idle.case] ?? '闲置'}</Tag>
          <span {...tid('idle-days')}>{idle.case === 'not-started' ? '逾期未动工' : '中止开发'} {idle.daysIdle} 天</span>
          {idle.exemptDays > 0 && <Typography.Text type="secondary">（政府原因迟延 {idle.exemptDays} 天不计入）</Typography.Text>}
          {raised && <Tag>{raised === 'recovery' ? '已认定：无偿收回' : '已认定：征收闲置费'}</Tag>}
        </Space>
      }
      description={
        <Space orientation="vertical" size={2}>
          <span>{what}。</span>
          <span {...tid('idle-consequence')}>{consequence}。</span>
        </Space>
      }
    />
  );
}

/** 闲置土地 on 出让 land: the assessment, construction progress (officers and the enterprise file it) and government-caused delays (officers). */
export function IdleLandCard({
  session,
  project,
  contract,
  idle,
  progress,
  exemptions,
  onChanged,
}: {
  session: Session;
  project: ProjectOfPath;
  contract: LandContract;
  idle: IdleLandView | null;
  progress: ProgressRow[];
  exemptions: ExemptionRow[];
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<'progress' | 'exemption'>();
  const officer = isOfficer(session);
  const mayReport = officer || session.user.role === 'enterprise';
  const close = (done: boolean, what: string) => {
    setOpen(undefined);
    if (done) {
      message.success(what);
      onChanged();
    }
  };
  return (
    <Card
      title="施工进度与闲置土地"
      {...tid('idle-land')}
      extra={
        <Space>
          {mayReport && (
            <Button onClick={() => setOpen('progress')} {...tid('progress-open')}>
              填报施工进度
            </Button>
          )}
          {officer && (
            <Button onClick={() => setOpen('exemption')} {...tid('exemption-open')}>
              登记政府原因迟延
            </Button>
          )}
        </Space>
      }
    >
      <IdleState idle={idle} contract={contract} project={project} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        依据《闲置土地处置办法》：超过约定开工日期满一年未动工，或已动工但已建面积不足三分之一、已完成投资不足总投资 25% 且中止开发满一年的，认定为闲置土地；政府原因造成的迟延期间不计入。
      </Typography.Paragraph>
      <Divider titlePlacement="start" plain>
        施工进度（累计）
      </Divider>
      <Table<ProgressRow>
        rowKey="id"
        size="small"
        dataSource={[...progress].reverse()}
        locale={{ emptyText: '尚未填报施工进度' }}
        pagination={{ pageSize: 5, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 次` }}
        {...tid('progress-list')}
        columns={[
          { title: '填报日期', dataIndex: 'reportedOn' },
          { title: '已建建筑面积', dataIndex: 'builtFloorAreaM2', align: 'right', render: (v: number) => `${v.toLocaleString('zh-CN')} m²` },
          { title: '已完成投资', dataIndex: 'investmentMade', align: 'right', render: (v: number) => `${v.toLocaleString('zh-CN')} 万元` },
          { title: '填报人', dataIndex: 'reportedBy', render: (by: ProgressRow['reportedBy']) => (by ? roleName(by.role) : '—') },
        ]}
      />
      <Divider titlePlacement="start" plain>
        政府原因造成的迟延
      </Divider>
      <Table<ExemptionRow>
        rowKey="id"
        size="small"
        dataSource={exemptions}
        locale={{ emptyText: '无' }}
        pagination={{ pageSize: 5, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
        {...tid('exemption-list')}
        columns={[
          { title: '原因类别', dataIndex: 'cause', render: (c: string) => causeName(c) },
          { title: '说明', dataIndex: 'reason' },
          { title: '期间', key: 'span', render: (_: unknown, e) => (e.to ? `${e.from} 至 ${e.to}` : `${e.from} 起（仍在持续）`) },
        ]}
      />
      {open === 'progress' && <ProgressModal project={project} onClose={(done) => close(done, '施工进度已填报')} />}
      {open === 'exemption' && <ExemptionModal onClose={(done) => close(done, '已登记政府原因迟延，期间不计闲置时间')} projectId={project.projectId} />}
    </Card>
  );
}

interface ProgressValues {
  reportedOn?: Dayjs;
  builtFloorAreaM2: number;
  investmentMade: number;
}

function ProgressModal({ project, onClose }: { project: ProjectOfPath; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<ProgressValues>();
  const { saving, error, ok } = useModalForm(
    form,
    ['reportedOn', 'builtFloorAreaM2', 'investmentMade'],
    (v) => api('standard-land', `/projects/${project.projectId}/construction-progress`, { body: { ...(v.reportedOn ? { reportedOn: ymd(v.reportedOn) } : {}), builtFloorAreaM2: v.builtFloorAreaM2, investmentMade: v.investmentMade } }),
    onClose,
  );
  return (
    <Modal open title="填报施工进度" okText="提交" cancelText="取消" okButtonProps={{ ...tid('progress-submit'), loading: saving }} onOk={() => void ok()} onCancel={() => onClose(false)} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form<ProgressValues> form={form} layout="vertical" preserve={false} initialValues={{ reportedOn: today() }} {...tid('progress-form')}>
        <Form.Item name="reportedOn" label="填报日期" rules={[required('请选择填报日期'), notAfterToday('填报日期')]}>
          <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="builtFloorAreaM2" label="累计已建建筑面积" extra="自开工起的累计数，不是本期增量" rules={[required('请填写已建建筑面积'), { type: 'number', min: 0, message: '不能为负' }]}>
          <InputNumber min={0} precision={2} suffix="m²" style={{ width: '100%' }} {...tid('progress-area')} />
        </Form.Item>
        <Form.Item
          name="investmentMade"
          label="累计已完成投资"
          extra={project.totalInvestment ? `项目总投资 ${project.totalInvestment.toLocaleString('zh-CN')} 万元` : undefined}
          rules={[required('请填写已完成投资'), { type: 'number', min: 0, message: '不能为负' }]}
        >
          <InputNumber min={0} precision={2} suffix="万元" style={{ width: '100%' }} {...tid('progress-investment')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ExemptionValues {
  cause: string;
  reason: string;
  from: Dayjs;
  to?: Dayjs;
}

function ExemptionModal({ projectId, onClose }: { projectId: string; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<ExemptionValues>();
  const { saving, error, ok } = useModalForm(
    form,
    ['cause', 'reason', 'from', 'to'],
    (v) => api('standard-land', `/projects/${projectId}/idle-exemption`, { body: { cause: v.cause, reason: v.reason.trim(), from: ymd(v.from), ...(v.to ? { to: ymd(v.to) } : {}) } }),
    onClose,
  );
  return (
    <Modal open title="登记政府原因造成的迟延" okText="登记" cancelText="取消" okButtonProps={{ ...tid('exemption-submit'), loading: saving }} onOk={() => void ok()} onCancel={() => onClose(false)} destroyOnHidden>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">《闲置土地处置办法》第八条：因政府原因造成动工开发迟延的，迟延期间不计入闲置时间。</Typography.Paragraph>
      <Form<ExemptionValues> form={form} layout="vertical" preserve={false} {...tid('exemption-form')}>
        <Form.Item name="cause" label="原因类别" rules={[required('请选择原因类别')]}>
          <Select options={CAUSES} placeholder="选择原因类别" {...tid('exemption-cause')} />
        </Form.Item>
        <Form.Item name="reason" label="原因说明" rules={text('须说明政府原因', 500)}>
          <Input.TextArea rows={3} showCount maxLength={500} placeholder="如：因片区控制性详细规划调整，暂停办理建设工程规划许可" {...tid('exemption-reason')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="from" label="开始日期" rules={[required('请选择开始日期')]}>
              <DatePicker style={{ width: '100%' }} {...tid('exemption-from')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="to" label="结束日期（选填）" extra="不填表示仍在持续，期间暂停计算闲置时间" dependencies={['from']} rules={[notBefore(form, 'from', '开始日期')]}>
              <DatePicker style={{ width: '100%' }} {...tid('exemption-to')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
