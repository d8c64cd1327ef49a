import { Flex, Input, Select } from 'antd';
import { useAddressFilters, useDraft } from '../../shared/filters';
import { TASK_STATUS_NAMES_ZH } from '@devzone/contracts/names';
import type { components } from '../../../openapi/agency';

type OpenTaskStatus = components['schemas']['OpenTaskStatus'];
type DueWindow = components['schemas']['DueWindow'];

/** The statuses a worklist's task can have (GET /agents/{id}/worklist?status=), in the order a task goes through them. */
export const OPEN_STATUSES: { value: OpenTaskStatus; label: string }[] = (['PLANNED', 'COLLECTING_MATERIALS', 'SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'CORRECTIONS_REQUESTED', 'APPROVED'] as const).map((value) => ({
  value,
  label: TASK_STATUS_NAMES_ZH[value],
}));
/** The due windows (?due=): on a running clock only. */
export const DUE_WINDOWS: { value: DueWindow; label: string }[] = [
  { value: 'overdue', label: '已超期' },
  { value: 'today', label: '今日到期' },
  { value: 'week', label: '7 日内到期' },
];

export interface WorklistFilters {
  q?: string;
  department?: string;
  status?: OpenTaskStatus;
  due?: DueWindow;
}
const KEYS = ['q', 'department', 'status', 'due'] as const;

/** The worklist's filters, kept in the page's address (`?q=&department=&status=&due=`, beside `agent`): a reload or a shared link shows the same list. */
export function useWorklistFilters(): { filters: WorklistFilters; setFilter: (key: keyof WorklistFilters, value: string | undefined) => void; filtered: boolean } {
  const { params, setFilter } = useAddressFilters<keyof WorklistFilters>();
  const status = params.get('status');
  const due = params.get('due');
  const filters: WorklistFilters = {
    q: params.get('q')?.trim() || undefined,
    department: params.get('department') || undefined,
    // An address typed by hand with an unknown value filters nothing (rather than failing the whole list).
    status: OPEN_STATUSES.find((s) => s.value === status)?.value,
    due: DUE_WINDOWS.find((d) => d.value === due)?.value,
  };
  return { filters, setFilter, filtered: KEYS.some((k) => filters[k] !== undefined) };
}

/** 筛选: a search box (task, project name or code), the department, the status and the due window; one under another on a phone. */
export function WorklistFilterBar({ filters, setFilter, departments, phone }: { filters: WorklistFilters; setFilter: (key: keyof WorklistFilters, value: string | undefined) => void; departments: string[]; phone: boolean }) {
  // The box shows what is typed; the list follows on 搜索 (Enter), and the address keeps it.
  const [text, setText] = useDraft(filters.q);
  const width = (px: number) => (phone ? '100%' : px);
  return (
    <Flex data-testid="worklist-filters" wrap gap={phone ? 8 : 12} vertical={phone} align={phone ? 'stretch' : 'center'} style={{ marginBottom: 12 }}>
      <Input.Search
        data-testid="worklist-search"
        aria-label="搜索事项、项目名称或项目代码"
        allowClear
        enterButton="搜索"
        maxLength={100}
        placeholder={phone ? '事项、项目名称或代码' : '按事项、项目名称或项目代码搜索'}
        style={{ width: phone ? '100%' : 'min(360px, 100%)' }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setFilter('q', v)}
      />
      <Select
        data-testid="worklist-department"
        aria-label="按部门筛选"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="全部部门"
        style={{ width: width(200) }}
        value={filters.department}
        notFoundContent="暂无部门"
        onChange={(v?: string) => setFilter('department', v)}
        options={[...new Set([...departments, ...(filters.department ? [filters.department] : [])])].map((d) => ({ value: d, label: d }))}
      />
      <Select
        data-testid="worklist-status"
        aria-label="按状态筛选"
        allowClear
        placeholder="全部状态"
        style={{ width: width(140) }}
        value={filters.status}
        onChange={(v?: string) => setFilter('status', v)}
        options={OPEN_STATUSES}
      />
      <Select
        data-testid="worklist-due"
        aria-label="按到期筛选"
        allowClear
        placeholder="全部到期"
        style={{ width: width(140) }}
        value={filters.due}
        onChange={(v?: string) => setFilter('due', v)}
        options={DUE_WINDOWS}
      />
    </Flex>
  );
}
