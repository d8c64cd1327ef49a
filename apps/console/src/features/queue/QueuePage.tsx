import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Session } from '../../api';
import type { QueueEntryView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { allItems, ExcelButton } from '../../shared/excel';
import { PageHeading } from '../../shared/page';
import { chinaToday, tid } from '../../shared/format';
import { useApi } from '../../shared/query';
import { useZones } from '../../shared/zones';
import { QUEUE_EXCEL_COLUMNS, queueColumns } from './queueColumns';
import { DUE_WINDOWS, QUEUE_STATUSES, QueueFilterBar, useQueueFilters } from './queueFilters';
import { SupervisionCard } from './SupervisionCard';

/** 审批队列: applied, accepted and paused items of the officer's zone(s) (a department officer: its department's), by due date, searchable, with red / amber / green while the clock runs and the counts of the whole filtered queue. */
export function QueuePage({ session }: { session: Session }) {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const { filters, setFilter: setInAddress, filtered } = useQueueFilters();
  // A new filter shows its first page.
  const setFilter: typeof setInAddress = (key, value) => (setInAddress(key, value), setPage(1));

  const { zones: all, zoneName } = useZones();
  const myZones = useMemo(() => (session.user.zones.length ? all.filter((z) => session.user.zones.includes(z.code)) : all), [all, session.user.zones]);

  // Province-wide people pick a zone (the queue is a zone's work list); they start with the first.
  const queueZone = filters.zone ?? (session.user.zones.length ? undefined : all[0]?.code);
  const catalogueZone = filters.zone ?? session.user.zones[0] ?? myZones[0]?.code;
  const catalogue = useApi('commitment-approval', '/catalogue/{zone}', catalogueZone ? { path: { zone: catalogueZone } } : null);
  const departments = [...new Set((catalogue.data?.items ?? []).map((i) => i.department))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

  // Wait for the zones when the person has none of its own (the queue is asked per zone).
  const ready = !!queueZone || session.user.zones.length > 0;
  const query = { zone: queueZone, department: filters.department, q: filters.q, status: filters.status, due: filters.due };
  const { data, error, isFetching, refetch } = useApi('commitment-approval', '/queue', ready ? { query: { ...query, page, pageSize } } : null, { keepPrevious: true });
  const summary = useApi('commitment-approval', '/queue/summary', ready ? { query } : null, { keepPrevious: true });
  const counts = summary.data;

  // The queue shows the department asked for; a department officer's own by default.
  const shownDepartment = filters.department || session.user.department;
  const title = shownDepartment ? `审批队列 · ${shownDepartment}` : '审批队列';
  const describe = [
    queueZone && zoneName(queueZone),
    shownDepartment,
    filters.q && `搜索“${filters.q}”`,
    filters.status && QUEUE_STATUSES.find((s) => s.value === filters.status)?.label,
    filters.due && DUE_WINDOWS.find((d) => d.value === filters.due)?.label,
  ].filter(Boolean);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<PageHeading title={title} />} extra={<Typography.Text type="secondary">{data ? `统计日期：${chinaToday()}` : ''}</Typography.Text>}>
        <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
          <QueueFilterBar filters={filters} setFilter={setFilter} zones={myZones} zone={queueZone} zoneClearable={session.user.zones.length > 0} departments={departments} />
          <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
            <Space wrap data-testid="queue-summary" aria-live="polite">
              <Typography.Text>{filtered ? '筛选结果：' : '全部待办：'}</Typography.Text>
              <Tag {...tid('queue-count-total')}>共 {counts?.count ?? '…'} 项</Tag>
              <Tag color="red" {...tid('queue-count-overdue')}>
                已逾期 {counts?.overdue ?? '…'}
              </Tag>
              <Tag color="orange" {...tid('queue-count-today')}>
                今日到期 {counts?.dueToday ?? '…'}
              </Tag>
              <Tag color="gold" {...tid('queue-count-week')}>
                7 日内到期 {counts?.dueThisWeek ?? '…'}
              </Tag>
              <Tag color="purple" {...tid('queue-count-paused')}>
                暂停计时 {counts?.paused ?? '…'}
              </Tag>
              <Tag {...tid('queue-count-blocked')}>待前置事项 {counts?.blocked ?? '…'}</Tag>
            </Space>
            <Space wrap>
              <Button onClick={() => void (refetch(), summary.refetch())} loading={isFetching}>
                刷新
              </Button>
              <ExcelButton<QueueEntryView>
                testId="queue-export"
                filename={`审批队列-${chinaToday()}`}
                title={`审批队列（${describe.join('，') || '全部'}）· 导出于 ${new Date().toLocaleString('zh-CN', { hour12: false })}`}
                columns={QUEUE_EXCEL_COLUMNS}
                rows={async () => (await allItems('commitment-approval', '/queue', { query })).items}
              />
            </Space>
          </div>
        </Space>
        <ErrorAlert error={error ?? summary.error} />
        <Table<QueueEntryView>
          rowKey={(e) => `${e.caseId}-${e.itemCode}`}
          loading={isFetching}
          columns={queueColumns(myZones.length > 1 ? zoneName : undefined)}
          dataSource={data?.items ?? []}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: filtered ? '没有符合条件的待办事项' : '暂无待办事项' }}
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
