import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Divider, Empty, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Json, type Session } from '../api';
import { ErrorAlert, errorText, placeIssues, StageTag, checkStageName, useLoad, useZones, ymd } from '../ui';
import { tid } from './CaseDetail';
import {
  caseOf,
  CheckResult,
  checkState,
  CheckStateTag,
  IdleLandCard,
  lapsed,
  LandPathCard,
  lastDate,
  ResultTable,
  SecureLand,
  STAGES,
  stateOf,
  type CheckResultRow,
  type ExemptionRow,
  type IdleLandView,
  type LandContract,
  type LandCheck,
  type LandPathView,
  type ProgressRow,
} from './LandPaths';
import {
  IndicatorTable,
  indicatorName,
  PlotStatusTag,
  refusalReasons,
  targetText,
  unitName,
  yuan,
  type IndicatorTarget,
} from './Plots';

dayjs.locale('zh-cn');

interface LandProjectView {
  projectId: string;
  code: string;
  name: string;
  enterpriseName: string;
  creditCode: string;
  zoneCode: string;
  industryCode: string;
  landAreaMu: number;
  usesStandardLand: boolean;
  fixedAssetInvestment: number;
  projectedAnnualOutput: number;
  totalInvestment?: number | null;
  stage: string;
  actualStart: string | null;
}

interface PlotView {
  id: string;
  code: string;
  location: string;
  areaMu: number;
  landUse: string;
  status: string;
  servicingLevel: string;
  indicators: IndicatorTarget[];
  reservedOn: string | null;
}

interface BreachTerms {
  rectifyDays: number;
  formulas: Record<string, { kind: 'land-price-share'; basisPoints: number } | { kind: 'shortfall-area-rate'; rateFen: number }>;
  capBasisPoints?: number;
  idle?: { feeBasisPoints: number; feeAfterYears: number; recoverAfterYears: number };
}

/** The contract as this page reads it: LandPaths' view, with its id and the full agreement. */
interface Contract extends Omit<LandContract, 'agreement'> {
  id: string;
  agreement: Agreement | null;
}

interface Agreement {
  number: string;
  counterparties: string[];
  indicators: IndicatorTarget[];
  reviewDate: string;
  breachTerms: BreachTerms;
}

interface InterimReport {
  id: string;
  reportedOn: string;
  trends: { code: string; trend: 'on-track' | 'watch' | 'at-risk'; result: CheckResultRow }[];
}

interface LandAnswer {
  project: LandProjectView;
  path?: LandPathView | null;
  plot: PlotView | null;
  contract: Contract | null;
  checks: LandCheck[];
  interimReports: InterimReport[];
  constructionProgress?: ProgressRow[];
  idleExemptions?: ExemptionRow[];
  idleLand?: IdleLandView | null;
}

interface MatchRow {
  plotCode: string;
  areaMu: number;
  status: string;
  location: string;
  matches: boolean;
  reasons: { zh: string }[];
}

const mayAct = (s: Session) => s.user.role === 'zone-officer' || s.user.role === 'admin';
const pct = (bp: number) => `${bp / 100}%`;

/**
 * 项目用地: how the project's land is secured (标准地: matching, reservation, transfer with the
 * agreement; otherwise a grant, own land or a lease); the indicator checks with their
 * rectification; construction progress and idle land.
 */
