import type { AgentView, Speciality } from '../../views';

/** 代办员专长, as the team lead reads them (the agency service's `Speciality`). */
export const SPECIALITY_ZH: Record<Speciality, string> = {
  approval: '审批代办',
  construction: '工程建设',
  utilities: '水电气讯接入',
  'post-production': '投产后服务',
};

/** The load figures of an agent (GET /agents answers them with each agent). */
type Load = Pick<AgentView, 'id' | 'capacity' | 'openDelegations' | 'openTasks' | 'overdueTasks'>;

/**
 * Agents from the least loaded: under capacity first, then fewer open tasks,
 * fewer overdue tasks, fewer open delegations, then by id (the order the
 * service's automatic assignment uses, with overdue tasks as a further tie-break).
 */
export function byLoad<A extends Load>(agents: readonly A[]): A[] {
  return [...agents].sort(
    (a, b) =>
      Number(a.openTasks >= a.capacity) - Number(b.openTasks >= b.capacity) ||
      a.openTasks - b.openTasks ||
      a.overdueTasks - b.overdueTasks ||
      a.openDelegations - b.openDelegations ||
      a.id.localeCompare(b.id),
  );
}

/** The least loaded agent a delegation may move to (never its current agent), or undefined when there is none. */
export const leastLoaded = <A extends Load>(agents: readonly A[], currentAgentId: string | null): A | undefined => byLoad(agents.filter((a) => a.id !== currentAgentId))[0];

/** The reason's length as the service counts it: characters, without the surrounding spaces. */
export const REASON_LENGTH = { min: 2, max: 200 } as const;
export const reasonLength = (text: string | undefined) => [...(text ?? '').trim()].length;
