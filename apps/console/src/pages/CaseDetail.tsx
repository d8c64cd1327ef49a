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

/**
 * A modal's form sent on OK: validated here first, then `send(values)`; a 400's
 * reasons go under their fields, anything else above the form; closes on success.
 */
export function useModalForm<V extends object>(form: FormInstance<V>, fields: string[], send: (values: V) => Promise<unknown>, onClose: (done: boolean) => void) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const ok = async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await send(v);
      onClose(true);
    } catch (e) {
      if (!putIssues(form, e, fields)) setError(e);
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, ok };
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

/** Items are applied for, accepted and decided until the case is granted; applications also during publicity (domain/case.state-machine.ts). */
const takesItemWork = (status: string) => ['OPENED', 'NOTIFIED', 'COMMITTED', 'DECIDING'].includes(status);
const takesApplications = (status: string) => takesItemWork(status) || status === 'IN_PUBLICITY';
/** Who applies for an item (the enterprise, its agent, the zone officer for it). */
const APPLICANT_ROLES: Role[] = ['enterprise', 'zone-officer', 'agency-agent', 'agency-supervisor', 'admin'];
/** The item's own department decides it (a department officer of that department, or an administrator). */
const decidesFor = (s: Session, item: CaseItem) => s.user.role === 'admin' || (s.user.role === 'department-officer' && s.user.department === item.department);

type DecisionKind = 'grant-with-missing-documents' | 'request-corrections' | 'reject';
const DECISION_ZH: Record<DecisionKind | 'grant', string> = { grant: '准予', 'grant-with-missing-documents': '容缺准予', 'request-corrections': '要求补正', reject: '不予许可' };
const DECISION_DONE_ZH: Record<DecisionKind, string> = { 'grant-with-missing-documents': '已容缺准予', 'request-corrections': '已要求补正（暂停计时）', reject: '已决定不予许可' };
const PROCEDURE_COLOR: Record<string, string> = { commitment: 'blue', approval: 'default', ordinary: 'purple' };
const PAUSABLE = [
  { value: 'hearing', label: '听证' },
  { value: 'testing', label: '检验检测' },
  { value: 'expert-review', label: '专家评审' },
] as const;

function daysLeft(item: CaseItem): string {
  if (item.workingDaysLeft === undefined) return '';
  if (item.rag === 'red') return `已超期 ${Math.max(1, -item.workingDaysLeft)} 个工作日`;
  if (item.workingDaysLeft === 0) return '今日到期';
  return `剩余 ${item.workingDaysLeft} 个工作日`;
}

