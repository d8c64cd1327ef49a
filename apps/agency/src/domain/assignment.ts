/**
 * Automatic assignment of a delegation: among the zone's active agents with the
 * speciality, the least loaded (open tasks), preferring those under capacity;
 * ties go to fewer open delegations, then to the agent id in alphabetical order,
 * so the same situation always gives the same agent.
 */
export const SPECIALITIES = ['approval', 'construction', 'utilities', 'post-production'] as const;
export type Speciality = (typeof SPECIALITIES)[number];

export interface AgentLoad {
  id: string;
  zoneCode: string;
  specialities: string[];
  active: boolean;
  capacity: number;
  openTasks: number;
  openDelegations: number;
}

export function chooseAgent(agents: AgentLoad[], zoneCode: string, speciality: Speciality): AgentLoad | null {
  const eligible = agents.filter((a) => a.active && a.zoneCode === zoneCode && a.specialities.includes(speciality));
  if (!eligible.length) return null;
  return [...eligible].sort(
    (a, b) =>
      Number(a.openTasks >= a.capacity) - Number(b.openTasks >= b.capacity) ||
      a.openTasks - b.openTasks ||
      a.openDelegations - b.openDelegations ||
      a.id.localeCompare(b.id),
  )[0];
}
