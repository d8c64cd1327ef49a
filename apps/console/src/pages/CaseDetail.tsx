import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Skeleton,
  Space,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
  type FormInstance,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ApprovalCase, CaseItem } from '../views';
import { api, ApiError, type Role, type Session } from '../api';
import { CaseStatusTag, dash, ErrorAlert, ItemStatusTag, errorText, placeIssues, RagTag, StageTag, useLoad, useZones, ymd } from '../ui';

// ————— Small helpers the approval pages share (Queue.tsx and Credit.tsx import them from here) —————

/** Puts a 400's reasons on the form (a field the flat form lacks falls back to its first segment); false unless every reason found its field. */
export function putIssues(form: FormInstance, error: unknown, fields: string[]): boolean {
  const left = placeIssues(form, error, (f) => (fields.includes(f) ? f : f.split('.')[0]));
  return left !== null && left.length === 0;
}

/** The officers (approval officer, administrator): they decide, pre-check and rectify. */
export const OFFICER_ROLES: Role[] = ['zone-officer', 'admin'];
export const isOfficer = (s: Session) => OFFICER_ROLES.includes(s.user.role);

/** `data-testid` for antd props typed without data attributes (spread it). */
export const tid = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

/** Today in China, YYYY-MM-DD. */
export const chinaToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

// ————— The case —————

const REGIME_ZH: Record<string, string> = { committable: '可承诺', approval: '须审批' };
const COVERAGE_ZH: Record<string, string> = { provisional: '按暂定节假日计算', 'weekends-only': '未含法定节假日（仅按周末计算）' };

/** The workflow as steps; RECTIFYING sits on 对标验收 with an error. */
const STEPS = ['立案', '告知书', '承诺书 · 预审', '公示', '事项审批', '批复', '对标验收', '办结'];
const STEP_OF: Record<string, number> = { OPENED: 0, NOTIFIED: 1, COMMITTED: 2, IN_PUBLICITY: 3, DECIDING: 4, GRANTED: 5, ACCEPTANCE_REQUESTED: 6, RECTIFYING: 6, ACCEPTED: 7 };

/** Officers decide items once the commitment is in, until the case is granted (domain/case.state-machine.ts). */
const acceptsItemDecisions = (status: string) => status === 'COMMITTED' || status === 'IN_PUBLICITY' || status === 'DECIDING';

type DecisionKind = 'grant-with-missing-documents' | 'request-corrections' | 'reject';
const DECISION_ZH: Record<DecisionKind | 'grant', string> = { grant: '准予', 'grant-with-missing-documents': '容缺准予', 'request-corrections': '要求补正', reject: '不予许可' };
const DECISION_DONE_ZH: Record<DecisionKind, string> = { 'grant-with-missing-documents': '已容缺准予', 'request-corrections': '已要求补正', reject: '已决定不予许可' };

function daysLeft(item: CaseItem): string {
  if (item.workingDaysLeft === undefined) return '';
  if (item.rag === 'red') return `已超期 ${Math.max(1, -item.workingDaysLeft)} 个工作日`;
  if (item.workingDaysLeft === 0) return '今日到期';
  return `剩余 ${item.workingDaysLeft} 个工作日`;
}

