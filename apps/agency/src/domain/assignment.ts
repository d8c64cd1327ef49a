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

/**
 * 改派原因: a team lead who moves a delegation to another agent says why, in
 * 2–200 characters (counted as characters, not UTF-16 units), so the history
 * shows it. Surrounding spaces do not count.
 */
export const REASSIGN_REASON_LENGTH = { min: 2, max: 200 } as const;

/** What is wrong with a reassignment's reason, or null when it will do. */
export function reassignReasonProblem(reason: unknown): { zh: string; en: string } | null {
  const { min, max } = REASSIGN_REASON_LENGTH;
  if (typeof reason !== 'string' || !reason.trim()) return { zh: `须填写改派原因（${min}–${max} 个字）`, en: `reason is required (${min}-${max} characters)` };
  const length = [...reason.trim()].length;
  if (length < min) return { zh: `改派原因至少 ${min} 个字`, en: `reason must have at least ${min} characters` };
  if (length > max) return { zh: `改派原因不超过 ${max} 个字（现为 ${length} 个字）`, en: `reason must have at most ${max} characters (has ${length})` };
  return null;
}
