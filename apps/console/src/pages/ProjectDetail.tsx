import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Radio,
  Rate,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { indicatorName } from './Plots';
import type { ApprovalCase, CaseItem, MilestoneView, ProjectView } from '../views';
import { api, ApiError, ROLE_ZH, type Role, type Session } from '../api';
import { CaseStatusTag, dash, ErrorAlert, ItemStatusTag, errorText, localTime, RagTag, StageTag, checkStageName, stageName, useLoad, useSend } from '../ui';

// ─── Shapes of the services' answers (only what this page reads) ────────────────────────────────

interface TimelineEntry {
  eventId: string;
  type: string;
  source: string;
  occurredAt: string;
  actor: { id: string; role: string } | null;
  summary: string;
}

interface Indicator {
  code: string;
  unit: string;
  stage: 'completion' | 'full-production';
  comparator: 'gte' | 'lte' | 'range';
  target?: number;
  min?: number;
  max?: number;
}
interface IndicatorResult {
  code: string;
  nameZh: string;
  unit: string;
  passed: boolean;
  measured: number;
  shortfall: number;
  shortfallPercent: number;
}
interface LandCheck {
  id: string;
  stage: 'completion' | 'full-production';
  checkedOn: string;
  results: IndicatorResult[];
  passed: boolean;
  penaltyFen: number;
  rectifyBy: string | null;
}
/** GET standard-land /projects/:id/land. */
interface LandView {
  plot: { code: string; location: string; areaMu: number; landUse: string; indicators: Indicator[] } | null;
  contract: {
    contractNumber: string;
    signedOn: string;
    landPriceFen: number;
    agreedStart: string;
    agreedCompletion: string;
    agreedProduction: string;
    agreement: { number: string; indicators: Indicator[]; reviewDate: string; counterparties: string[] };
  } | null;
  checks: LandCheck[];
}

/** GET agency /projects/:id/progress. */
interface AgencyProgress {
  delegationId: string;
  status: string;
  agent: { id: string; name: string; mobile: string | null } | null;
  tasksTotal: number;
  tasksDone: number;
  percentDone: number;
  waitingOnEnterprise: { taskId: string; title: string; status: string; statusName: string; materials: string[] }[];
}
interface AgencyTask {
  id: string;
  title: string;
  department: string | null;
  status: string;
  statusName: string;
  dueOn: string;
  rag?: string;
  deliveredOn: string | null;
}
/** GET agency /projects/:id/delegation. */
interface Delegation {
  id: string;
  status: string;
  scope: string[];
  authorizationNumber: string;
  openedOn: string;
  closedOn: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedOn: string | null;
  tasks: AgencyTask[];
}

// ─── Small helpers ─────────────────────────────────────────────────────────────────────────────

/** A date value of antd's DatePicker (a Dayjs), as much of it as this page uses. */
interface DateValue {
  format(template: string): string;
  valueOf(): number;
}
const isoDate = (d: DateValue) => d.format('YYYY-MM-DD');
/** Reports are about what happened: no date after today. */
const afterToday = (d: DateValue) => {
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return d.valueOf() > end.getTime();
};

/** Enter in a date field takes the typed date; it does not send the whole form. */
const enterKeepsToPickers = (e: KeyboardEvent<HTMLFormElement>) => {
  if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('.ant-picker')) e.preventDefault();
};

/** null for a 404 (the thing does not exist for this project), the answer otherwise. */
const orNull = <T,>(load: Promise<T>): Promise<T | null> =>
  load.catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  });

const amount = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Money is integer fen in the services; shown in 元. */
const fenToYuan = (fen: number) => `${yuan.format(fen / 100)} 元`;
const wan = (n: number | null) => (n === null ? '—' : `${amount.format(n)} 万元`);

const PROJECT_TYPE_ZH: Record<string, string> = {
  'capital-construction': '基本建设项目',
  'technical-renovation': '技术改造项目',
  'equipment-purchase': '单纯购置项目',
  information: '信息化项目',
  other: '其他项目',
};
const ACCEPTANCE_ZH: Record<string, ReactNode> = { pending: <Tag>待验收</Tag>, passed: <Tag color="success">已通过</Tag>, failed: <Tag color="error">未通过</Tag> };
const COMPARATOR_ZH: Record<string, string> = { gte: '≥', lte: '≤', range: '介于' };
/** Units as read; a ratio (容积率) has none. */
const unitText = (unit: string) => (unit === 'ratio' ? '' : ` ${unit}`);
const DELEGATION_STATUS_ZH: Record<string, ReactNode> = { OPEN: <Tag color="processing">办理中</Tag>, CLOSED: <Tag color="success">已办结</Tag> };
const SCOPE_ZH: Record<string, string> = { approval: '审批事项代办', utilities: '水电气通信报装', land: '标准地供地' };
const SOURCE: Record<string, { label: string; color: string }> = {
  'project-intake': { label: '项目', color: 'blue' },
  'commitment-approval': { label: '审批', color: 'green' },
  'standard-land': { label: '土地', color: 'orange' },
  agency: { label: '代办', color: 'purple' },
  notifications: { label: '通知', color: 'gray' },
};

/**
 * Who did it: a person's role in Chinese with the account (an account of letters only, like
 * the administrator's, adds nothing); the services' own jobs are 系统.
 */
function actorText(actor: TimelineEntry['actor']): string {
  const role = actor ? ROLE_ZH[actor.role as Role] : undefined;
  if (!actor || !role) return '系统';
  return /[\d\-_.:@]/.test(actor.id) ? `${role} ${actor.id}` : role;
}