export function LandProject({ session }: { session: Session }) {
  const { projectId = '' } = useParams();
  const land = useLoad(() => api<LandAnswer>('standard-land', `/projects/${projectId}/land`), [projectId]);
  const intake = useLoad(() => api<Json>('project-intake', `/projects/${projectId}`).catch(() => null), [projectId]);
  const { zoneName } = useZones();
  const [justChecked, setJustChecked] = useState<LandCheck>();
  const data = land.data;

  if (land.loading && !data) return <Card title="项目用地" loading />;
  if (land.error && !data)
    return (
      <Card title="项目用地">
        <ErrorAlert error={land.error} />
        <Link to="/plots">返回标准地地块</Link>
      </Card>
    );
  if (!data) return null;
  const { project, plot, contract } = data;
  const path = data.path ?? null;
  const agreement = contract?.agreement ?? null;
  // The case just checked, or the one last checked or re-checked.
  const shownCheck = justChecked ?? [...data.checks].sort((x, y) => (lastDate(x) < lastDate(y) ? -1 : lastDate(x) > lastDate(y) ? 1 : 0)).at(-1);
  const counterparties = [`${intake.data?.zoneName ?? zoneName(project.zoneCode)}管理委员会`, project.enterpriseName];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="land-project">
      <Card
        title={
          <Space>
            <span>项目用地</span>
            <Typography.Text type="secondary">{project.name}</Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Link to={`/projects/${project.projectId}`}>项目详情</Link>
            <Link to="/plots">标准地地块</Link>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'code', label: '项目代码', children: project.code },
            { key: 'enterprise', label: '企业', children: project.enterpriseName },
            { key: 'stage', label: '阶段', children: <StageTag stage={project.stage} /> },
            { key: 'zone', label: '开发区', children: intake.data?.zoneName ?? zoneName(project.zoneCode) },
            { key: 'industry', label: '行业代码', children: project.industryCode },
            { key: 'need', label: '用地需求', children: project.landAreaMu ? `${project.landAreaMu} 亩` : '不新增用地' },
            { key: 'fai', label: '固定资产投资', children: `${project.fixedAssetInvestment.toLocaleString('zh-CN')} 万元` },
            { key: 'output', label: '预计年产值', children: `${project.projectedAnnualOutput.toLocaleString('zh-CN')} 万元` },
            { key: 'std', label: '标准地', children: project.usesStandardLand ? <Tag color="blue">申请标准地</Tag> : <Tag>未申请</Tag> },
            ...(project.actualStart ? [{ key: 'start', label: '实际开工', children: project.actualStart }] : []),
          ]}
        />
      </Card>

      {path && <LandPathCard session={session} project={project} path={path} contract={contract} plot={plot} onChanged={land.reload} />}

      {!path && !contract && !project.usesStandardLand && <SecureLand session={session} project={project} onChanged={land.reload} />}

      {!contract && plot && <ReservedPlot session={session} project={project} plot={plot} counterparties={counterparties} onChanged={land.reload} />}

      {!contract && !plot && project.usesStandardLand && <PlotMatches session={session} project={project} counterparties={counterparties} onChanged={land.reload} />}

      {contract && plot && agreement && (
        <>
          <ContractCard contract={contract} agreement={agreement} plot={plot} />
          {mayAct(session) && (
            <CheckForm
              projectId={project.projectId}
              agreement={agreement}
              checks={data.checks}
              onChecked={(c) => {
                setJustChecked(c);
                land.reload();
              }}
            />
          )}
          {shownCheck && <CheckResult check={shownCheck} latest={!justChecked} />}
          <PastChecks checks={data.checks} />
          <InterimReports reports={data.interimReports} />
        </>
      )}

      {contract && (
        <IdleLandCard
          session={session}
          project={project}
          contract={contract}
          idle={data.idleLand ?? null}
          progress={data.constructionProgress ?? []}
          exemptions={data.idleExemptions ?? []}
          onChanged={land.reload}
        />
      )}
    </Space>
  );
}

// ── Before the contract: matching, reservation ──

