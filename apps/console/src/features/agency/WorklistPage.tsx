import { Badge, Card, Empty, Flex, Grid, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Session } from '../../api';
import { ExcelButton } from '../../shared/excel';
import { PageHeading } from '../../shared/page';
import { READABLE } from '../../shared/theme';
import { ErrorAlert } from '../../shared/errors';
import { useApi } from '../../shared/query';
import { useZones } from '../../shared/zones';
import { useProjectsById } from './projectsById';
import { useAgents } from './tasks';
import { SECTIONS, worklistColumns, worklistRows } from './worklistExcel';
import { useWorklistFilters, WorklistFilterBar } from './worklistFilters';
import { WorklistTasks } from './WorklistTasks';

/**
 * 我的工作清单: an agent's open tasks by urgency; a lead may look at its team's agents' (`?agent=<id>`).
 * Filtered by the service (`?q=&department=&status=&due=`, kept in the address), exported to Excel as
 * filtered; on a phone each task is a card. Two requests whatever the caseload: the worklist, and the
 * projects' names (one per 100 projects).
 */
export function WorklistPage({ session }: { session: Session }) {
  const [params, setParams] = useSearchParams();
  const role = session.user.role;
  const mayPick = role !== 'agency-agent';
  const own = role === 'agency-agent' || role === 'agency-supervisor' ? session.user.sub : undefined;
  const agentId = (mayPick ? params.get('agent') : null) ?? own;
  const zone = session.user.zones.length === 1 ? session.user.zones[0] : undefined;
  const { zoneName } = useZones();
  const roster = useAgents(mayPick, zone);
  const { filters, setFilter, filtered } = useWorklistFilters();
  const phone = Grid.useBreakpoint().md === false;
  const worklist = useApi('agency', '/agents/{id}/worklist', agentId ? { path: { id: agentId }, query: filters } : null, { keepPrevious: true, staleTime: 30_000 }); // a remount (the layout measured) does not ask again; commands invalidate it
  const data = worklist.data;
  // The worklist names tasks, not projects: the projects' names come from project-intake, one request per 100 projects.
  const projects = useProjectsById(SECTIONS.flatMap((s) => data?.[s.key] ?? []).map((t) => t.projectId));
  // The first section that has something in it, until the person picks one (for this agent).
  const [picked, setPicked] = useState<{ agentId?: string; tab: string }>();
  const tab = picked && picked.agentId === agentId ? picked.tab : (SECTIONS.find((s) => data?.[s.key].length)?.key ?? 'overdue');

  const agentName = (id: string) => roster.agents?.find((a) => a.id === id)?.name ?? (id === session.user.sub ? session.user.name : id);
  const mine = agentId === session.user.sub;
  const teamCode = roster.agents?.find((a) => a.id === session.user.sub)?.teamCode ?? undefined;
  const heading = agentId ? (mine ? '我的工作清单' : `${agentName(agentId)}的工作清单`) : '工作清单';
  const rows = worklistRows(data);
  // Another agent: the same filters, on that agent's list.
  const pickAgent = (id: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id === own) next.delete('agent');
      else next.set('agent', id);
      return next;
    });
  const choices = (roster.agents ?? []).filter((a) => role !== 'agency-supervisor' || !teamCode || a.teamCode === teamCode || a.id === session.user.sub);

  const tools = (
    <Flex wrap gap={8} align="center" justify={phone ? 'space-between' : undefined} style={phone ? { marginBottom: 12 } : undefined}>
      {data && <Typography.Text type="secondary">截至 {data.asOf}</Typography.Text>}
      {mayPick && (
        <Select
          data-testid="worklist-agent"
          aria-label="选择代办员"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择代办员"
          style={{ width: phone ? '100%' : 240 }}
          loading={roster.loading}
          value={agentId}
          notFoundContent="暂无代办员"
          onChange={pickAgent}
          options={choices.map((a) => ({ value: a.id, label: `${a.name}${a.id === session.user.sub ? '（本人）' : ''}${zone ? '' : ` · ${zoneName(a.zoneCode)}`}` }))}
        />
      )}
      {agentId && (
        <ExcelButton
          testId="worklist-export"
          filename={`${heading}-${data?.asOf ?? ''}`}
          title={`${heading}（截至 ${data?.asOf ?? ''}${filtered ? '，按筛选条件' : ''}，共 ${rows.length} 项）`}
          columns={worklistColumns(projects)}
          rows={() => rows}
        />
      )}
    </Flex>
  );

  return (
    <Card data-testid="worklist" title={<PageHeading title={heading} />} extra={phone ? null : tools} styles={phone ? { body: { padding: 12 } } : undefined}>
      {phone && tools}
      <ErrorAlert error={worklist.error ?? roster.error} />
      {!agentId ? (
        <Empty description="请选择一位代办员查看其工作清单" />
      ) : (
        <>
          <WorklistFilterBar filters={filters} setFilter={setFilter} departments={data?.departments ?? []} phone={phone} />
          <Tabs
            activeKey={tab}
            onChange={(key) => setPicked({ agentId, tab: key })}
            // On a phone the four tabs fit the screen (short names, narrow gaps): none hides behind a "more" menu.
            tabBarGutter={phone ? 12 : undefined}
            items={SECTIONS.map((s) => ({
              key: s.key,
              label: (
                <span data-testid={`worklist-tab-${s.key}`}>
                  {phone ? s.short : s.label} <Badge count={data?.[s.key].length ?? 0} showZero overflowCount={phone ? 999 : 9999} color={s.key === 'overdue' ? READABLE.red : s.key === 'dueToday' ? READABLE.orange : READABLE.grey} />
                </span>
              ),
              children: (
                <WorklistTasks
                  section={s.key}
                  tasks={data?.[s.key] ?? []}
                  projects={projects}
                  loading={worklist.isFetching}
                  empty={filtered ? `没有符合筛选条件的${s.label}事项` : s.empty}
                  phone={phone}
                />
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}