function variance(m: MilestoneView): ReactNode {
  if (m.varianceDays === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!m.actual) return <Tag color="red">已逾期 {m.varianceDays} 天</Tag>;
  if (m.varianceDays > 0) return <Typography.Text type="danger">晚于计划 {m.varianceDays} 天</Typography.Text>;
  if (m.varianceDays < 0) return <Typography.Text type="success">早于计划 {-m.varianceDays} 天</Typography.Text>;
  return <Typography.Text type="success">按期</Typography.Text>;
}

// ─── 项目概况 ──────────────────────────────────────────────────────────────────────────────────

function Overview({ p, actions }: { p: ProjectView; actions: ReactNode }) {
  const rows = [
    { key: 'start', name: '开工', ...p.milestones.start },
    { key: 'completion', name: '竣工', ...p.milestones.completion },
    { key: 'production', name: '投产', ...p.milestones.production },
  ];
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { title: '节点', dataIndex: 'name', width: 70 },
    { title: '计划日期', dataIndex: 'planned', render: dash },
    { title: '承诺日期（承诺书）', dataIndex: 'committed', render: dash },
    { title: '约定日期（出让合同）', dataIndex: 'agreed', render: dash },
    { title: '实际日期', dataIndex: 'actual', render: dash },
    { title: '偏差', key: 'variance', render: (_, m) => variance(m) },
  ];
  const c = p.conditions;
  const land = c.landSecured ? (
    <Space size={4} wrap>
      <Tag color="success">已落实 · {LAND_PATH_ZH[c.landPath ?? ''] ?? '其他'}</Tag>
      {c.landReference && c.landPath !== 'none' && <Typography.Text type="secondary">{c.landReference}</Typography.Text>}
    </Space>
  ) : !c.landNeeded ? (
    <Tag>无需新增用地</Tag>
  ) : (
    <Tag>未落实</Tag>
  );
  return (
    <Card
      title={
        <Space wrap>
          <span>{p.name}</span>
          <StageTag stage={p.stage} />
        </Space>
      }
      extra={actions}
    >
      {(p.stage === 'SUSPENDED' || p.stage === 'TERMINATED') && (
        <Alert
          type={p.stage === 'SUSPENDED' ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            p.stage === 'SUSPENDED'
              ? `项目已暂停${p.stageBeforeSuspension ? `（暂停前：${stageName(p.stageBeforeSuspension)}）` : ''}：${p.statusReason ?? '未说明原因'}`
              : `项目已终止：${p.statusReason ?? '未说明原因'}`
          }
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'code', label: '项目代码', children: p.code },
          { key: 'enterprise', label: '企业', children: p.enterprise.name },
          { key: 'credit', label: '统一社会信用代码', children: p.enterprise.creditCode },
          { key: 'zone', label: '开发区', children: p.zoneName ?? p.zoneCode },
          { key: 'industry', label: '行业代码', children: p.industryCode },
          { key: 'type', label: '项目类型', children: PROJECT_TYPE_ZH[p.projectType] ?? '其他项目' },
          { key: 'total', label: '总投资', children: wan(p.totalInvestment) },
          { key: 'fixed', label: '固定资产投资', children: wan(p.fixedAssetInvestment) },
          { key: 'output', label: '预计年产值', children: wan(p.projectedAnnualOutput) },
          { key: 'actualOutput', label: '实际年产值', children: wan(p.actualAnnualOutput) },
          { key: 'land', label: '用地面积', children: p.landAreaMu ? `${amount.format(p.landAreaMu)} 亩` : '使用现有厂房' },
          { key: 'std', label: '标准地', children: p.usesStandardLand ? '是' : '否' },
          { key: 'agency', label: '全代办', children: p.wantsFullAgency ? '已申请' : '未申请' },
          { key: 'signed', label: '签约日期', children: p.signedOn },
          { key: 'round', label: '三个一批批次', children: dash(p.threeBatchesRound) },
          { key: 'permit', label: '施工许可 / 批复文号', children: dash(p.permitNumber) },
          { key: 'approvals', label: '审批', children: p.conditions.approvalsGranted ? <Tag color="success">已批复</Tag> : <Tag>未批复</Tag> },
          { key: 'landSecured', label: '用地', children: land },
          { key: 'acceptance', label: '对标验收', children: ACCEPTANCE_ZH[p.conditions.acceptance] ?? '—' },
          { key: 'fullProduction', label: '达产日期', children: dash(p.milestones.fullProduction.actual) },
          ...(c.landReview === 'not-needed' ? [] : [{ key: 'landReview', label: '标准地达产复核', children: LAND_REVIEW_ZH[c.landReview] }]),
          { key: 'contacts', label: '联系人', span: 2, children: p.contacts.map((c) => `${c.name} ${c.mobile}`).join('，') || '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        计划与实际
      </Typography.Title>
      <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} data-testid="milestones" />
    </Card>
  );
}

// ─── 暂停 / 恢复 / 终止 (officers) ───────────────────────────────────────────────────────────────