/** /cases/:id — a 承诺制 case, its items and the officer's actions. */
export function CaseDetail({ session }: { session: Session }) {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const officer = isOfficer(session);
  const { data: c, error, loading, reload } = useLoad(() => api<ApprovalCase>('commitment-approval', `/cases/${encodeURIComponent(id)}`), [id]);
  const { zoneName } = useZones();
  const settings = useLoad(
    () => (c ? api<{ publicityDays: number; maxMissingDocumentsWorkingDays: number; majorRectifyDays: number }>('commitment-approval', `/settings/zones/${encodeURIComponent(c.zoneCode)}`) : Promise.resolve(undefined)),
    [c?.zoneCode],
  );

  const [busy, setBusy] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();
  const [decision, setDecision] = useState<{ kind: DecisionKind; item: CaseItem }>();
  const [precheckFailing, setPrecheckFailing] = useState(false);

  /** A case-level or item action: on success a message and a reload; a refusal stays on the page. */
  const act = async (key: string, done: string, call: () => Promise<unknown>) => {
    setBusy(key);
    setActionError(undefined);
    try {
      await call();
      message.success(done);
      reload();
    } catch (e) {
      setActionError(e);
      message.error(errorText(e));
      // Refused in the current state: someone may have moved the case meanwhile.
      if (e instanceof ApiError && e.status === 409) reload();
    } finally {
      setBusy(undefined);
    }
  };
  const post = (path: string, body?: unknown) => api('commitment-approval', `/cases/${encodeURIComponent(id)}${path}`, { method: 'POST', ...(body === undefined ? {} : { body }) });

  if (loading && !c) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (!c) return (
    <Card title="承诺制案件">
      <ErrorAlert error={error} />
      {!error && <Empty description="案件不存在" />}
      <Link to={officer ? '/queue' : '/projects'}>返回</Link>
    </Card>
  );

  const itemName = (code: string) => c.items.find((i) => i.itemCode === code)?.name ?? code;
  const decidable = officer && acceptsItemDecisions(c.status);

  const itemColumns: TableColumnsType<CaseItem> = [
    { title: '编码', dataIndex: 'itemCode', width: 70 },
    { title: '事项', dataIndex: 'name' },
    { title: '部门', dataIndex: 'department' },
    { title: '类别', dataIndex: 'regime', width: 80, render: (r: string) => <Tag color={r === 'committable' ? 'blue' : 'default'}>{REGIME_ZH[r] ?? r}</Tag> },
    { title: '状态', dataIndex: 'statusName', render: (name: string, i) => <ItemStatusTag status={i.status} name={name} /> },
    {
      title: '承诺办结日',
      dataIndex: 'promisedDueOn',
      width: 120,
      render: (d: string, i) => (
        <Tooltip title={`承诺时限 ${i.promisedLimitDays} 个工作日${COVERAGE_ZH[i.dueDateCoverage] ? `，${COVERAGE_ZH[i.dueDateCoverage]}` : ''}`}>
          <span>
            {d}
            {COVERAGE_ZH[i.dueDateCoverage] ? ' *' : ''}
          </span>
        </Tooltip>
      ),
    },
    { title: '法定办结日', dataIndex: 'legalDueOn', width: 110, render: (d: string, i) => <Tooltip title={`法定时限 ${i.legalLimitDays} 个工作日`}>{d}</Tooltip> },
    {
      title: '预警 / 决定',
      key: 'rag',
      width: 170,
      render: (_, i) =>
        i.rag ? (
          <Space size={4}>
            <RagTag rag={i.rag} />
            <Typography.Text type={i.rag === 'red' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {daysLeft(i)}
            </Typography.Text>
          </Space>
        ) : i.decidedOn ? (
          <Typography.Text type="secondary">{i.decidedOn} 决定</Typography.Text>
        ) : (
          '—'
        ),
    },
  ];
  if (decidable) {
    itemColumns.push({
      title: '操作',
      key: 'actions',
      width: 290,
      render: (_, i) => {
        if (i.status === 'UNDER_REVIEW') {
          const tolerable = i.documents.some((d) => d.tolerable);
          return (
            <Space size={4} wrap>
              <Button size="small" type="primary" data-testid={`grant-${i.itemCode}`} loading={busy === `grant-${i.itemCode}`} disabled={!!busy && busy !== `grant-${i.itemCode}`} onClick={() => void act(`grant-${i.itemCode}`, `已准予：${i.name}`, () => post(`/items/${encodeURIComponent(i.itemCode)}/decision`, { decision: 'grant' }))}>
                准予
              </Button>
              <Tooltip title={tolerable ? '' : '该事项没有可容缺的材料'}>
                <Button size="small" data-testid={`grant-missing-${i.itemCode}`} disabled={!tolerable || !!busy} onClick={() => setDecision({ kind: 'grant-with-missing-documents', item: i })}>
                  容缺准予
                </Button>
              </Tooltip>
              <Button size="small" data-testid={`corrections-${i.itemCode}`} disabled={!!busy} onClick={() => setDecision({ kind: 'request-corrections', item: i })}>
                要求补正
              </Button>
              <Button size="small" danger data-testid={`reject-${i.itemCode}`} disabled={!!busy} onClick={() => setDecision({ kind: 'reject', item: i })}>
                不予许可
              </Button>
            </Space>
          );
        }
        if (i.status === 'CORRECTIONS_REQUESTED')
          return (
            <Space size={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                待企业补正
              </Typography.Text>
              <Button size="small" danger data-testid={`reject-${i.itemCode}`} disabled={!!busy} onClick={() => setDecision({ kind: 'reject', item: i })}>
                不予许可
              </Button>
            </Space>
          );
        if (i.status === 'COMMITTED')
          return (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              随批复一并准予
            </Typography.Text>
          );
        return '—';
      },
    });
  }

  const caseActions = officer ? (
    <CaseActions c={c} busy={busy} settings={settings.data} act={act} post={post} onPrecheckFail={() => setPrecheckFailing(true)} onAccepted={reload} />
  ) : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>承诺制案件 · {c.projectName}</span>
            <CaseStatusTag status={c.status} name={c.statusName} testId="case-status" />
          </Space>
        }
        extra={
          <Space>
            {officer && <Link to="/queue">返回审批队列</Link>}
            <Button size="small" onClick={reload} loading={loading}>
              刷新
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={error} />
        {c.status === 'REVOKED' ? (
          <Alert type="warning" showIcon title="项目已终止，案件已撤销" style={{ marginBottom: 16 }} />
        ) : (
          <Steps
            size="small"
            current={STEP_OF[c.status] ?? 0}
            status={c.status === 'RECTIFYING' ? 'error' : c.status === 'ACCEPTED' ? 'finish' : 'process'}
            items={STEPS.map((title) => ({ title }))}
            style={{ marginBottom: 20 }}
          />
        )}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: '项目代码', children: c.projectCode },
            { key: 'name', label: '项目名称', children: <Link to={`/projects/${c.projectId}`}>{c.projectName}</Link> },
            { key: 'stage', label: '项目阶段', children: <StageTag stage={c.projectStage} /> },
            { key: 'ent', label: '企业', children: c.enterpriseName },
            { key: 'credit', label: '统一社会信用代码', children: officer || session.user.role === 'enterprise' ? <Link to={`/credit?creditCode=${c.creditCode}`}>{c.creditCode}</Link> : c.creditCode },
            { key: 'zone', label: '开发区', children: zoneName(c.zoneCode) },
            { key: 'opened', label: '立案日期', children: c.openedOn },
            { key: 'catalogue', label: '事项清单', children: `${c.catalogue === '*' ? '默认清单' : c.catalogue} 第 ${c.catalogueVersion} 版` },
            { key: 'status', label: '案件状态', children: c.statusName },
          ]}
        />
      </Card>

      {actionError ? (
        <div data-testid="action-error">
          <ErrorAlert error={actionError} />
        </div>
      ) : null}
      {caseActions}

      <Card title="办理情况">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'notice', label: '告知书', children: c.noticeNumber ? `${c.noticeNumber}（${dash(c.noticeIssuedOn)} 发出）` : '尚未发出' },
            { key: 'precheck', label: '预审意见', children: dash(c.precheckNote) },
            {
              key: 'publicity',
              label: '公示',
              children: c.publicityStartsOn ? `${c.publicityStartsOn} 至 ${dash(c.publicityEndsOn)}${c.publicityStartsOn === c.publicityEndsOn ? '（本区不设公示期）' : ''}` : '尚未公示',
            },
            { key: 'decision', label: '批复', children: c.decisionNumber ? `${c.decisionNumber}（${dash(c.grantedOn)} 批复）` : '尚未批复' },
            { key: 'acceptanceRequested', label: '对标验收申请', children: c.acceptanceRequestedOn ? `${c.acceptanceRequestedOn} 申请` : '尚未申请' },
            {
              key: 'acceptance',
              label: '对标验收结果',
              children: c.acceptedOn ? (
                <Tag color="success">{c.acceptedOn} 验收通过</Tag>
              ) : c.acceptanceReasons?.length ? (
                <Space orientation="vertical" size={2}>
                  <Tag color="error">验收未通过{c.rectifyBy ? `，限 ${c.rectifyBy} 前整改` : ''}</Tag>
                  {c.acceptanceReasons.map((r) => (
                    <Typography.Text key={r}>· {r}</Typography.Text>
                  ))}
                </Space>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>

      <Card title="承诺书" data-testid="commitment-letter">
        {c.commitment ? (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'scope', label: '承诺范围', children: c.commitment.scope === 'all' ? '全部承诺（全部可承诺事项）' : '部分承诺' },
              { key: 'submitted', label: '提交日期', children: c.commitment.submittedOn },
              { key: 'count', label: '承诺事项数', children: `${c.commitment.itemCodes.length} 项` },
              { key: 'start', label: '承诺开工日期', children: c.commitment.committedDates.start },
              { key: 'completion', label: '承诺竣工日期', children: c.commitment.committedDates.completion },
              { key: 'production', label: '承诺投产日期', children: c.commitment.committedDates.production },
              {
                key: 'items',
                label: '承诺事项',
                span: 'filled',
                children: c.commitment.itemCodes.length ? (
                  <Space size={[4, 4]} wrap>
                    {c.commitment.itemCodes.map((code) => (
                      <Tag key={code}>
                        {code} {itemName(code)}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  '无'
                ),
              },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={c.status === 'OPENED' ? '尚未发出告知书，企业尚未提交承诺书' : '企业尚未提交承诺书'} />
        )}
      </Card>

      <Card title={`审批事项（${c.items.length} 项）`}>
        <Table<CaseItem>
          rowKey="itemCode"
          size="middle"
          columns={itemColumns}
          dataSource={c.items}
          loading={loading}
          locale={{ emptyText: '本案件没有审批事项' }}
          onRow={(i) => tid(`item-row-${i.itemCode}`)}
          expandable={{ expandedRowRender: (i) => <ItemDetails item={i} />, expandRowByClick: false }}
          pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 项`, hideOnSinglePage: false }}
        />
      </Card>

      {decision && (
        <DecisionModal
          kind={decision.kind}
          item={decision.item}
          maxWorkingDays={settings.data?.maxMissingDocumentsWorkingDays}
          submit={(body) => post(`/items/${encodeURIComponent(decision.item.itemCode)}/decision`, body)}
          onClose={(done) => {
            setDecision(undefined);
            if (done) {
              message.success(`${DECISION_DONE_ZH[decision.kind]}：${decision.item.name}`);
              reload();
            }
          }}
        />
      )}
      {precheckFailing && (
        <NoteModal
          title="预审不通过"
          label="不通过的理由"
          placeholder="请说明须补充或修改的内容，企业将据此重新提交承诺书"
          okText="确认不通过"
          testid="precheck-fail"
          field="note"
          maxLength={500}
          submit={(note) => post('/precheck', { passed: false, note })}
          onClose={(done) => {
            setPrecheckFailing(false);
            if (done) {
              message.success('预审不通过，已退回企业重新承诺');
              reload();
            }
          }}
        />
      )}
    </Space>
  );
}

/** Documents, 容缺 and the decision notes of one item. */
function ItemDetails({ item }: { item: CaseItem }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <List
        size="small"
        header={<Typography.Text strong>申请材料</Typography.Text>}
        dataSource={item.documents}
        locale={{ emptyText: '无须提交材料' }}
        pagination={item.documents.length > 5 ? { pageSize: 5, size: 'small' } : false}
        renderItem={(d) => (
          <List.Item>
            <Space>
              <Typography.Text type="secondary">{d.code}</Typography.Text>
              {d.name}
              {d.tolerable && <Tag color="blue">可容缺</Tag>}
              {item.missingDocuments?.some((m) => m.code === d.code) && <Tag color={item.suppliedOn ? 'green' : 'orange'}>{item.suppliedOn ? `已于 ${item.suppliedOn} 补交` : `容缺，限 ${item.supplyBy ?? '—'} 前补交`}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {item.note && (
        <Alert type={item.status === 'REJECTED' ? 'error' : 'warning'} showIcon title={item.status === 'REJECTED' ? `不予许可理由：${item.note}` : `补正要求：${item.note}`} />
      )}
      {item.decidedOn && <Typography.Text type="secondary">决定日期：{item.decidedOn}</Typography.Text>}
    </Space>
  );
}

/** The actions on the case as a whole, by its status. */
function CaseActions({
  c,
  busy,
  settings,
  act,
  post,
  onPrecheckFail,
  onAccepted,
}: {
  c: ApprovalCase;
  busy?: string;
  settings?: { publicityDays: number; majorRectifyDays: number };
  act: (key: string, done: string, call: () => Promise<unknown>) => Promise<void>;
  post: (path: string, body?: unknown) => Promise<unknown>;
  onPrecheckFail: () => void;
  onAccepted: () => void;
}) {
  let body: ReactNode = null;
  if (c.status === 'OPENED')
    body = (
      <Space orientation="vertical">
        <Typography.Text>案件已立案，请向企业发出承诺制告知书（列明 {c.items.length} 项审批事项及承诺要求）。</Typography.Text>
        <Button type="primary" data-testid="issue-notice" loading={busy === 'notice'} onClick={() => void act('notice', '告知书已发出', () => post('/notice'))}>
          发出告知书
        </Button>
      </Space>
    );
  else if (c.status === 'NOTIFIED')
    body = <Typography.Text type="secondary">告知书已发出，等待企业提交承诺书。</Typography.Text>;
  else if (c.status === 'COMMITTED')
    body = (
      <Space orientation="vertical">
        <Typography.Text>企业已提交承诺书，请预审。通过后进入公示{settings ? (settings.publicityDays ? `（${settings.publicityDays} 天）` : '（本区不设公示期，直接进入审批决定）') : ''}；不通过则退回企业重新承诺。</Typography.Text>
        <Space>
          <Button type="primary" data-testid="precheck-pass" loading={busy === 'precheck'} disabled={!!busy && busy !== 'precheck'} onClick={() => void act('precheck', '预审通过', () => post('/precheck', { passed: true, note: '预审通过' }))}>
            预审通过
          </Button>
          <Button danger data-testid="precheck-fail" disabled={!!busy} onClick={onPrecheckFail}>
            预审不通过
          </Button>
        </Space>
      </Space>
    );
  else if (c.status === 'IN_PUBLICITY')
    body = (
      <Space orientation="vertical">
        <Typography.Text>
          公示期：{c.publicityStartsOn} 至 {c.publicityEndsOn}。公示期满后可结束公示（到期后系统也会自动结束）。
        </Typography.Text>
        <Button type="primary" data-testid="end-publicity" loading={busy === 'publicity'} onClick={() => void act('publicity', '公示已结束', () => post('/publicity/end'))}>
          结束公示
        </Button>
      </Space>
    );
  else if (c.status === 'DECIDING')
    body = <Typography.Text>公示已结束，请对审查中的事项逐项作出决定；全部事项准予（含容缺）后自动批复。</Typography.Text>;
  else if (c.status === 'GRANTED')
    body = <Typography.Text type="secondary">案件已批复（{c.decisionNumber}）。项目竣工后由企业申请对标验收。</Typography.Text>;
  else if (c.status === 'ACCEPTANCE_REQUESTED') body = <AcceptanceForm caseId={c.id} majorRectifyDays={settings?.majorRectifyDays} post={post} onDone={onAccepted} />;
  else if (c.status === 'RECTIFYING')
    body = <Typography.Text type="warning">对标验收未通过，企业整改中（限 {c.rectifyBy ?? '—'} 前）。整改后由企业重新申请验收。</Typography.Text>;
  else if (c.status === 'ACCEPTED') body = <Typography.Text type="success">对标验收已通过，案件办结。</Typography.Text>;
  if (!body) return null;
  return (
    <Card title="办理" data-testid="case-actions">
      {body}
    </Card>
  );
}

/** 对标验收 result: passed, or failed with reasons (a major credit record) and a rectification deadline. */
function AcceptanceForm({ caseId, majorRectifyDays, post, onDone }: { caseId: string; majorRectifyDays?: number; post: (path: string, body?: unknown) => Promise<unknown>; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ passed: boolean; reasons?: string; rectifyBy?: Dayjs | null }>();
  const passed = Form.useWatch('passed', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const today = chinaToday();
  const submit = async (v: { passed: boolean; reasons?: string; rectifyBy?: Dayjs | null }) => {
    setSaving(true);
    setError(undefined);
    const reasons = (v.reasons ?? '')
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    try {
      await post('/acceptance', v.passed ? { passed: true } : { passed: false, reasons, ...(v.rectifyBy ? { rectifyBy: ymd(v.rectifyBy) } : {}) });
      message.success(v.passed ? '对标验收通过' : '已记录验收不通过，并记入企业重大失信记录');
      onDone();
    } catch (e) {
      if (!putIssues(form, e, ['passed', 'reasons', 'rectifyBy'])) {
        setError(e);
        message.error(errorText(e));
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => void submit(v)} data-testid={`acceptance-form-${caseId}`}>
      <Typography.Paragraph>项目已竣工，企业申请对标验收。请对照承诺书与标准地指标录入验收结果。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form.Item name="passed" label="验收结果" rules={[{ required: true, message: '请选择验收结果' }]}>
        <Radio.Group>
          <Radio value={true} data-testid="acceptance-passed">
            通过
          </Radio>
          <Radio value={false} data-testid="acceptance-failed">
            不通过
          </Radio>
        </Radio.Group>
      </Form.Item>
      {passed === false && (
        <>
          <Alert type="warning" showIcon title="验收不通过将记入企业重大失信记录，逾期未整改将列入黑名单。" style={{ marginBottom: 16 }} />
          <Form.Item
            name="reasons"
            label="不通过原因（每行一条）"
            rules={[
              { required: true, whitespace: true, message: '验收不通过须列明原因' },
              { validator: (_, v?: string) => ((v ?? '').split('\n').every((r) => r.trim().length <= 500) ? Promise.resolve() : Promise.reject(new Error('每条原因不超过 500 字'))) },
            ]}
          >
            <Input.TextArea rows={3} placeholder={'如：容积率低于承诺值\n亩均投资强度未达标'} data-testid="acceptance-reasons" />
          </Form.Item>
          <Form.Item name="rectifyBy" label="整改期限" extra={`不填则按本区规则${majorRectifyDays ? `（${majorRectifyDays} 天）` : ''}确定`}>
            <DatePicker placeholder="选择整改期限" disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="acceptance-rectify-by" />
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="acceptance-submit">
        提交验收结果
      </Button>
    </Form>
  );
}

/** 容缺准予 / 要求补正 / 不予许可 for one item. */
function DecisionModal({
  kind,
  item,
  maxWorkingDays,
  submit,
  onClose,
}: {
  kind: DecisionKind;
  item: CaseItem;
  maxWorkingDays?: number;
  submit: (body: unknown) => Promise<unknown>;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm<{ missingDocuments?: string[]; supplyBy?: Dayjs | null; reason?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const today = chinaToday();
  const ok = async () => {
    let v: { missingDocuments?: string[]; supplyBy?: Dayjs | null; reason?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await submit(kind === 'grant-with-missing-documents' ? { decision: kind, missingDocuments: v.missingDocuments, supplyBy: ymd(v.supplyBy) } : { decision: kind, reason: v.reason?.trim() });
      onClose(true);
    } catch (e) {
      if (!putIssues(form, e, ['missingDocuments', 'supplyBy', 'reason'])) setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${DECISION_ZH[kind]} · ${item.itemCode} ${item.name}`}
      okText={`确认${DECISION_ZH[kind]}`}
      cancelText="取消"
      okButtonProps={{ ...tid('decision-submit'), danger: kind === 'reject', loading: saving }}
      onOk={() => void ok()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        {kind === 'grant-with-missing-documents' ? (
          <>
            <Form.Item name="missingDocuments" label="容缺的材料" rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一项容缺的材料' }]} extra="仅容缺目录内的材料可以后补。">
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="decision-missing-documents">
                {item.documents.map((d) => (
                  <Checkbox key={d.code} value={d.code} disabled={!d.tolerable} data-testid={`missing-${d.code}`}>
                    {d.code} {d.name}
                    {!d.tolerable && <Typography.Text type="secondary">（不可容缺）</Typography.Text>}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="supplyBy" label="补交期限" rules={[{ required: true, message: '请选择补交期限' }]} extra={maxWorkingDays ? `自今日起不超过 ${maxWorkingDays} 个工作日` : undefined}>
              <DatePicker placeholder="选择补交期限" disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="decision-supply-by" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={kind === 'reject' ? '不予许可的理由' : '须补正的内容'}
            rules={[
              { required: true, whitespace: true, message: kind === 'reject' ? '请填写不予许可的理由' : '请填写须补正的内容' },
              { max: 1000, message: '不超过 1000 字' },
            ]}
          >
            <Input.TextArea rows={4} showCount maxLength={1000} placeholder={kind === 'reject' ? '依据及理由' : '列明须补正的材料或内容'} data-testid="decision-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** A modal asking for one required note (预审不通过; Credit.tsx's 信用修复 has its own). */
export function NoteModal({
  title,
  label,
  placeholder,
  okText,
  testid,
  field,
  maxLength,
  submit,
  onClose,
}: {
  title: string;
  label: string;
  placeholder?: string;
  okText: string;
  testid: string;
  field: string;
  maxLength: number;
  submit: (note: string) => Promise<unknown>;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const ok = async () => {
    let v: Record<string, string>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await submit(v[field].trim());
      onClose(true);
    } catch (e) {
      if (!putIssues(form, e, [field])) setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={title} okText={okText} cancelText="取消" okButtonProps={{ ...tid(`${testid}-submit`), loading: saving }} onOk={() => void ok()} onCancel={() => onClose(false)} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name={field}
          label={label}
          rules={[
            { required: true, whitespace: true, message: `请填写${label}` },
            { max: maxLength, message: `不超过 ${maxLength} 字` },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={maxLength} placeholder={placeholder} data-testid={`${testid}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
