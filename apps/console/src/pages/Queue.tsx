import { AutoComplete, Button, Card, Input, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Session } from '../api';
import { ErrorAlert, ItemStatusTag, PagedTable, RagTag, useLoad, useZones } from '../ui';

/** One open item in the officer's queue (GET /queue). */
interface QueueEntry {
  caseId: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  enterpriseName: string;
  zoneCode: string;
  itemCode: string;
  itemName: string;
  department: string;
  procedure: string | null;
  procedureName: string;
  status: string;
  statusName: string;
  /** awaiting-acceptance (applied: 5 working days to accept), running, paused. */
  clock: string;
  blockedBy: { itemCode: string; name: string }[];
  acceptanceDueOn: string | null;
  promisedDueOn: string | null;
  legalDueOn: string | null;
  pauses: { reasonName: string; from: string; to: string | null }[];
  rag?: 'red' | 'amber' | 'green';
  workingDaysLeft?: number;
}

interface QueueAnswer {
  asOf: string;
  /** The department the queue shows (a department officer's own unless it asked for another). */
  department: string | null;

  entries: QueueEntry[];
  total: number;
  page: number;
  pageSize: number;
}



/** 剩余 / 超期 working days, as the officer reads it. */
export function daysLeftText(rag: string | undefined, workingDaysLeft: number | undefined): string {
  if (workingDaysLeft === undefined) return '';
  if (rag === 'red') return `已超期 ${Math.max(1, -workingDaysLeft)} 个工作日`;
  if (workingDaysLeft === 0) return '今日到期';
  return `剩余 ${workingDaysLeft} 个工作日`;
}