type OfficerAction = 'suspend' | 'resume' | 'terminate';
const OFFICER_ACTION: Record<OfficerAction, { label: string; title: string; done: string }> = {
  suspend: { label: '暂停', title: '暂停项目', done: '项目已暂停' },
  resume: { label: '恢复', title: '恢复项目', done: '项目已恢复' },
  terminate: { label: '终止', title: '终止项目', done: '项目已终止' },
};
const SUSPENDABLE = ['SIGNED', 'APPROVING', 'READY_TO_START', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION'];

function ReasonForm({ p, action, onDone, onCancel }: { p: ProjectView; action: OfficerAction; onDone: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, problem: refused, send } = useSend(form);
  const submit = async ({ reason }: { reason: string }) => {
    if (!(await send(() => api('project-intake', `/projects/${p.id}/${action}`, { body: { reason } })))) return;
    message.success(OFFICER_ACTION[action].done);
    onDone();
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      {action === 'terminate' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="终止后项目不能恢复，其审批案件将被撤销。" />}
      {refused && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={refused} />}
      <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请说明原因' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：企业资金未到位，暂缓建设" />
      </Form.Item>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" danger={action !== 'resume'} htmlType="submit" loading={saving} data-testid="submit-reason">
          确认{OFFICER_ACTION[action].label}
        </Button>
      </Space>
    </Form>
  );
}

function OfficerActions({ p, onChanged }: { p: ProjectView; onChanged: () => void }) {
  const [action, setAction] = useState<OfficerAction>();
  const can: Record<OfficerAction, boolean> = {
    suspend: SUSPENDABLE.includes(p.stage),
    resume: p.stage === 'SUSPENDED',
    terminate: SUSPENDABLE.includes(p.stage) || p.stage === 'SUSPENDED',
  };
  const shown = (Object.keys(can) as OfficerAction[]).filter((a) => can[a]);
  if (!shown.length) return null;
  return (
    <>
      <Space>
        {shown.map((a) => (
          <Button key={a} size="small" danger={a === 'terminate'} data-testid={`project-${a}`} onClick={() => setAction(a)}>
            {OFFICER_ACTION[a].label}
          </Button>
        ))}
      </Space>
      <Modal open={!!action} title={action ? OFFICER_ACTION[action].title : ''} footer={null} destroyOnHidden onCancel={() => setAction(undefined)}>
        {action && <ReasonForm p={p} action={action} onCancel={() => setAction(undefined)} onDone={() => (setAction(undefined), onChanged())} />}
      </Modal>
    </>
  );
}

/** standard-land's land paths (contracts LAND_PATH_ZH). */
const LAND_PATH_ZH: Record<string, string> = { 'standard-land': '标准地', grant: '招拍挂出让', 'own-land': '自有用地', lease: '租赁厂房', none: '无新增用地' };
const LAND_REVIEW_ZH: Record<string, string> = { pending: '待复核（通过或作出违约处理后方可确认达产）', passed: '已通过', decided: '未通过，已作违约处理' };

// ─── 待我办理 (enterprise) ───────────────────────────────────────────────────────────────────────

interface CommitmentValues {
  scope: 'all' | 'partial' | 'none';
  /** Partial: each committable item by 承诺制 or 一般程序. */
  procedures?: Record<string, 'commitment' | 'ordinary'>;
  committedDates?: { start: DateValue; completion: DateValue; production: DateValue };
}

/**
 * The 承诺书: every committable item by 承诺制, some of them (the rest by 一般程序:
 * full documents, the legal time limit), or none (no commitment: every item by
 * 一般程序, no committed dates).
 */
function CommitmentForm({ kase, onDone }: { kase: ApprovalCase; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CommitmentValues>();
  const scope = Form.useWatch('scope', form);
  const { saving, send } = useSend(form, (t) => message.error(t));
  // A second 承诺书 after a failed pre-check changes only the items still pending.
  const committable = kase.items.filter((i) => i.regime === 'committable' && i.status === 'PENDING');
  const others = kase.items.filter((i) => i.regime !== 'committable');
  const submit = async (v: CommitmentValues) => {
    const chosen = committable.filter((i) => (v.procedures?.[i.itemCode] ?? 'commitment') === 'commitment').map((i) => i.itemCode);
    if (v.scope === 'partial' && !chosen.length) {
      form.setFields([{ name: 'scope', errors: ['部分承诺须至少一项按承诺制办理；全部按一般程序请选择“不作承诺”'] }]);
      return;
    }
    const dates = v.committedDates;
    const body = {
      scope: v.scope,
      ...(v.scope === 'partial' ? { itemCodes: chosen } : {}),
      ...(v.scope !== 'none' && dates ? { committedDates: { start: isoDate(dates.start), completion: isoDate(dates.completion), production: isoDate(dates.production) } } : {}),
    };
    if (!(await send(() => api('commitment-approval', `/cases/${kase.id}/commitment`, { body })))) return;
    message.success(v.scope === 'none' ? '已选择全部按一般程序办理' : '承诺书已提交');
    onDone();
  };
  const dateItem = (key: 'start' | 'completion' | 'production', label: string) => (
    <Col xs={24} md={8}>
      <Form.Item name={['committedDates', key]} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" />
      </Form.Item>
    </Col>
  );
  return (
    <div data-testid="commitment-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        提交承诺书
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        告知书{kase.noticeNumber ? ` ${kase.noticeNumber}` : ''}已于 {kase.noticeIssuedOn ?? '—'} 发放。承诺制自愿选择：按承诺制办理的事项以企业承诺代替审批，随批复一并准予；也可选择一般程序（材料齐全后申请，按法定时限审批）。其余 {others.length} 项事项须审批。作出承诺的，须同时承诺开工、竣工、投产日期。
      </Typography.Paragraph>
      {kase.commitment && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`上次提交的承诺书未通过预审${kase.precheckNote ? `：${kase.precheckNote}` : ''}，请修改后重新提交。`} />
      )}
      <Form form={form} layout="vertical" initialValues={{ scope: 'all', procedures: Object.fromEntries(committable.map((i) => [i.itemCode, 'commitment'])) }} onFinish={(v) => void submit(v)} onKeyDown={enterKeepsToPickers}>
        <Form.Item name="scope" label="办理方式" rules={[{ required: true, message: '请选择办理方式' }]}>
          <Radio.Group
            data-testid="commitment-scope"
            options={[
              { value: 'all', label: `全部承诺（${committable.length} 项可承诺事项按承诺制）` },
              { value: 'partial', label: '部分承诺（逐项选择承诺制或一般程序）' },
              { value: 'none', label: '不作承诺（全部按一般程序）' },
            ]}
          />
        </Form.Item>
        {scope === 'partial' && (
          <Table
            size="small"
            rowKey="itemCode"
            pagination={false}
            style={{ marginBottom: 16 }}
            onRow={(i) => ({ 'data-testid': `procedure-row-${i.itemCode}` }) as HTMLAttributes<HTMLElement>}
            dataSource={committable}
            columns={[
              { title: '事项', key: 'item', render: (_, i) => `${i.itemCode} ${i.name}` },
              { title: '部门', dataIndex: 'department' },
              { title: '时限（承诺 / 法定）', key: 'limits', render: (_, i) => `${i.promisedLimitDays} / ${i.legalLimitDays} 个工作日` },
              {
                title: '办理方式',
                key: 'procedure',
                render: (_, i) => (
                  <Form.Item name={['procedures', i.itemCode]} noStyle>
                    <Radio.Group
                      size="small"
                      optionType="button"
                      options={[
                        { value: 'commitment', label: '承诺制' },
                        { value: 'ordinary', label: '一般程序' },
                      ]}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
        {scope !== 'none' && (
          <Row gutter={16}>
            {dateItem('start', '承诺开工日期')}
            {dateItem('completion', '承诺竣工日期')}
            {dateItem('production', '承诺投产日期')}
          </Row>
        )}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="submit-commitment">
          {scope === 'none' ? '确认全部按一般程序办理' : '提交承诺书'}
        </Button>
      </Form>
    </div>
  );
}

/** The items the enterprise applies for (须审批, 一般程序, or revoked), and those sent back for corrections. */
function ItemApplications({ kase, busy, run }: { kase: ApprovalCase; busy?: string; run: (key: string, call: () => Promise<unknown>, done: string) => Promise<void> }) {
  const open = ['OPENED', 'NOTIFIED', 'COMMITTED', 'IN_PUBLICITY', 'DECIDING'].includes(kase.status);
  const toApply = open ? kase.items.filter((i) => (i.status === 'PENDING' && i.procedure && i.procedure !== 'commitment') || i.status === 'REVOKED') : [];
  const corrections = kase.items.filter((i) => i.status === 'CORRECTIONS_REQUESTED');
  if (!toApply.length && !corrections.length) return null;
  const item = (path: string) => (code: string) => api('commitment-approval', `/cases/${kase.id}/items/${encodeURIComponent(code)}/${path}`, { method: 'POST' });
  return (
    <div data-testid="item-applications">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        审批事项申请
      </Typography.Title>
      <List
        bordered
        size="small"
        dataSource={[...corrections, ...toApply]}
        renderItem={(i) => (
          <List.Item
            actions={[
              i.status === 'CORRECTIONS_REQUESTED' ? (
                <Button key="resubmit" size="small" type="primary" loading={busy === `resubmit-${i.itemCode}`} data-testid={`resubmit-${i.itemCode}`} onClick={() => void run(`resubmit-${i.itemCode}`, () => item('resubmit')(i.itemCode), '已重新提交，恢复计时')}>
                  已补正，重新提交
                </Button>
              ) : (
                <Button key="apply" size="small" type="primary" loading={busy === `apply-${i.itemCode}`} data-testid={`apply-${i.itemCode}`} onClick={() => void run(`apply-${i.itemCode}`, () => item('application')(i.itemCode), '申请已提交，部门 5 个工作日内受理')}>
                  提交申请
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={`${i.itemCode} ${i.name}（${i.department} · ${i.procedureName}）`}
              description={
                i.status === 'CORRECTIONS_REQUESTED'
                  ? `须补正：${i.note ?? '—'}（补正期间暂停计时）`
                  : i.blockedBy.length
                    ? `可先提交申请；须待 ${i.blockedBy.map((b) => `${b.itemCode} ${b.name}`).join('、')} 办结后受理`
                    : `受理后 ${i.procedure === 'ordinary' ? i.legalLimitDays : i.promisedLimitDays} 个工作日内办结`
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}

type Report = 'start' | 'completion' | 'production' | 'full-production';
const REPORT: Record<Report, { label: string; date: string; done: string }> = {
  start: { label: '报告开工', date: '实际开工日期', done: '开工已报告' },
  completion: { label: '报告竣工', date: '实际竣工日期', done: '竣工已报告' },
  production: { label: '报告投产', date: '实际投产日期', done: '投产已报告' },
  'full-production': { label: '报告达产', date: '实际达产日期', done: '达产已报告' },
};
/** The report the project's stage allows next. */
const NEXT_REPORT: Record<string, Report> = { READY_TO_START: 'start', UNDER_CONSTRUCTION: 'completion', COMPLETED: 'production', IN_PRODUCTION: 'full-production' };

interface ReportValues {
  date: DateValue;
  permitNumber?: string;
  actualAnnualOutput?: number;
}

function ReportForm({ p, report, permit, onDone, onCancel }: { p: ProjectView; report: Report; permit: string | null; onDone: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const { saving, problem: refused, send } = useSend(form);
  const submit = async (v: ReportValues) => {
    const body = {
      date: isoDate(v.date),
      ...(report === 'start' ? { permitNumber: v.permitNumber?.trim() } : {}),
      ...(report === 'full-production' ? { actualAnnualOutput: v.actualAnnualOutput } : {}),
    };
    if (!(await send(() => api('project-intake', `/projects/${p.id}/${report}`, { body })))) return;
    message.success(REPORT[report].done);
    onDone();
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ permitNumber: permit ?? undefined }} onFinish={(v) => void submit(v)} onKeyDown={enterKeepsToPickers}>
      {refused && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={refused} data-testid="report-refused" />}
      <Form.Item name="date" label={REPORT[report].date} rules={[{ required: true, message: `请选择${REPORT[report].date}` }]}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" disabledDate={afterToday} />
      </Form.Item>
      {report === 'start' && (
        <Form.Item name="permitNumber" label="施工许可证号或承诺制批复文号" rules={[{ required: true, whitespace: true, message: '请填写施工许可证号或承诺制批复文号' }]}>
          <Input maxLength={100} placeholder="如：晋综示承批〔2027〕12号" />
        </Form.Item>
      )}
      {report === 'full-production' && (
        <Form.Item name="actualAnnualOutput" label="实际年产值（万元）" rules={[{ required: true, message: '请填写实际年产值' }]}>
          <InputNumber style={{ width: '100%' }} min={0} precision={2} suffix="万元" placeholder={`预计年产值 ${amount.format(p.projectedAnnualOutput)} 万元`} />
        </Form.Item>
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="submit-report">
          提交
        </Button>
      </Space>
    </Form>
  );
}

function TodoCard({ p, kase, caseLoading, onChanged }: { p: ProjectView; kase: ApprovalCase | null | undefined; caseLoading: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [report, setReport] = useState<Report>();
  const [busy, setBusy] = useState<string>();
  const run = async (key: string, call: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await call();
      message.success(done);
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const todos: ReactNode[] = [];
  if (kase?.status === 'NOTIFIED') todos.push(<CommitmentForm key="commitment" kase={kase} onDone={onChanged} />);
  if (kase && kase.items.some((i) => i.status === 'CORRECTIONS_REQUESTED' || i.status === 'REVOKED' || (i.status === 'PENDING' && i.procedure && i.procedure !== 'commitment')))
    todos.push(<ItemApplications key="applications" kase={kase} busy={busy} run={run} />);
  const pendingDocuments = kase?.items.filter((i) => i.status === 'GRANTED_PENDING_DOCUMENTS') ?? [];
  if (kase && pendingDocuments.length)
    todos.push(
      <div key="documents">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          补交容缺材料
        </Typography.Title>
        <List
          bordered
          size="small"
          dataSource={pendingDocuments}
          pagination={pendingDocuments.length > 5 ? { pageSize: 5, size: 'small' } : false}
          renderItem={(i) => (
            <List.Item
              actions={[
                <Button key="supplied" size="small" type="primary" loading={busy === i.itemCode} data-testid={`documents-supplied-${i.itemCode}`} onClick={() => void run(i.itemCode, () => api('commitment-approval', `/cases/${kase.id}/items/${encodeURIComponent(i.itemCode)}/documents-supplied`, { method: 'POST' }), '已登记补交')}>
                  已补交
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${i.itemCode} ${i.name}（${i.department}）`}
                description={
                  <Space orientation="vertical" size={0}>
                    <span>待补材料：{i.missingDocuments?.map((d) => d.name).join('、') || '—'}</span>
                    <span>
                      容缺材料补交期限：<Typography.Text type="danger">{i.supplyBy ?? '—'}</Typography.Text>
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </div>,
    );
  if (kase && p.stage === 'COMPLETED' && (kase.status === 'GRANTED' || kase.status === 'RECTIFYING'))
    todos.push(
      <div key="acceptance">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          对标验收
        </Typography.Title>
        {kase.status === 'RECTIFYING' && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`对标验收未通过：${kase.acceptanceReasons?.join('；') || '未说明原因'}`}
            description={kase.rectifyBy ? `请于 ${kase.rectifyBy} 前整改完毕后重新申请验收。` : '请整改后重新申请验收。'}
          />
        )}
        <Typography.Paragraph type="secondary">项目已竣工，可申请对标验收；验收通过后方可报告投产。</Typography.Paragraph>
        <Button type="primary" loading={busy === 'acceptance'} data-testid="request-acceptance" onClick={() => void run('acceptance', () => api('commitment-approval', `/cases/${kase.id}/acceptance-request`, { method: 'POST' }), '已申请对标验收')}>
          {kase.status === 'RECTIFYING' ? '重新申请对标验收' : '申请对标验收'}
        </Button>
      </div>,
    );
  if (kase?.status === 'ACCEPTANCE_REQUESTED')
    todos.push(<Alert key="acceptance-requested" type="info" showIcon title={`已于 ${kase.acceptanceRequestedOn ?? '—'} 申请对标验收，等待开发区验收。`} />);

  const next = NEXT_REPORT[p.stage];
  if (next) {
    const waitForAcceptance = next === 'production' && p.conditions.acceptance !== 'passed';
    todos.push(
      <div key="report">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          报告建设进度
        </Typography.Title>
        <Space wrap>
          <Tooltip title={waitForAcceptance ? '对标验收通过后方可报告投产' : ''}>
            <Button type="primary" ghost disabled={waitForAcceptance} data-testid={`report-${next}`} onClick={() => setReport(next)}>
              {REPORT[next].label}
            </Button>
          </Tooltip>
          {waitForAcceptance && <Typography.Text type="secondary">对标验收通过后方可报告投产</Typography.Text>}
        </Space>
        <Modal open={!!report} title={report ? REPORT[report].label : ''} footer={null} destroyOnHidden onCancel={() => setReport(undefined)}>
          {report && <ReportForm p={p} report={report} permit={kase?.decisionNumber ?? null} onCancel={() => setReport(undefined)} onDone={() => (setReport(undefined), onChanged())} />}
        </Modal>
      </div>,
    );
  }

  return (
    <Card title="待我办理" data-testid="todo">
      {caseLoading && kase === undefined ? (
        <Spin />
      ) : todos.length ? (
        <Space orientation="vertical" size={24} style={{ width: '100%' }}>
          {todos}
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" />
      )}
    </Card>
  );
}

// ─── 审批事项 ─────────────────────────────────────────────────────────────────────────────────

function CaseCard({ kase, loading, error, officer }: { kase: ApprovalCase | null | undefined; loading: boolean; error: unknown; officer: boolean }) {
  const columns: TableColumnsType<CaseItem> = [
    {
      title: '事项',
      key: 'name',
      render: (_, i) => (
        <span>
          <Typography.Text type="secondary">{i.itemCode}</Typography.Text> {i.name}
        </span>
      ),
    },
    { title: '办理方式', dataIndex: 'regime', width: 90, render: (r: string) => (r === 'committable' ? <Tag color="cyan">承诺制</Tag> : <Tag>审批</Tag>) },
    { title: '部门', dataIndex: 'department' },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, i) => (
        <Space orientation="vertical" size={0}>
          <ItemStatusTag status={i.status} name={name} />
          {i.status === 'GRANTED_PENDING_DOCUMENTS' && i.supplyBy && <Typography.Text type="secondary" style={{ fontSize: 12 }}>补交期限 {i.supplyBy}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '承诺办结日',
      dataIndex: 'promisedDueOn',
      width: 150,
      render: (d: string, i) => (
        <Space size={4}>
          {d}
          {i.rag && <RagTag rag={i.rag} />}
        </Space>
      ),
    },
    { title: '法定办结日', dataIndex: 'legalDueOn', width: 110 },
  ];
  return (
    <Card title="审批事项" extra={kase && officer ? <Link to={`/cases/${kase.id}`}>办理案件</Link> : null} data-testid="case">
      <ErrorAlert error={error} />
      {loading && kase === undefined ? (
        <Spin />
      ) : !kase ? (
        error ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无审批案件" />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'status', label: '案件状态', children: <CaseStatusTag status={kase.status} name={kase.statusName} /> },
              { key: 'opened', label: '立案日期', children: kase.openedOn },
              { key: 'notice', label: '告知书', children: kase.noticeNumber ? `${kase.noticeNumber}（${kase.noticeIssuedOn ?? ''}）` : '未发放' },
              {
                key: 'commitment',
                label: '承诺书',
                children: kase.commitment ? `${kase.commitment.scope === 'all' ? '全部承诺' : '部分承诺'}，${kase.commitment.itemCodes.length} 项，${kase.commitment.submittedOn} 提交` : kase.items.some((i) => i.procedure === 'ordinary') ? '未作承诺（一般程序）' : '未提交',
              },
              { key: 'publicity', label: '公示期', children: kase.publicityStartsOn ? `${kase.publicityStartsOn} 至 ${kase.publicityEndsOn ?? ''}` : '—' },
              { key: 'decision', label: '批复文号', children: kase.decisionNumber ? `${kase.decisionNumber}（${kase.grantedOn ?? ''}）` : '—' },
            ]}
          />
          <Table<CaseItem>
            rowKey="itemCode"
            size="small"
            columns={columns}
            dataSource={kase.items}
            locale={{ emptyText: '暂无审批事项' }}
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
          />
        </>
      )}
    </Card>
  );
}

// ─── 标准地指标 ───────────────────────────────────────────────────────────────────────────────

interface IndicatorRow {
  code: string;
  stage: string;
  unit: string;
  comparator: string;
  plotTarget: string;
  target: string;
  raised: boolean;
  result: IndicatorResult | null;
  checkedOn: string | null;
}

const targetText = (t: Indicator | undefined) => (!t ? '—' : t.comparator === 'range' ? `${t.min ?? '—'}–${t.max ?? '—'}` : `${t.target ?? '—'}`);

function LandCard({ p, version, officer }: { p: ProjectView; version: number; officer: boolean }) {
  const { data, error, loading } = useLoad(() => orNull(api<LandView>('standard-land', `/projects/${p.id}/land`)), [p.id, version]);
  const contract = data?.contract;
  const latest = (stage: string) =>
    (data?.checks ?? [])
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.stage === stage)
      .sort((a, b) => a.c.checkedOn.localeCompare(b.c.checkedOn) || a.i - b.i)
      .pop()?.c;
  const rows: IndicatorRow[] = (contract?.agreement.indicators ?? []).map((t) => {
    const plot = data?.plot?.indicators.find((x) => x.code === t.code);
    const check = latest(t.stage);
    return {
      code: t.code,
      stage: t.stage,
      unit: t.unit,
      comparator: t.comparator,
      plotTarget: targetText(plot),
      target: targetText(t),
      raised: !!plot && targetText(plot) !== targetText(t),
      result: check?.results.find((r) => r.code === t.code) ?? null,
      checkedOn: check?.checkedOn ?? null,
    };
  });
  const columns: TableColumnsType<IndicatorRow> = [
    { title: '指标', dataIndex: 'code', render: (code: string) => indicatorName(code) },
    { title: '核验阶段', dataIndex: 'stage', width: 90, render: (s: string) => checkStageName(s) },
    { title: '地块要求', key: 'plot', render: (_, r) => `${COMPARATOR_ZH[r.comparator] ?? ''} ${r.plotTarget}${unitText(r.unit)}` },
    {
      title: '协议目标值',
      key: 'target',
      render: (_, r) => (
        <Space size={4}>
          {`${COMPARATOR_ZH[r.comparator] ?? ''} ${r.target}${unitText(r.unit)}`}
          {r.raised && <Tag color="blue">企业承诺</Tag>}
        </Space>
      ),
    },
    { title: '实测值', key: 'measured', render: (_, r) => (r.result ? `${r.result.measured}${unitText(r.unit)}` : '—') },
    {
      title: '结果',
      key: 'result',
      render: (_, r) =>
        !r.result ? (
          <Tag>未核验</Tag>
        ) : r.result.passed ? (
          <Tag color="success">达标</Tag>
        ) : (
          <Tooltip title={`差距 ${r.result.shortfall}${unitText(r.unit)}`}>
            <Tag color="error">未达标（差 {r.result.shortfallPercent}%）</Tag>
          </Tooltip>
        ),
    },
  ];
  const checkColumns: TableColumnsType<LandCheck> = [
    { title: '核验', dataIndex: 'stage', render: (s: string) => checkStageName(s) },
    { title: '核验日期', dataIndex: 'checkedOn' },
    { title: '结论', dataIndex: 'passed', render: (passed: boolean) => (passed ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>) },
    { title: '违约金', dataIndex: 'penaltyFen', render: (fen: number) => (fen ? <Typography.Text type="danger">{fenToYuan(fen)}</Typography.Text> : '无') },
    { title: '整改期限', dataIndex: 'rectifyBy', render: dash },
  ];
  const body = () => {
    if (loading && data === undefined) return <Spin />;
    if (error) return null;
    if (data === null || !p.usesStandardLand) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未使用标准地" />;
    if (!contract) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data?.plot ? `已预留地块 ${data.plot.code}，尚未签订出让合同` : '尚未确定地块，尚未签订出让合同'} />;
    const penalty = (data?.checks ?? []).reduce((sum, c) => sum + c.penaltyFen, 0);
    return (
      <>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'plot', label: '地块', children: data?.plot ? `${data.plot.code} ${data.plot.location}` : '—' },
            { key: 'area', label: '面积', children: data?.plot ? `${amount.format(data.plot.areaMu)} 亩` : '—' },
            { key: 'contract', label: '出让合同', children: `${contract.contractNumber}（${contract.signedOn}）` },
            { key: 'price', label: '土地价款', children: fenToYuan(contract.landPriceFen) },
            { key: 'agreement', label: '履约监管协议', children: contract.agreement.number },
            { key: 'review', label: '复核日期', children: contract.agreement.reviewDate },
            { key: 'agreed', label: '约定开工 / 竣工 / 投产', span: 2, children: `${contract.agreedStart} / ${contract.agreedCompletion} / ${contract.agreedProduction}` },
            { key: 'penalty', label: '违约金合计', children: penalty ? <Typography.Text type="danger">{fenToYuan(penalty)}</Typography.Text> : '无' },
          ]}
        />
        <Table<IndicatorRow> rowKey="code" size="small" columns={columns} dataSource={rows} locale={{ emptyText: '协议未设定指标' }} pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }} />
        {!!data?.checks.length && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              核验记录
            </Typography.Title>
            <Table<LandCheck> rowKey="id" size="small" columns={checkColumns} dataSource={data.checks} pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }} />
          </>
        )}
      </>
    );
  };
  return (
    <Card title="标准地指标" extra={officer && contract ? <Link to={`/land/${p.id}`}>标准地详情</Link> : null} data-testid="land">
      <ErrorAlert error={error} />
      {body()}
    </Card>
  );
}

// ─── 全代办 ──────────────────────────────────────────────────────────────────────────────────

function RatingForm({ delegation, onDone }: { delegation: Delegation; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const { saving, send } = useSend(form, (t) => message.error(t));
  const submit = async (v: { score: number; comment?: string }) => {
    const body = { score: v.score, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) };
    if (!(await send(() => api('agency', `/delegations/${delegation.id}/rating`, { body })))) return;
    message.success('感谢您的评价');
    onDone();
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="rating-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        评价代办服务
      </Typography.Title>
      <Form.Item name="score" label="满意度" rules={[{ required: true, message: '请为代办服务评分' }]}>
        <Rate count={5} tooltips={['很不满意', '不满意', '一般', '满意', '非常满意']} />
      </Form.Item>
      <Form.Item name="comment" label="意见与建议">
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder="选填" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="submit-rating">
        提交评价
      </Button>
    </Form>
  );
}

function AgencyCard({ p, session, version, onChanged }: { p: ProjectView; session: Session; version: number; onChanged: () => void }) {
  const progress = useLoad(() => orNull(api<AgencyProgress>('agency', `/projects/${p.id}/progress`)), [p.id, version]);
  const delegation = useLoad(() => orNull(api<Delegation>('agency', `/projects/${p.id}/delegation`)), [p.id, version]);
  const enterprise = session.user.role === 'enterprise';
  const pr = progress.data;
  const d = delegation.data;
  const taskColumns: TableColumnsType<AgencyTask> = [
    { title: '任务', dataIndex: 'title' },
    { title: '部门', dataIndex: 'department', render: dash },
    { title: '状态', dataIndex: 'statusName', render: (name: string, t) => <Tag color={t.status === 'DELIVERED' ? 'success' : t.status === 'REFUSED' ? 'error' : 'processing'}>{name}</Tag> },
    {
      title: '办结期限',
      dataIndex: 'dueOn',
      render: (due: string, t) => (
        <Space size={4}>
          {due}
          {t.rag && <RagTag rag={t.rag} />}
        </Space>
      ),
    },
  ];
  const body = () => {
    if (progress.loading && pr === undefined) return <Spin />;
    if (progress.error) return null;
    if (!pr) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未委托全代办" />;
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'number', label: '委托编号', children: d?.authorizationNumber ?? '—' },
            { key: 'status', label: '状态', children: DELEGATION_STATUS_ZH[pr.status] ?? '—' },
            { key: 'agent', label: '代办员', children: pr.agent ? `${pr.agent.name}${pr.agent.mobile ? `（${pr.agent.mobile}）` : ''}` : '待分配' },
            { key: 'scope', label: '代办范围', children: d ? d.scope.map((s) => SCOPE_ZH[s] ?? '其他').join('、') : '—' },
            { key: 'opened', label: '委托日期', children: d?.openedOn ?? '—' },
            { key: 'closed', label: '办结日期', children: dash(d?.closedOn) },
          ]}
        />
        <div>
          <Typography.Text>
            已送达 {pr.tasksDone} / {pr.tasksTotal} 项
          </Typography.Text>
          <Progress percent={pr.percentDone} status={pr.status === 'CLOSED' ? 'success' : 'active'} data-testid="agency-progress" />
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            待企业提供
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={pr.waitingOnEnterprise}
            locale={{ emptyText: '暂无需要企业提供的材料' }}
            pagination={pr.waitingOnEnterprise.length > 5 ? { pageSize: 5, size: 'small' } : false}
            renderItem={(w) => (
              <List.Item>
                <List.Item.Meta title={`${w.title}（${w.statusName}）`} description={w.materials.length ? `所需材料：${w.materials.join('、')}` : '请与代办员联系'} />
              </List.Item>
            )}
          />
        </div>
        {d && (
          <Table<AgencyTask> rowKey="id" size="small" columns={taskColumns} dataSource={d.tasks} locale={{ emptyText: '暂无代办任务' }} pagination={{ pageSize: 5, size: 'small', showTotal: (t) => `共 ${t} 项` }} />
        )}
        {d?.status === 'CLOSED' &&
          (d.rating !== null ? (
            <div data-testid="rating">
              <Typography.Text>服务评价：</Typography.Text>
              <Rate disabled value={d.rating} />
              {d.ratingComment && <Typography.Paragraph type="secondary">{d.ratingComment}</Typography.Paragraph>}
            </div>
          ) : enterprise ? (
            <RatingForm delegation={d} onDone={onChanged} />
          ) : (
            <Typography.Text type="secondary">企业尚未评价代办服务</Typography.Text>
          ))}
      </Space>
    );
  };
  return (
    <Card title="全代办" extra={!enterprise && pr ? <Link to={`/delegations/${p.id}`}>委托详情</Link> : null} data-testid="agency">
      <ErrorAlert error={progress.error ?? delegation.error} />
      {body()}
    </Card>
  );
}

// ─── 项目时间线 ─────────────────────────────────────────────────────────────────────────────

function TimelineCard({ p, version }: { p: ProjectView; version: number }) {
  const { data, error, loading } = useLoad(() => api<{ entries: TimelineEntry[] }>('project-intake', `/projects/${p.id}/timeline`), [p.id, version]);
  const entries = data?.entries ?? [];
  return (
    <Card title={`项目时间线${data ? `（${entries.length} 条）` : ''}`}>
      <ErrorAlert error={error} />
      <div data-testid="timeline" style={{ maxHeight: 960, overflowY: 'auto', paddingTop: 8 }}>
        {loading && !data ? (
          <Spin />
        ) : entries.length ? (
          <Timeline
            items={entries.map((e) => ({
              key: e.eventId,
              color: SOURCE[e.source]?.color ?? 'gray',
              content: (
                <div data-testid="timeline-entry">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {localTime(e.occurredAt)}
                  </Typography.Text>
                  <div>{e.summary}</div>
                  <Space size={4}>
                    {SOURCE[e.source] && <Tag color={SOURCE[e.source].color === 'gray' ? 'default' : SOURCE[e.source].color}>{SOURCE[e.source].label}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {actorText(e.actor)}
                    </Typography.Text>
                  </Space>
                </div>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
        )}
      </div>
    </Card>
  );
}

// ─── The page ────────────────────────────────────────────────────────────────────────────────

/** /projects/:id — one project: its facts, what the enterprise has to do, the approvals, land, agency and timeline. */
export function ProjectDetail({ session }: { session: Session }) {
  const { id = '' } = useParams();
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const role = session.user.role;
  const enterprise = role === 'enterprise';
  const officer = role === 'zone-officer' || role === 'admin';

  const project = useLoad(() => api<ProjectView>('project-intake', `/projects/${encodeURIComponent(id)}`), [id, version]);
  const p = project.data?.id === id || project.data?.code === id ? project.data : undefined;
  const kase = useLoad(() => (p ? orNull(api<ApprovalCase>('commitment-approval', `/projects/${p.id}/case`)) : Promise.resolve(undefined)), [p?.id, version]);

  if (!p) {
    return (
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Link to="/projects">返回项目列表</Link>
          <ErrorAlert error={project.error} />
          {project.loading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
        </Space>
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="project-detail">
      <Space>
        <Link to="/projects">{enterprise ? '我的项目' : '项目库'}</Link>
        <Typography.Text type="secondary">/</Typography.Text>
        <Typography.Text>{p.code}</Typography.Text>
        {project.loading && <Spin size="small" />}
      </Space>
      <ErrorAlert error={project.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Overview p={p} actions={officer ? <OfficerActions p={p} onChanged={refresh} /> : null} />
            {enterprise && <TodoCard p={p} kase={kase.data} caseLoading={kase.loading} onChanged={refresh} />}
            <CaseCard kase={kase.data} loading={kase.loading} error={kase.error} officer={officer} />
            <LandCard p={p} version={version} officer={officer} />
            <AgencyCard p={p} session={session} version={version} onChanged={refresh} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <TimelineCard p={p} version={version} />
        </Col>
      </Row>
    </Space>
  );
}
