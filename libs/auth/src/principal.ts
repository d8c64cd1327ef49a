import type { Actor, ActorRole } from '@devzone/contracts';

/**
 * Who is calling, from a verified access token. Every query and command is
 * scoped from this, never from the request.
 *
 * | role | sees and does |
 * |---|---|
 * | zone-officer | its zones' projects, cases, plots; coordinates the 承诺制 cases (notice, pre-check, publicity, acceptance) |
 * | department-officer | its zones' cases; accepts and decides the items of its own department (`department`) |
 * | agency-agent | the delegations assigned to it (`agentId` = its subject) |
 * | agency-supervisor | its zones' delegations (team lead) |
 * | enterprise | its own projects only (`creditCode`) |
 * | zone-manager | figures and lists for its zones (read-only); publishes its zones' approval rules (versions) |
 * | province-manager | read-only, every zone |
 * | admin | everything |
 */
export const ROLES = ['zone-officer', 'department-officer', 'agency-agent', 'agency-supervisor', 'enterprise', 'zone-manager', 'province-manager', 'admin'] as const satisfies readonly ActorRole[];
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The identity provider's subject: the one id of a person everywhere (agents: their agent id). */
  sub: string;
  name: string;
  role: Role;
  /** Zones an officer, agent, team lead or zone manager works in. */
  zones: string[];
  /** The enterprise an enterprise user acts for (统一社会信用代码). */
  creditCode?: string;
  /** The department (委办局) a staff member belongs to, e.g. 住房和城乡建设局. */
  department?: string;
  /** Where the person reads e-mail, when the identity provider says. */
  email?: string;
}

/** The actor an event records: the subject, the role and the person's name (when the token names the person, not just the account; at most 64 characters). */
export const actorOf = (p: Principal): Actor => ({ id: p.sub, role: p.role, ...(p.name && p.name !== p.sub ? { name: p.name.slice(0, 64) } : {}) });

export const isAdmin = (p: Principal) => p.role === 'admin';
/** Sees every zone. */
export const isProvinceWide = (p: Principal) => p.role === 'admin' || p.role === 'province-manager';

/** May this principal see things of this zone (officers, agents, leads, managers)? */
export function coversZone(p: Principal, zoneCode: string): boolean {
  if (isProvinceWide(p)) return true;
  if (p.role === 'enterprise') return false;
  return p.zones.includes(zoneCode);
}

/** May this principal see this project (by its zone and its enterprise)? */
export function seesProject(p: Principal, project: { zoneCode: string; creditCode: string }): boolean {
  if (p.role === 'enterprise') return !!p.creditCode && p.creditCode === project.creditCode;
  return coversZone(p, project.zoneCode);
}

/** Role groups used by the services' @Roles(). */
export const OFFICERS: Role[] = ['zone-officer', 'admin'];
/** The item's own department (a department officer with that department) decides it. */
export const DEPARTMENTS: Role[] = ['department-officer', 'admin'];
export const STAFF: Role[] = ['zone-officer', 'department-officer', 'agency-agent', 'agency-supervisor', 'zone-manager', 'province-manager', 'admin'];
export const READERS_OF_FIGURES: Role[] = ['zone-officer', 'zone-manager', 'province-manager', 'admin'];
/** Publish a zone's rules. */
export const MANAGERS: Role[] = ['zone-manager', 'admin'];
export const ACTING_FOR_PROJECTS: Role[] = ['enterprise', 'zone-officer', 'agency-agent', 'agency-supervisor', 'admin'];