/** 审批队列: applied, accepted and paused items of the officer's zone(s) (a department officer: its department's), by due date, with red / amber / green while the clock runs. */
export function Queue({ session }: { session: Session }) {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [zone, setZone] = useState<string>();
  const [department, setDepartment] = useState('');
  const [draft, setDraft] = useState('');

  const { zones: all, zoneName } = useZones();
  const myZones = useMemo(() => (session.user.zones.length ? all.filter((z) => session.user.zones.includes(z.code)) : all), [all, session.user.zones]);

  // Province-wide people pick a zone (the queue is a zone's work list); they start with the first.
  const queueZone = zone ?? (session.user.zones.length ? undefined : all[0]?.code);
  const catalogueZone = zone ?? session.user.zones[0] ?? myZones[0]?.code;
  const catalogue = useLoad(
    () => (catalogueZone ? api<{ items: { department: string }[] }>('commitment-approval', `/catalogue/${encodeURIComponent(catalogueZone)}`) : Promise.resolve({ items: [] })),
    [catalogueZone],
  );
  const departments = [...new Set((catalogue.data?.items ?? []).map((i) => i.department))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

  const { data, error, loading, reload } = useLoad(() => {
    const q = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (queueZone) q.set('zone', queueZone);
    else if (!session.user.zones.length) return Promise.resolve(undefined); // the zones are still loading
    if (department) q.set('department', department);
    return api<QueueAnswer>('commitment-approval', `/queue?${q.toString()}`);
  }, [page, pageSize, queueZone, department]);

  const entries = data?.entries ?? [];
  const counts = { red: 0, amber: 0, green: 0 };
  for (const e of entries) if (e.rag) counts[e.rag] += 1;

  const applyDepartment = (value: string) => {
    setDraft(value);
    setDepartment(value.trim());
    setPage(1);
  };

  const columns: TableColumnsType<QueueEntry> = [
    {
      title: '项目',
      key: 'project',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/cases/${e.caseId}`} onClick={(ev) => ev.stopPropagation()}>
            {e.projectName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.projectCode}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '企业', dataIndex: 'enterpriseName' },
    {
      title: '事项',
      key: 'item',
      render: (_, e) => (
        <span>
          <Typography.Text type="secondary">{e.itemCode}</Typography.Text> {e.itemName}
        </span>
      ),
    },
    { title: '部门', dataIndex: 'department' },
    { title: '办理方式', dataIndex: 'procedureName', width: 100, render: (name: string, e) => <Tag color={e.procedure === 'ordinary' ? 'purple' : 'default'}>{name}</Tag> },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, e) => (
        <Space orientation="vertical" size={0}>
          <ItemStatusTag status={e.status} name={name} />
          {e.blockedBy.length > 0 && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              待前置：{e.blockedBy.map((b) => b.itemCode).join('、')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '办结日（承诺 / 法定）', key: 'due', width: 130, render: (_, e) => (e.promisedDueOn ? `${e.promisedDueOn} / ${e.legalDueOn ?? '—'}` : '受理后计时') },
    {
      title: '预警',
      key: 'rag',
      width: 200,
      render: (_, e) => {
        const open = e.pauses.find((p) => p.to === null);
        if (e.clock === 'paused') return <Tag color="orange">暂停计时{open ? ` · ${open.reasonName}` : ''}</Tag>;
        if (e.clock === 'awaiting-acceptance' && !e.acceptanceDueOn) return <Tag>待前置事项办结后受理</Tag>;
        if (e.clock === 'awaiting-acceptance')
          return (
            <Space size={4}>
              <RagTag rag={e.rag} label="待受理" />
              <Typography.Text type="secondary">{e.acceptanceDueOn} 前受理</Typography.Text>
            </Space>
          );
        return (
          <Space size={4}>
            <RagTag rag={e.rag} />
            <Typography.Text type={e.rag === 'red' ? 'danger' : e.rag === 'amber' ? 'warning' : 'secondary'}>{daysLeftText(e.rag, e.workingDaysLeft)}</Typography.Text>
          </Space>
        );
      },
    },
  ];
  if (myZones.length > 1) columns.splice(2, 0, { title: '开发区', dataIndex: 'zoneCode', render: (code: string) => zoneName(code) });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={data?.department ? `审批队列 · ${data.department}` : '审批队列'}
        extra={
          <Typography.Text type="secondary">
            {data ? `统计日期：${data.asOf}` : ''}
          </Typography.Text>
        }
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 16 }}>
        <Space wrap>
          {myZones.length > 1 && (
            <Select
              data-testid="queue-zone"
              allowClear={session.user.zones.length > 0}
              placeholder="全部开发区"
              style={{ width: 240 }}
              value={queueZone ?? zone}
              options={myZones.map((z) => ({ value: z.code, label: z.name }))}
              onChange={(v?: string) => (setZone(v), setPage(1))}
            />
          )}
          <AutoComplete
            style={{ width: 320 }}
            value={draft}
            options={departments.filter((d) => !draft || d.includes(draft)).map((d) => ({ value: d }))}
            onChange={(v: string) => {
              setDraft(v);
              if (!v) applyDepartment('');
            }}
            onSelect={(v: string) => applyDepartment(v)}
          >
            <Input.Search data-testid="queue-department" allowClear placeholder="按部门筛选，如 发展和改革局" enterButton="筛选" onSearch={(v) => applyDepartment(v)} />
          </AutoComplete>
          <Button onClick={reload} loading={loading}>
            刷新
          </Button>
        </Space>
        <Space wrap data-testid="queue-summary">
          <Typography.Text>本页预警：</Typography.Text>
          <Tag color="red">已超期 {counts.red}</Tag>
          <Tag color="orange">临近到期 {counts.amber}</Tag>
          <Tag color="green">正常 {counts.green}</Tag>
          {department && <Typography.Text type="secondary">（部门：{department}）</Typography.Text>}
        </Space>
        </div>
        <ErrorAlert error={error} />
        <Table<QueueEntry>
          rowKey={(e) => `${e.caseId}-${e.itemCode}`}
          loading={loading}
          columns={columns}
          dataSource={entries}
          size="middle"
          locale={{ emptyText: department ? '该部门暂无待办事项' : '暂无待办事项' }}
          onRow={(e) =>
            ({
              'data-testid': `queue-row-${e.caseId}-${e.itemCode}`,
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/cases/${e.caseId}`),
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      <Supervision />
    </Space>
  );
}

interface CaseRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  enterpriseName: string;
  acceptanceRequestedOn: string | null;
  rectifyBy: string | null;
}

/** 事后监管待办: 对标验收 the enterprises asked for, and projects rectifying after a failed acceptance (by their deadline). */
function Supervision() {
  const project = { title: '项目', key: 'project', render: (_: unknown, c: CaseRow) => <Space orientation="vertical" size={0}><Link to={`/cases/${c.id}`}>{c.projectName}</Link><Typography.Text type="secondary">{c.projectCode}</Typography.Text></Space> };
  const enterprise = { title: '企业', dataIndex: 'enterpriseName' };
  const cases = (status: string) => (page: number, pageSize: number) => api<{ items: CaseRow[]; total: number }>('commitment-approval', `/cases?status=${status}&page=${page}&pageSize=${pageSize}`);
  return (
    <Card title="事后监管待办" data-testid="supervision">
      <Tabs
        items={[
          {
            key: 'acceptance',
            label: '对标验收申请',
            children: <PagedTable<CaseRow> data-testid="supervision-acceptance" fetchPage={cases('ACCEPTANCE_REQUESTED')} locale={{ emptyText: '暂无待验收的项目' }} columns={[project, enterprise, { title: '申请日期', dataIndex: 'acceptanceRequestedOn' }]} />,
          },
          {
            key: 'rectifying',
            label: '验收未通过整改中',
            children: <PagedTable<CaseRow> data-testid="supervision-rectifying" fetchPage={cases('RECTIFYING')} locale={{ emptyText: '暂无整改中的项目' }} columns={[project, enterprise, { title: '整改期限', dataIndex: 'rectifyBy' }]} />,
          },
        ]}
      />
    </Card>
  );
}
