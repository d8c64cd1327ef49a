import { CHECK_STAGES, type LandPath } from '@devzone/contracts';
import type { Role } from '@devzone/auth';
import type { IsoDate } from '@devzone/shared-kernel';
import { checkClosed, type StageCase } from './consequences';
import type { CheckStage } from './indicators';
import { pathRefusal, type ProjectForPath } from './land-paths';
import { matchPlot, movePlot, publishBlockers, type PlotForMatching, type PlotTrigger, type ProjectNeeds, type ServicingLevel } from './plot';
import { LAND_ACTIONS, LAND_COMMAND_ROLES, PLOT_ACTIONS, PLOT_COMMAND_ROLES, type LandAction, type PlotAction } from './permissions';

/**
 * The commands the calling user may take now on a plot or on a project's land: the
 * views' `actions`, so the console shows a button exactly when the command would be
 * taken. Each is allowed by the route's roles (domain/permissions.ts), the caller's
 * reach, and the same rules the command itself applies (the plot state machine,
 * publishBlockers, matchPlot, pathRefusal, checkClosed). What only the request body
 * decides (a contract number already used, a date in the future) is not foreseen.
 */

/** Who asks, and whether the object is theirs to act on: the plot's zone is one of theirs (coversZone), or they see the project (seesProject). */
export interface Caller {
  role: Role;
  reaches: boolean;
}

export interface PlotForActions extends PlotForMatching {
  reservedFor: string | null;
  assessments: string[];
  servicingLevel: ServicingLevel;
}

/** The project a plot is shown for (its plot matches, its land): reserve and transfer then decide for that project. */
export interface ProjectForPlot extends ProjectNeeds {
  projectId: string;
  usesStandardLand: boolean;
  /** The project's land is secured already (a land path or a contract is recorded). */
  landSecured: boolean;
}

const TRIGGER: Record<PlotAction, PlotTrigger> = { publish: 'PUBLISH', reserve: 'RESERVE', release: 'RELEASE', transfer: 'TRANSFER' };

/**
 * What the caller may do with the plot now (application/land.service.ts applies the same rules):
 * - publish: PREPARING, and nothing blocks it (assessments, servicing, indicators);
 * - reserve: AVAILABLE; for a given project, only a plot that fits it (matchPlot);
 * - release: RESERVED;
 * - transfer: AVAILABLE or RESERVED; for a given project, only a 标准地 project whose land is
 *   not yet secured, and a reserved plot only to the project it is reserved for.
 */
export function plotActions(plot: PlotForActions, caller: Caller, project?: ProjectForPlot): PlotAction[] {
  if (!caller.reaches) return [];
  const rules: Record<PlotAction, () => boolean> = {
    publish: () => publishBlockers(plot).length === 0,
    reserve: () => !project || matchPlot(plot, project).matches,
    release: () => true,
    transfer: () => !project || (project.usesStandardLand && !project.landSecured && (plot.status !== 'RESERVED' || plot.reservedFor === project.projectId)),
  };
  return PLOT_ACTIONS.filter((a) => PLOT_COMMAND_ROLES[a].includes(caller.role) && movePlot(plot.status, TRIGGER[a]).allowed && rules[a]());
}

/** What the land commands read of a project's land. */
export interface LandForActions {
  project: ProjectForPath;
  path: LandPath | null;
  /** The project's 出让 contract, if any; `hasAgreement` for a 标准地 contract with its performance agreement. */
  contract: { hasAgreement: boolean } | null;
  /** The check cases, oldest first: the last of a stage is the stage's case. */
  checks: StageCase[];
}

/** The stages a check may be recorded for today: the first check, or the re-check within the rectification period (decideCheck). */
export function checkableStages(land: LandForActions, today: IsoDate): CheckStage[] {
  if (!land.contract?.hasAgreement) return [];
  return CHECK_STAGES.filter((stage) => checkClosed(land.checks.filter((c) => c.stage === stage).at(-1) ?? null, today) === null);
}

/**
 * What the caller may do with the project's land now:
 * - land-grant, own-land, lease: the path may be recorded (pathRefusal: not a 标准地 project,
 *   a land need for grant and own land, land not yet secured — a lease may replace 'none');
 * - land-checks: a 标准地 contract with a stage still open (checkableStages);
 * - interim-reports: a 标准地 contract (its performance agreement);
 * - construction-progress, idle-exemption: an 出让 contract (标准地 or grant).
 */
export function landActions(land: LandForActions, caller: Caller, today: IsoDate): LandAction[] {
  if (!caller.reaches) return [];
  const rules: Record<LandAction, () => boolean> = {
    'land-grant': () => pathRefusal('grant', land.project, land.path) === null,
    'own-land': () => pathRefusal('own-land', land.project, land.path) === null,
    lease: () => pathRefusal('lease', land.project, land.path) === null,
    'land-checks': () => checkableStages(land, today).length > 0,
    'interim-reports': () => !!land.contract?.hasAgreement,
    'construction-progress': () => land.contract !== null,
    'idle-exemption': () => land.contract !== null,
  };
  return LAND_ACTIONS.filter((a) => LAND_COMMAND_ROLES[a].includes(caller.role) && rules[a]());
}