/** Where the item's clock stands: not started, awaiting 受理, running (red/amber/green), paused, decided. */
function ClockCell({ item: i }: { item: CaseItem }) {
  const open = i.pauses.find((p) => p.to === null);
  if (i.clock === 'paused' && open) return <Tag color="orange" {...tid(`clock-paused-${i.itemCode}`)}>暂停计时 · {open.reasonName}（{open.from} 起）</Tag>;
  if (i.clock === 'awaiting-acceptance' && !i.acceptanceDueOn)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        已申请，待前置事项办结后受理
      </Typography.Text>
    );
  if (i.clock === 'awaiting-acceptance')
    return (
      <Space size={4}>
        {i.rag && <RagTag rag={i.rag} label="待受理" />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.acceptanceDueOn} 前受理，逾期视为受理
        </Typography.Text>
      </Space>
    );
  if (i.clock === 'running')
    return (
      <Space size={4}>
        <RagTag rag={i.rag} />
        <Typography.Text type={i.rag === 'red' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {daysLeft(i)}
        </Typography.Text>
      </Space>
    );
  if (i.decidedOn) return <Typography.Text type="secondary">{i.decidedOn} 决定</Typography.Text>;
  return <Typography.Text type="secondary">{i.status === 'COMMITTED' ? '随批复准予' : '未起算（受理后计时）'}</Typography.Text>;
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
  const [pausing, setPausing] = useState<CaseItem>();
  const [revoking, setRevoking] = useState<CaseItem>();
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
  const applicant = APPLICANT_ROLES.includes(session.user.role);
  const paused = c.items.filter((i) => i.clock === 'paused');
  const blocked = c.items.filter((i) => i.blockedBy.length);
  const withPauses = c.items.filter((i) => i.pauses.length);

  const itemButton = (i: CaseItem, key: string, label: string, done: string, path: string, body?: unknown, extra?: { type?: 'primary'; danger?: boolean }) => (
    <Button
      size="small"
      type={extra?.type}
      danger={extra?.danger}
      data-testid={`${key}-${i.itemCode}`}
      loading={busy === `${key}-${i.itemCode}`}
      disabled={!!busy && busy !== `${key}-${i.itemCode}`}
      onClick={() => void act(`${key}-${i.itemCode}`, `${done}：${i.name}`, () => post(`/items/${encodeURIComponent(i.itemCode)}/${path}`, body))}
    >
      {label}
    </Button>
  );
  /** What the signed-in person may do with an item now: the applicant applies, resubmits, supplies; the department accepts, pauses, decides; a grant by commitment may be revoked. */
  const itemActions = (i: CaseItem): ReactNode[] => {
    const actions: ReactNode[] = [];
    const department = decidesFor(session, i);
    if (applicant && takesApplications(c.status) && ((i.status === 'PENDING' && i.procedure && i.procedure !== 'commitment') || i.status === 'REVOKED')) actions.push(itemButton(i, 'apply', '提交申请', '已提交申请', 'application'));
    if (applicant && i.status === 'CORRECTIONS_REQUESTED' && takesItemWork(c.status)) actions.push(itemButton(i, 'resubmit', '已补正，重新提交', '已重新提交，恢复计时', 'resubmit'));
    if (applicant && i.status === 'GRANTED_PENDING_DOCUMENTS') actions.push(itemButton(i, 'supply', '已补交容缺材料', '已补交材料', 'documents-supplied'));
    if (department && takesItemWork(c.status)) {
      if (i.status === 'APPLIED')
        actions.push(
          i.blockedBy.length ? (
            <Tooltip key="accept" title={`须待前置事项办结：${i.blockedBy.map((b) => `${b.itemCode} ${b.name}`).join('、')}`}>
              <Button size="small" disabled data-testid={`accept-${i.itemCode}`}>
                受理
              </Button>
            </Tooltip>
          ) : (
            itemButton(i, 'accept', '受理', '已受理，开始计时', 'acceptance', undefined, { type: 'primary' })
          ),
        );
      if (i.status === 'ACCEPTED') {
        const tolerable = i.procedure !== 'ordinary' && i.documents.some((d) => d.tolerable);
        actions.push(
          itemButton(i, 'grant', '准予', '已准予', 'decision', { decision: 'grant' }, { type: 'primary' }),
          <Tooltip key="missing" title={tolerable ? '' : i.procedure === 'ordinary' ? '一般程序须材料齐全，不适用容缺' : '该事项没有可容缺的材料'}>
            <Button size="small" data-testid={`grant-missing-${i.itemCode}`} disabled={!tolerable || !!busy} onClick={() => setDecision({ kind: 'grant-with-missing-documents', item: i })}>
              容缺准予
            </Button>
          </Tooltip>,
          <Button key="corrections" size="small" data-testid={`corrections-${i.itemCode}`} disabled={!!busy} onClick={() => setDecision({ kind: 'request-corrections', item: i })}>
            要求补正
          </Button>,
          <Button key="pause" size="small" data-testid={`pause-${i.itemCode}`} disabled={!!busy} onClick={() => setPausing(i)}>
            暂停计时
          </Button>,
        );
      }
      if (i.status === 'PAUSED' && i.pauses.some((p) => p.to === null && p.reason !== 'publicity')) actions.push(itemButton(i, 'resume', '恢复计时', '已恢复计时', 'resume'));
      if (i.status === 'APPLIED' || i.status === 'ACCEPTED' || i.status === 'CORRECTIONS_REQUESTED')
        actions.push(
          <Button key="reject" size="small" danger data-testid={`reject-${i.itemCode}`} disabled={!!busy} onClick={() => setDecision({ kind: 'reject', item: i })}>
            {i.status === 'APPLIED' ? '不予受理' : '不予许可'}
          </Button>,
        );
    }
    if ((officer || department) && i.status === 'GRANTED' && i.procedure === 'commitment')
      actions.push(
        <Button key="revoke" size="small" danger data-testid={`revoke-${i.itemCode}`} disabled={!!busy} onClick={() => setRevoking(i)}>
          撤销（虚假承诺）
        </Button>,
      );
    return actions;
  };

  const itemColumns: TableColumnsType<CaseItem> = [
    { title: '编码', dataIndex: 'itemCode', width: 70 },
    { title: '事项', dataIndex: 'name' },
    { title: '部门', dataIndex: 'department' },
    { title: '办理方式', dataIndex: 'procedureName', width: 110, render: (name: string, i) => <Tag color={PROCEDURE_COLOR[i.procedure ?? ''] ?? 'default'}>{i.procedure ? name : `${REGIME_ZH[i.regime] ?? i.regime}，待选择`}</Tag> },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, i) => (
        <Space orientation="vertical" size={2}>
          <ItemStatusTag status={i.status} name={name} />
          {i.blockedBy.length > 0 && (
            <Typography.Text type="warning" style={{ fontSize: 12 }} {...tid(`blocked-${i.itemCode}`)}>
              待前置：{i.blockedBy.map((b) => b.itemCode).join('、')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '承诺办结日',
      dataIndex: 'promisedDueOn',
      width: 120,
      render: (d: string | null, i) =>
        d ? (
          <Tooltip title={`自受理（${i.acceptedOn}）起 ${i.procedure === 'ordinary' ? i.legalLimitDays : i.promisedLimitDays} 个工作日${i.pausedWorkingDays ? `，另加暂停计时 ${i.pausedWorkingDays} 个工作日` : ''}${i.dueDateCoverage && COVERAGE_ZH[i.dueDateCoverage] ? `，${COVERAGE_ZH[i.dueDateCoverage]}` : ''}`}>
            <span>
              {d}
              {i.dueDateCoverage && COVERAGE_ZH[i.dueDateCoverage] ? ' *' : ''}
            </span>
          </Tooltip>
        ) : (
          <Tooltip title={`受理后计时：承诺 ${i.promisedLimitDays} / 法定 ${i.legalLimitDays} 个工作日`}>
            <Typography.Text type="secondary">—</Typography.Text>
          </Tooltip>
        ),
    },
    { title: '计时', key: 'clock', width: 210, render: (_, i) => <ClockCell item={i} /> },
    { title: '操作', key: 'actions', width: 300, render: (_, i) => { const actions = itemActions(i); return actions.length ? <Space size={4} wrap>{actions}</Space> : '—'; } },
  ];

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
            { key: 'rules', label: '适用规则', children: `${c.rulesZone === '*' ? '默认规则' : `${zoneName(c.rulesZone)}规则`} 第 ${c.rulesVersion} 版（立案时确定）` },
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
              { key: 'scope', label: '承诺范围', children: c.commitment.scope === 'all' ? '全部承诺（全部可承诺事项）' : '部分承诺（其余可承诺事项按一般程序）' },
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
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              c.status === 'OPENED'
                ? '尚未发出告知书，企业尚未提交承诺书'
                : c.items.some((i) => i.regime === 'committable' && i.procedure === 'ordinary')
                  ? '企业未作承诺，全部事项按一般程序办理'
                  : '企业尚未提交承诺书'
            }
          />
        )}
      </Card>

      {(paused.length > 0 || blocked.length > 0 || withPauses.length > 0) && (
        <Card title="计时与办理顺序" data-testid="case-clocks">
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {paused.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="case-paused"
                title={`暂停计时 ${paused.length} 项（暂停期间不计入办理时限）`}
                description={paused.map((i) => {
                  const open = i.pauses.find((p) => p.to === null);
                  return (
                    <div key={i.itemCode}>
                      {i.itemCode} {i.name}：{open?.reasonName}，{open?.from} 起{open?.note ? `（${open.note}）` : ''}
                    </div>
                  );
                })}
              />
            )}
            {blocked.length > 0 && (
              <Alert
                type="info"
                showIcon
                data-testid="case-blocked"
                title={`待前置事项 ${blocked.length} 项（前置事项办结后方可受理）`}
                description={blocked.map((i) => (
                  <div key={i.itemCode}>
                    {i.itemCode} {i.name}：待 {i.blockedBy.map((b) => `${b.itemCode} ${b.name}`).join('、')}
                  </div>
                ))}
              />
            )}
            {withPauses.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.itemCode}-${r.from}-${r.reason}`}
                pagination={false}
                data-testid="pause-history"
                dataSource={withPauses.flatMap((i) => i.pauses.map((p) => ({ ...p, itemCode: i.itemCode, name: i.name })))}
                columns={[
                  { title: '事项', key: 'item', render: (_, r) => `${r.itemCode} ${r.name}` },
                  { title: '暂停原因', dataIndex: 'reasonName' },
                  { title: '起', dataIndex: 'from', width: 110 },
                  { title: '止', dataIndex: 'to', width: 110, render: (d: string | null) => d ?? <Tag color="orange">暂停中</Tag> },
                  { title: '说明', dataIndex: 'note', render: (n?: string) => dash(n ?? null) },
                ]}
              />
            )}
          </Space>
        </Card>
      )}

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
      {pausing && (
        <PauseModal
          item={pausing}
          submit={(body) => post(`/items/${encodeURIComponent(pausing.itemCode)}/pause`, body)}
          onClose={(done) => {
            if (done) {
              message.success(`已暂停计时：${pausing.name}`);
              reload();
            }
            setPausing(undefined);
          }}
        />
      )}
      {revoking && (
        <NoteModal
          title={`撤销准予决定（虚假承诺） · ${revoking.itemCode} ${revoking.name}`}
          label="撤销理由"
          placeholder="核查发现的与承诺不符之处；撤销后记入企业严重失信记录，该事项须按一般程序重新申请"
          okText="确认撤销"
          testid="revoke"
          field="reason"
          maxLength={500}
          submit={(reason) => post(`/items/${encodeURIComponent(revoking.itemCode)}/revocation`, { reason })}
          onClose={(done) => {
            if (done) {
              message.success(`已撤销：${revoking.name}`);
              reload();
            }
            setRevoking(undefined);
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
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'prerequisites', label: '前置事项', children: item.prerequisites.length ? item.prerequisites.join('、') : '无' },
          { key: 'applied', label: '申请日期', children: dash(item.appliedOn) },
          { key: 'accepted', label: '受理日期', children: item.acceptedOn ? `${item.acceptedOn}${item.deemedAccepted ? '（逾期未处理，依法视为受理）' : ''}` : '—' },
          { key: 'legal', label: '法定办结日', children: item.legalDueOn ? `${item.legalDueOn}（${item.legalLimitDays} 个工作日）` : `受理后 ${item.legalLimitDays} 个工作日` },
          { key: 'paused', label: '暂停计时', children: item.pauses.length ? `${item.pauses.length} 次，共 ${item.pausedWorkingDays} 个工作日` : '无' },
          { key: 'decided', label: '决定日期', children: dash(item.decidedOn) },
        ]}
      />
      {item.note && (
        <Alert type={item.status === 'REJECTED' ? 'error' : 'warning'} showIcon title={item.status === 'REJECTED' ? `不予许可理由：${item.note}` : `补正要求：${item.note}`} />
      )}
      {item.revokedOn && <Alert type="error" showIcon title={`${item.revokedOn} 因虚假承诺撤销：${item.revocationReason ?? ''}`} />}
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
    body = <Typography.Text>请各部门对已受理的事项逐项作出决定；全部须审批及一般程序事项准予（含容缺）后自动批复，承诺事项随批复一并准予。</Typography.Text>;
  else if (c.status === 'GRANTED')
    body = <Typography.Text type="secondary">案件已批复（{c.decisionNumber}）。项目竣工后由企业申请对标验收。</Typography.Text>;
  else if (c.status === 'ACCEPTANCE_REQUESTED') body = <AcceptanceForm caseId={c.id} reinspection={c.rectificationRound > 0} majorRectifyDays={settings?.majorRectifyDays} post={post} onDone={onAccepted} />;
  else if (c.status === 'RECTIFYING')
    body = (
      <Typography.Text type="warning">
        对标验收未通过（第 {c.rectificationRound} 次），企业整改中（限 {c.rectifyBy ?? '—'} 前）。整改后由企业申请复查；复查仍不通过或逾期未申请复查的，记入重大失信记录。
      </Typography.Text>
    );
  else if (c.status === 'ACCEPTED') body = <Typography.Text type="success">对标验收已通过，案件办结。</Typography.Text>;
  if (!body) return null;
  return (
    <Card title="办理" data-testid="case-actions">
      {body}
    </Card>
  );
}

/** 对标验收 result: passed, or failed with reasons and a rectification deadline (a major credit record only when a re-inspection fails). */
function AcceptanceForm({ caseId, reinspection, majorRectifyDays, post, onDone }: { caseId: string; reinspection: boolean; majorRectifyDays?: number; post: (path: string, body?: unknown) => Promise<unknown>; onDone: () => void }) {
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
      message.success(v.passed ? '对标验收通过' : reinspection ? '复查不通过，已记入企业重大失信记录并再次责令整改' : '验收不通过，已责令限期整改');
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
      <Typography.Paragraph>{reinspection ? '企业整改后申请复查。' : '项目已竣工，企业申请对标验收。'}请对照承诺书与标准地指标录入验收结果。</Typography.Paragraph>
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
          <Alert
            type="warning"
            showIcon
            title={reinspection ? '复查不通过将记入企业重大失信记录，逾期未整改将列入黑名单。' : '首次验收不通过责令限期整改，不记失信；整改后复查仍不通过或逾期未申请复查的，记入重大失信记录。'}
            style={{ marginBottom: 16 }}
          />
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
  const today = chinaToday();
  const { saving, error, ok } = useModalForm(
    form,
    ['missingDocuments', 'supplyBy', 'reason'],
    (v) => submit(kind === 'grant-with-missing-documents' ? { decision: kind, missingDocuments: v.missingDocuments, supplyBy: ymd(v.supplyBy) } : { decision: kind, reason: v.reason?.trim() }),
    onClose,
  );
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

/** 暂停计时: a hearing, testing or an expert review (the time is not counted; 补正 is a decision, publicity follows the case). */
function PauseModal({ item, submit, onClose }: { item: CaseItem; submit: (body: unknown) => Promise<unknown>; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ reason: string; note?: string }>();
  const { saving, error, ok } = useModalForm(form, ['reason', 'note'], (v) => submit({ reason: v.reason, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }), onClose);
  return (
    <Modal open title={`暂停计时 · ${item.itemCode} ${item.name}`} okText="确认暂停" cancelText="取消" okButtonProps={{ ...tid('pause-submit'), loading: saving }} onOk={() => void ok()} onCancel={() => onClose(false)} destroyOnHidden>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">依《行政许可法》第四十五条，听证、检验、检测、专家评审所需时间不计入办理期限；恢复计时后办结日按暂停的工作日顺延。</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="暂停原因" rules={[{ required: true, message: '请选择暂停原因' }]}>
          <Radio.Group data-testid="pause-reason">
            {PAUSABLE.map((r) => (
              <Radio key={r.value} value={r.value} data-testid={`pause-reason-${r.value}`}>
                {r.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input.TextArea rows={3} showCount maxLength={500} placeholder="如：委托第三方开展专家评审" data-testid="pause-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A modal asking for one required note (预审不通过, 撤销; Credit.tsx's 信用修复 has its own). */
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
  const { saving, error, ok } = useModalForm(form, [field], (v) => submit(v[field].trim()), onClose);
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
