import { Flex, Select, Space, Switch, Typography } from 'antd';
import { usePhone } from '../../shared/page';
import { useApi } from '../../shared/query';

/** What the inbox shows: one project, one kind (event type), urgent only, unread only (GET /me/inbox's query). */
export interface InboxFilter {
  projectId?: string;
  eventType?: string;
  urgent: boolean;
  unread: boolean;
}

export const NO_FILTER: InboxFilter = { urgent: false, unread: false };

/** The query GET /me/inbox takes for a filter (an unset one is not sent). */
export const inboxQuery = (f: InboxFilter) => ({ projectId: f.projectId, eventType: f.eventType, urgent: f.urgent || undefined, unread: f.unread || undefined });

/** Names and lists change rarely: asked once in a while. */
const RARELY = { staleTime: 5 * 60_000 };

/**
 * The filter bar of 我的消息. Kinds are the notification rules (GET /rules, each
 * with its Chinese name); projects are those the user sees (GET /projects, the
 * first hundred), and any project named by an entry shown (`known`).
 */
export function InboxFilters({ value, onChange, known }: { value: InboxFilter; onChange: (next: InboxFilter) => void; known: Map<string, string> }) {
  const rules = useApi('notifications', '/rules', { query: { pageSize: 100 } }, RARELY);
  const projects = useApi('project-intake', '/projects', { query: { pageSize: 100 } }, RARELY);
  const names = new Map(known);
  for (const p of projects.data?.items ?? []) names.set(p.id, p.name);
  const projectOptions = [...names].map(([id, name]) => ({ value: id, label: name })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const kindOptions = (rules.data?.items ?? []).map((r) => ({ value: r.eventType, label: r.name })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const set = (change: Partial<InboxFilter>) => onChange({ ...value, ...change });
  // On a phone the two lists are as wide as the screen, the switches side by side under them.
  const phone = usePhone();
  return (
    <Flex wrap gap={phone ? 12 : 16} align="center" style={{ marginBottom: 16 }}>
      <Select
        data-testid="inbox-filter-project"
        aria-label="按项目筛选"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="全部项目"
        style={{ width: phone ? '100%' : 260 }}
        loading={projects.isLoading}
        value={value.projectId}
        options={projectOptions}
        onChange={(projectId?: string) => set({ projectId })}
      />
      <Select
        data-testid="inbox-filter-kind"
        aria-label="按类别筛选"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="全部类别"
        style={{ width: phone ? '100%' : 220 }}
        loading={rules.isLoading}
        value={value.eventType}
        options={kindOptions}
        onChange={(eventType?: string) => set({ eventType })}
      />
      <Space>
        <Switch data-testid="inbox-urgent-only" aria-label="只看紧急" checked={value.urgent} onChange={(urgent) => set({ urgent })} />
        <Typography.Text>只看紧急</Typography.Text>
      </Space>
      <Space>
        <Switch data-testid="inbox-unread-only" aria-label="只看未读" checked={value.unread} onChange={(unread) => set({ unread })} />
        <Typography.Text>只看未读</Typography.Text>
      </Space>
    </Flex>
  );
}