function PlotMatches({ session, project, counterparties, onChanged }: { session: Session; project: LandProjectView; counterparties: string[]; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const { data, error, loading } = useLoad(() => api<{ matched: MatchRow[]; notMatched: MatchRow[] }>('standard-land', `/projects/${project.projectId}/plot-matches`), [project.projectId]);
  const [busy, setBusy] = useState<string>();
  const [transferring, setTransferring] = useState<MatchRow>();
  const { data: plotOf } = useLoad(() => (transferring ? api<PlotView>('standard-land', `/plots/${encodeURIComponent(transferring.plotCode)}`) : Promise.resolve(undefined)), [transferring?.plotCode]);

  const reserve = async (row: MatchRow) => {
    setBusy(row.plotCode);
    try {
      await api('standard-land', `/plots/${encodeURIComponent(row.plotCode)}/reserve`, { body: { projectId: project.projectId } });
      message.success(`地块 ${row.plotCode} 已为本项目预留`);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) modal.error({ title: '不能预留', content: <ReasonList reasons={refusalReasons(e)} />, okText: '知道了' });
      else message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card title="地块匹配" data-testid="plot-matches">
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">
        按用地面积（不少于需求、不超过 1.5 倍）、准入行业、投资强度和亩均产值，从本开发区的标准地中匹配。
      </Typography.Paragraph>
      <Typography.Title level={5}>符合条件的地块</Typography.Title>
      <Table<MatchRow>
        rowKey="plotCode"
        size="small"
        loading={loading}
        dataSource={data?.matched ?? []}
        locale={{ emptyText: '暂无符合条件的可供地块' }}
        pagination={{ pageSize: 5, showTotal: (t) => `共 ${t} 块` }}
        onRow={(r) => ({ 'data-testid': `match-${r.plotCode}` }) as Json}
        columns={[
          { title: '地块编号', dataIndex: 'plotCode' },
          { title: '位置', dataIndex: 'location' },
          { title: '面积（亩）', dataIndex: 'areaMu', align: 'right' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <PlotStatusTag status={s} /> },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, r) =>
              mayAct(session) ? (
                <Space>
                  <Button size="small" type="primary" data-testid={`reserve-${r.plotCode}`} loading={busy === r.plotCode} onClick={() => void reserve(r)}>
                    预留
                  </Button>
                  <Button size="small" data-testid={`transfer-${r.plotCode}`} onClick={() => setTransferring(r)}>
                    出让
                  </Button>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Divider />
      <Typography.Title level={5}>不符合条件的地块</Typography.Title>
      <Table<MatchRow>
        rowKey="plotCode"
        size="small"
        loading={loading}
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
      {transferring && plotOf && plotOf.code === transferring.plotCode && (
        <TransferModal
          project={project}
          plot={plotOf}
          counterparties={counterparties}
          onClose={(done) => {
            setTransferring(undefined);
            if (done) onChanged();
          }}
        />
      )}
    </Card>
  );
}

function ReservedPlot({ session, project, plot, counterparties, onChanged }: { session: Session; project: LandProjectView; plot: PlotView; counterparties: string[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const [transferring, setTransferring] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const release = async () => {
    setReleasing(true);
    try {
      await api('standard-land', `/plots/${encodeURIComponent(plot.code)}/release`, { method: 'POST' });
      message.success(`已取消预留地块 ${plot.code}`);
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setReleasing(false);
    }
  };
  return (
    <Card
      title="已预留地块"
      data-testid="reserved-plot"
      extra={
        mayAct(session) && (
          <Space>
            <Popconfirm title={`取消为本项目预留的地块 ${plot.code}？`} okText="取消预留" cancelText="再想想" onConfirm={() => void release()}>
              <Button loading={releasing} data-testid="release">
                取消预留
              </Button>
            </Popconfirm>
            <Button type="primary" data-testid={`transfer-${plot.code}`} onClick={() => setTransferring(true)}>
              出让
            </Button>
          </Space>
        )
      }
    >
      <PlotDescriptions plot={plot} />
      <Divider titlePlacement="start" plain>
        控制性指标
      </Divider>
      <IndicatorTable indicators={plot.indicators} />
      {transferring && (
        <TransferModal
          project={project}
          plot={plot}
          counterparties={counterparties}
          onClose={(done) => {
            setTransferring(false);
            if (done) onChanged();
          }}
        />
      )}
    </Card>
  );
}

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

const ReasonList = ({ reasons }: { reasons: string[] }) => (
  <ul style={{ paddingLeft: 18, margin: 0 }}>
    {reasons.map((r) => (
      <li key={r}>{r}</li>
    ))}
  </ul>
);

// ── 出让 ──

interface TransferForm {
  contract: { number: string; signedOn: Dayjs; landPriceYuan: number; agreedStart: Dayjs; agreedCompletion: Dayjs; agreedProduction?: Dayjs };
  agreement: { number: string; counterparties: string[]; committedIndicators?: { code: string; value: number }[]; reviewDate: Dayjs };
}

function TransferModal({ project, plot, counterparties, onClose }: { project: LandProjectView; plot: PlotView; counterparties: string[]; onClose: (done: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string[]>([]);
  const committable = plot.indicators.filter((t) => t.comparator !== 'range');

  const submit = async () => {
    let v: TransferForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setProblem([]);
    const committed = (v.agreement.committedIndicators ?? []).filter((c) => c && c.code);
    try {
      await api('standard-land', `/plots/${encodeURIComponent(plot.code)}/transfer`, {
        body: {
          projectId: project.projectId,
          contract: {
            number: v.contract.number.trim(),
            signedOn: ymd(v.contract.signedOn),
            landPriceFen: Math.round(v.contract.landPriceYuan * 100),
            agreedStart: ymd(v.contract.agreedStart),
            agreedCompletion: ymd(v.contract.agreedCompletion),
            ...(v.contract.agreedProduction ? { agreedProduction: ymd(v.contract.agreedProduction) } : {}),
          },
          agreement: {
            number: v.agreement.number.trim(),
            counterparties: v.agreement.counterparties.map((c) => c.trim()).filter(Boolean),
            ...(committed.length ? { committedIndicators: committed } : {}),
            reviewDate: ymd(v.agreement.reviewDate),
          },
        },
      });
      message.success(`地块 ${plot.code} 已出让，出让合同与履约监管协议已签订`);
      onClose(true);
    } catch (e) {
      const left = placeIssues(form, e, (f) => (f === 'contract.landPriceFen' ? 'contract.landPriceYuan' : f.startsWith('agreement.committedIndicators') ? 'agreement.committedIndicators' : undefined));
      if (left === null) setProblem(e instanceof ApiError && e.status === 409 ? refusalReasons(e) : [errorText(e)]);
      else setProblem(left);
    } finally {
      setSaving(false);
    }
  };

  const notBefore = (other: ['contract', 'agreedStart' | 'agreedCompletion'], what: string) => ({
    validator: (_r: unknown, value: Dayjs | undefined) => {
      const base = form.getFieldValue(other) as Dayjs | undefined;
      return !value || !base || !value.isBefore(base, 'day') ? Promise.resolve() : Promise.reject(new Error(`不能早于${what}`));
    },
  });

  return (
    <Modal
      open
      title={`出让地块 ${plot.code}`}
      width={820}
      okText="签订并出让"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      okButtonProps={{ 'data-testid': 'transfer-submit' } as Json}
      destroyOnHidden
    >
      <Form<TransferForm>
        form={form}
        layout="vertical"
        data-testid="transfer-form"
        initialValues={{ contract: { signedOn: dayjs() }, agreement: { counterparties, committedIndicators: [] } }}
      >
        <Divider titlePlacement="start" plain>
          国有建设用地使用权出让合同
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['contract', 'number']} label="合同编号" rules={[{ required: true, whitespace: true, message: '请填写出让合同编号' }, { max: 100, message: '不超过 100 个字符' }]}>
              <Input placeholder="如 晋综示让〔2026〕17号" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={['contract', 'signedOn']}
              label="签订日期"
              rules={[{ required: true, message: '请选择签订日期' }, { validator: (_r, v: Dayjs | undefined) => (!v || !v.isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error('签订日期不能晚于今天'))) }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['contract', 'landPriceYuan']} label="出让价款" rules={[{ required: true, message: '请填写出让价款' }, { type: 'number', min: 0.01, message: '出让价款应大于 0' }]}>
              <InputNumber<number> min={0.01} precision={2} suffix="元" style={{ width: '100%' }} formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} parser={(v) => Number((v ?? '').replace(/,/g, ''))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name={['contract', 'agreedStart']} label="约定开工日期" rules={[{ required: true, message: '请选择约定开工日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['contract', 'agreedCompletion']} label="约定竣工日期" dependencies={[['contract', 'agreedStart']]} rules={[{ required: true, message: '请选择约定竣工日期' }, notBefore(['contract', 'agreedStart'], '约定开工日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['contract', 'agreedProduction']} label="约定投产日期（选填）" dependencies={[['contract', 'agreedCompletion']]} rules={[notBefore(['contract', 'agreedCompletion'], '约定竣工日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          履约监管协议
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['agreement', 'number']} label="协议编号" rules={[{ required: true, whitespace: true, message: '请填写协议编号' }, { max: 100, message: '不超过 100 个字符' }]}>
              <Input placeholder="如 LY-2026-017" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['agreement', 'reviewDate']} label="达产复核日期" dependencies={[['contract', 'agreedCompletion']]} rules={[{ required: true, message: '请选择达产复核日期' }, notBefore(['contract', 'agreedCompletion'], '约定竣工日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name={['agreement', 'counterparties']}
          label="协议各方"
          extra="输入后回车确认"
          rules={[{ required: true, message: '请填写协议各方' }, { type: 'array', min: 2, message: '协议至少两方' }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',']} />
        </Form.Item>
        <Form.List
          name={['agreement', 'committedIndicators']}
          rules={[
            {
              validator: async (_r, list: { code?: string }[] | undefined) => {
                const codes = (list ?? []).map((i) => i?.code).filter(Boolean);
                if (new Set(codes).size !== codes.length) throw new Error('同一指标只能承诺一次');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              <Typography.Text>企业承诺的指标值（选填，不得低于地块要求）</Typography.Text>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[field.name, 'code']} rules={[{ required: true, message: '请选择指标' }]} style={{ width: 320, marginBottom: 8 }}>
                    <Select placeholder="指标" options={committable.map((t) => ({ value: t.code, label: `${indicatorName(t.code)}（地块要求 ${targetText(t)}）` }))} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'value']}
                    dependencies={[['agreement', 'committedIndicators', field.name, 'code']]}
                    rules={[
                      { required: true, message: '请填写承诺值' },
                      {
                        validator: (_r, value: number | undefined) => {
                          const code = form.getFieldValue(['agreement', 'committedIndicators', field.name, 'code']) as string | undefined;
                          const t = committable.find((x) => x.code === code);
                          if (value === undefined || value === null || !t || t.target === undefined) return Promise.resolve();
                          const ok = t.comparator === 'lte' ? value <= t.target : value >= t.target;
                          return ok ? Promise.resolve() : Promise.reject(new Error(`承诺值不能${t.comparator === 'lte' ? '高于' : '低于'}地块要求 ${t.target}`));
                        },
                      },
                    ]}
                    style={{ width: 240, marginBottom: 8 }}
                  >
                    <InputNumber
                      min={0}
                      style={{ width: '100%' }}
                      placeholder="承诺值"
                      suffix={unitName(committable.find((t) => t.code === form.getFieldValue(['agreement', 'committedIndicators', field.name, 'code']))?.unit ?? '')}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>删除</Button>
                </Space>
              ))}
              <div style={{ marginTop: 8 }}>
                <Button type="dashed" onClick={() => add()} data-testid="commit-add">
                  添加承诺指标
                </Button>
              </div>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          违约条款采用默认约定：每项未达标指标按出让价款的 5% 计违约金，合计不超过 30%，整改期一年；闲置满一年征收 20% 闲置费，满两年收回。
        </Typography.Paragraph>
        {problem.length > 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} title="未能出让" description={<ReasonList reasons={problem} />} />}
      </Form>
    </Modal>
  );
}

// ── After the contract: the contract, the agreement, the checks ──

function ContractCard({ contract, agreement, plot }: { contract: Contract; agreement: Agreement; plot: PlotView }) {
  const terms = agreement.breachTerms;
  const formula = terms?.formulas?.['default'];
  return (
    <Card title="出让合同与履约监管协议" data-testid="contract">
      <Row gutter={24}>
        <Col span={12}>
          <Descriptions
            title="出让合同"
            size="small"
            column={1}
            items={[
              { key: 'n', label: '合同编号', children: contract.contractNumber },
              { key: 'plot', label: '地块', children: `${plot.code}（${plot.location}，${plot.areaMu} 亩）` },
              { key: 's', label: '签订日期', children: contract.signedOn },
              { key: 'p', label: '出让价款', children: yuan(contract.landPriceFen) },
              { key: 'a', label: '约定开工', children: contract.agreedStart },
              { key: 'c', label: '约定竣工', children: contract.agreedCompletion },
              { key: 'pr', label: '约定投产', children: contract.agreedProduction ?? '—' },
            ]}
          />
        </Col>
        <Col span={12}>
          <Descriptions
            title="履约监管协议"
            size="small"
            column={1}
            items={[
              { key: 'n', label: '协议编号', children: agreement.number },
              { key: 'cp', label: '协议各方', children: agreement.counterparties.join('；') },
              { key: 'r', label: '达产复核日期', children: agreement.reviewDate },
              {
                key: 'b',
                label: '违约条款',
                children: terms ? (
                  <span>
                    {formula?.kind === 'land-price-share' ? `每项未达标按出让价款 ${pct(formula.basisPoints)} 计` : formula?.kind === 'shortfall-area-rate' ? `按差额 × 面积 × ${yuan(formula.rateFen)} 计` : '按约定计'}
                    {terms.capBasisPoints !== undefined ? `，合计不超过 ${pct(terms.capBasisPoints)}` : ''}，整改期 {terms.rectifyDays} 天
                  </span>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        约定指标
      </Divider>
      <IndicatorTable indicators={agreement.indicators} testId="agreement-indicators" />
    </Card>
  );
}

function CheckForm({ projectId, agreement, checks, onChecked }: { projectId: string; agreement: Agreement; checks: LandCheck[]; onChecked: (c: LandCheck) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ stage: string; measured: Record<string, number> }>();
  // The first stage still open (not checked, or rectifying) unless the officer picks another.
  const firstOpen = STAGES.find((s) => {
    const c = caseOf(checks, s);
    return !c || (stateOf(c) === 'rectifying' && !lapsed(c));
  });
  const stage = (Form.useWatch('stage', form) as string | undefined) ?? firstOpen ?? 'completion';
  const current = caseOf(checks, stage);
  const recheck = !!current && stateOf(current) === 'rectifying' && !lapsed(current);
  const closed = !!current && !recheck;
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string[]>([]);
  const targets = useMemo(() => agreement.indicators.filter((t) => t.stage === stage), [agreement, stage]);
  const stageLabel = (s: string) => {
    const c = caseOf(checks, s);
    if (!c) return checkStageName(s);
    return `${checkStageName(s)}（${stateOf(c) === 'rectifying' ? (lapsed(c) ? '整改期满' : '复查') : '已有结论'}）`;
  };

  const submit = async () => {
    let v: { stage: string; measured: Record<string, number> };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setProblem([]);
    try {
      const check = await api<LandCheck>('standard-land', `/projects/${projectId}/land-checks`, {
        body: { stage: v.stage, measured: targets.map((t) => ({ code: t.code, value: v.measured[t.code], unit: t.unit })) },
      });
      const name = checkStageName(check.stage);
      const state = stateOf(check);
      if (state === 'passed') message.success(`${name}：全部指标达标`);
      else if (state === 'rectifying') message.warning(`${name}：有指标未达标，请于 ${check.rectifyBy} 前整改后复查，暂不计违约金`);
      else if (state === 'recheck-passed') message.success(`${name}复查：全部指标达标，整改完成`);
      else message.warning(`${name}复查仍未达标，已核定违约金 ${yuan(check.penaltyFen)}`);
      onChecked(check);
    } catch (e) {
      const left = placeIssues(form, e, (f) => {
        const m = f.match(/^measured\[(\d+)\]/);
        return m && targets[Number(m[1])] ? `measured.${targets[Number(m[1])].code}` : undefined;
      });
      setProblem(left === null ? [errorText(e)] : left);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={recheck ? `指标核验 · ${checkStageName(stage)}复查` : '指标核验'} data-testid="check-form">
      <Form form={form} layout="vertical" initialValues={{ stage: firstOpen ?? 'completion' }}>
        <Form.Item name="stage" label="核验阶段" rules={[{ required: true, message: '请选择核验阶段' }]} style={{ maxWidth: 260 }}>
          <Select data-testid="check-stage" options={STAGES.map((s) => ({ value: s, label: stageLabel(s) }))} onChange={() => setProblem([])} />
        </Form.Item>
        {current && recheck && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            {...tid('recheck-notice')}
            title={`本次为${checkStageName(stage)}的复查`}
            description={`${current.checkedOn} 核验未通过，整改期限至 ${current.rectifyBy ?? '—'}。复查全部达标的，整改完成、不计违约金；仍有指标未达标的，按本次实测值核定违约金。`}
          />
        )}
        {current && closed && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            {...tid('check-closed')}
            title={lapsed(current) ? `${checkStageName(stage)}整改期限已于 ${current.rectifyBy} 届满，不能再复查，违约金按逾期核定` : `${checkStageName(stage)}已有结论（${checkState(current)[1]}），不再核验`}
          />
        )}
        {targets.length === 0 ? (
          <Empty description="协议未约定该阶段的指标" />
        ) : (
          <Row gutter={16}>
            {targets.map((t) => (
              <Col key={t.code} xs={24} md={12} lg={8}>
                <Form.Item
                  name={['measured', t.code]}
                  label={`${indicatorName(t.code)}（要求 ${targetText(t)}）`}
                  rules={[
                    { required: true, message: `请填写${indicatorName(t.code)}的实测值` },
                    { type: 'number', min: 0, message: '实测值应为非负数' },
                  ]}
                >
                  <InputNumber data-testid={`measure-${t.code}`} min={0} style={{ width: '100%' }} suffix={unitName(t.unit) || undefined} placeholder="实测值" disabled={closed} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}
        {problem.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="未能核验" description={<ReasonList reasons={problem} />} />}
        <Button type="primary" data-testid="check-submit" loading={saving} disabled={!targets.length || closed} onClick={() => void submit()}>
          {recheck ? '提交复查' : '提交核验'}
        </Button>
      </Form>
    </Card>
  );
}

function PastChecks({ checks }: { checks: LandCheck[] }) {
  const rows = [...checks].reverse();
  return (
    <Card title="历次核验" data-testid="past-checks">
      <Table<LandCheck>
        rowKey="id"
        size="small"
        dataSource={rows}
        locale={{ emptyText: '尚未核验' }}
        pagination={{ pageSize: 5, showTotal: (t) => `共 ${t} 次` }}
        expandable={{
          expandedRowRender: (c) =>
            c.recheck ? (
              <>
                <Typography.Text strong>复查（{c.recheck.checkedOn}）</Typography.Text>
                <ResultTable results={c.recheck.results} />
                <Typography.Text strong>首次核验（{c.checkedOn}）</Typography.Text>
                <ResultTable results={c.results} />
              </>
            ) : (
              <ResultTable results={c.results} />
            ),
        }}
        columns={[
          { title: '核验日期', dataIndex: 'checkedOn' },
          { title: '阶段', dataIndex: 'stage', render: (s: string) => checkStageName(s) },
          { title: '首次结果', dataIndex: 'passed', render: (p: boolean) => (p ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>) },
          {
            title: '复查',
            key: 'recheck',
            render: (_: unknown, c) => (c.recheck ? <Tag color={c.recheck.passed ? 'green' : 'red'}>{`${c.recheck.checkedOn} ${c.recheck.passed ? '通过' : '未通过'}`}</Tag> : '—'),
          },
          { title: '状态', key: 'state', render: (_: unknown, c) => <CheckStateTag check={c} /> },
          { title: '未达标指标', key: 'failed', render: (_: unknown, c) => (c.recheck?.results ?? c.results).filter((r) => !r.passed).map((r) => r.nameZh || indicatorName(r.code)).join('、') || '—' },
          { title: '整改期限', dataIndex: 'rectifyBy', render: (d: string | null) => d ?? '—' },
        ]}
      />
    </Card>
  );
}

const TREND_ZH: Record<string, [string, string]> = { 'on-track': ['green', '正常'], watch: ['orange', '关注'], 'at-risk': ['red', '有风险'] };

function InterimReports({ reports }: { reports: InterimReport[] }) {
  return (
    <Card title="企业中期报告" data-testid="interim-reports">
      <Table<InterimReport>
        rowKey="id"
        size="small"
        dataSource={[...reports].reverse()}
        locale={{ emptyText: '暂无中期报告' }}
        pagination={{ pageSize: 5, showTotal: (t) => `共 ${t} 份` }}
        columns={[
          { title: '报告日期', dataIndex: 'reportedOn' },
          {
            title: '指标预警',
            dataIndex: 'trends',
            render: (trends: InterimReport['trends']) => (
              <Space wrap size={[4, 4]}>
                {trends.map((t) => {
                  const [color, label] = TREND_ZH[t.trend] ?? ['default', t.trend];
                  return (
                    <Tag key={t.code} color={color}>
                      {indicatorName(t.code)} {t.result.measured} {unitName(t.result.unit)}：{label}
                    </Tag>
                  );
                })}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
