import { AutoComplete, Button, Card, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Session } from '../../api';
import type { QueueEntryView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { PageHeading } from '../../shared/page';
import { chinaToday } from '../../shared/format';
import { useApi } from '../../shared/query';
import { ItemStatusTag, RagTag } from '../../shared/tags';
import { useZones } from '../../shared/zones';
import { SupervisionCard } from './SupervisionCard';

/** 剩余 / 超期 working days, as the officer reads it. */
function daysLeftText(rag: string | undefined, workingDaysLeft: number | undefined): string {
  if (workingDaysLeft === undefined) return '';
  if (rag === 'red') return `已超期 ${Math.max(1, -workingDaysLeft)} 个工作日`;
  if (workingDaysLeft === 0) return '今日到期';
  return `剩余 ${workingDaysLeft} 个工作日`;
}

function ragCell(e: QueueEntryView) {
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
}

/** 审批队列: applied, accepted and paused items of the officer's zone(s) (a department officer: its department's), by due date, with red / amber / green while the clock runs. */
export function QueuePage({ session }: { session: Session }) {
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
  const catalogue = useApi('commitment-approval', '/catalogue/{zone}', catalogueZone ? { path: { zone: catalogueZone } } : null);
  const departments = [...new Set((catalogue.data?.items ?? []).map((i) => i.department))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

  // Wait for the zones when the person has none of its own (the queue is asked per zone).
  const ready = !!queueZone || session.user.zones.length > 0;
  const { data, error, isFetching, refetch } = useApi('commitment-approval', '/queue', ready ? { query: { page, pageSize, zone: queueZone, department } } : null, { keepPrevious: true });

  const entries = data?.items ?? [];
  const counts = { red: 0, amber: 0, green: 0 };
  for (const e of entries) if (e.rag) counts[e.rag] += 1;
  // The queue shows the department asked for; a department officer's own by default.
  const shownDepartment = department || session.user.department;

  const applyDepartment = (value: string) => {
    setDraft(value);
    setDepartment(value.trim());
    setPage(1);
  };

  const columns: TableColumnsType<QueueEntryView> = [
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
    { title: '预警', key: 'rag', width: 200, render: (_, e) => ragCell(e) },
  ];
  if (myZones.length > 1) columns.splice(2, 0, { title: '开发区', dataIndex: 'zoneCode', render: (code: string) => zoneName(code) });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<PageHeading title={shownDepartment ? `审批队列 · ${shownDepartment}` : '审批队列'} />} extra={<Typography.Text type="secondary">{data ? `统计日期：${chinaToday()}` : ''}</Typography.Text>}>
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 16 }}>
          <Space wrap>
            {myZones.length > 1 && (
              <Select
                data-testid="queue-zone"
                aria-label="按开发区筛选"
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
              <Input.Search data-testid="queue-department" aria-label="按部门筛选" allowClear placeholder="按部门筛选，如 发展和改革局" enterButton="筛选" onSearch={(v) => applyDepartment(v)} />
            </AutoComplete>
            <Button onClick={() => void refetch()} loading={isFetching}>
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
        <Table<QueueEntryView>
          rowKey={(e) => `${e.caseId}-${e.itemCode}`}
          loading={isFetching}
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
      <SupervisionCard />
    </Space>
  );
}
