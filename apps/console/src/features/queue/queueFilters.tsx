import { AutoComplete, Flex, Input, Select } from 'antd';
import { useAddressFilters, useDraft } from '../../shared/filters';
import type { components } from '../../../openapi/commitment-approval';

type QueueItemStatus = components['schemas']['QueueItemStatus'];
type DueWindow = components['schemas']['DueWindow'];

/** The statuses an item of the queue can have (GET /queue?status=), as the services name them. */
export const QUEUE_STATUSES: { value: QueueItemStatus; label: string }[] = [
  { value: 'APPLIED', label: '待受理' },
  { value: 'ACCEPTED', label: '审查中' },
  { value: 'PAUSED', label: '暂停计时' },
  { value: 'CORRECTIONS_REQUESTED', label: '待补正' },
];
/** The due windows (?due=), against the due date the queue sorts by. */
export const DUE_WINDOWS: { value: DueWindow; label: string }[] = [
  { value: 'overdue', label: '已逾期' },
  { value: 'today', label: '今日到期' },
  { value: 'week', label: '7 日内到期（含逾期）' },
];

export interface QueueFilters {
  zone?: string;
  department?: string;
  q?: string;
  status?: QueueItemStatus;
  due?: DueWindow;
}
const KEYS = ['zone', 'department', 'q', 'status', 'due'] as const;

/** The queue's filters, kept in the page's address (`?zone=&department=&q=&status=&due=`): a reload or a shared link shows the same queue. */
export function useQueueFilters(): { filters: QueueFilters; setFilter: (key: keyof QueueFilters, value: string | undefined) => void; filtered: boolean } {
  const { params, setFilter } = useAddressFilters<keyof QueueFilters>();
  const status = params.get('status');
  const due = params.get('due');
  const filters: QueueFilters = {
    zone: params.get('zone') || undefined,
    department: params.get('department')?.trim() || undefined,
    q: params.get('q')?.trim() || undefined,
    // An address typed by hand with an unknown value filters nothing (rather than failing the whole queue).
    status: QUEUE_STATUSES.find((s) => s.value === status)?.value,
    due: DUE_WINDOWS.find((d) => d.value === due)?.value,
  };
  return { filters, setFilter, filtered: KEYS.some((k) => k !== 'zone' && filters[k] !== undefined) };
}

/** 筛选: zone (people of several zones), the search box (项目名称 / 代码 / 企业), the department, the status and the due window. */
export function QueueFilterBar({
  filters,
  setFilter,
  zones,
  zone,
  zoneClearable,
  departments,
}: {
  filters: QueueFilters;
  setFilter: (key: keyof QueueFilters, value: string | undefined) => void;
  zones: { code: string; name: string }[];
  zone: string | undefined;
  zoneClearable: boolean;
  departments: string[];
}) {
  const [text, setText] = useDraft(filters.q);
  const [department, setDepartment] = useDraft(filters.department);
  return (
    <Flex data-testid="queue-filters" wrap gap={12} align="center">
      {zones.length > 1 && (
        <Select
          data-testid="queue-zone"
          aria-label="按开发区筛选"
          allowClear={zoneClearable}
          placeholder="全部开发区"
          style={{ width: 220 }}
          value={zone}
          options={zones.map((z) => ({ value: z.code, label: z.name }))}
          onChange={(v?: string) => setFilter('zone', v)}
        />
      )}
      <Input.Search
        data-testid="queue-search"
        aria-label="搜索项目名称、项目代码或企业名称"
        allowClear
        enterButton="搜索"
        maxLength={100}
        placeholder="项目名称 / 代码 / 企业"
        style={{ width: 'min(320px, 100%)' }}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) setFilter('q', undefined);
        }}
        onSearch={(v) => setFilter('q', v)}
      />
      <AutoComplete
        style={{ width: 'min(260px, 100%)' }}
        value={department}
        options={departments.filter((d) => !department || d.includes(department)).map((d) => ({ value: d }))}
        onChange={(v: string) => {
          setDepartment(v);
          if (!v) setFilter('department', undefined);
        }}
        onSelect={(v: string) => setFilter('department', v)}
      >
        <Input.Search data-testid="queue-department" aria-label="按部门筛选" allowClear placeholder="部门，如 发展和改革局" enterButton="筛选" onSearch={(v) => setFilter('department', v)} />
      </AutoComplete>
      <Select
        data-testid="queue-status"
        aria-label="按状态筛选"
        allowClear
        placeholder="全部状态"
        style={{ width: 140 }}
        value={filters.status}
        options={QUEUE_STATUSES}
        onChange={(v?: string) => setFilter('status', v)}
      />
      <Select
        data-testid="queue-due"
        aria-label="按到期筛选"
        allowClear
        placeholder="全部期限"
        style={{ width: 190 }}
        value={filters.due}
        options={DUE_WINDOWS}
        onChange={(v?: string) => setFilter('due', v)}
      />
    </Flex>
  );
}
