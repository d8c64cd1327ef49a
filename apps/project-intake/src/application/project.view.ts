import { SERVICE_NAMES_ZH, STAGE_NAMES_ZH, type LandPath } from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import { daysBetween, type IsoDate } from '@devzone/shared-kernel';
import type { LifecycleState } from '../domain/lifecycle.state-machine';
import { projectActions } from '../domain/permissions';
import { timelineFacets } from '../domain/timeline.objects';
import type { ProjectOrm, TimelineEntryOrm, ZoneOrm } from '../infrastructure/orm-entities';
import type { MilestoneView, ProjectView, TimelineEntryView } from '../api/projects.views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Projects are addressed by id or by project code. */
export const projectWhere = (idOrCode: string): { id: string } | { code: string } => (UUID.test(idOrCode) ? { id: idOrCode } : { code: idOrCode });

export const lifecycleStateOf = (p: ProjectOrm): LifecycleState => ({
  stage: p.stage,
  stageBeforeSuspension: p.stageBeforeSuspension,
  landNeeded: p.landAreaMu > 0,
  approvalsGranted: p.approvalsGranted,
  landSecured: p.landSecured,
  acceptance: p.acceptance,
  landReview: p.landReview,
});

function milestone(planned: IsoDate | null, committed: IsoDate | null, agreed: IsoDate | null, actual: IsoDate | null, asOf: IsoDate, open: boolean): MilestoneView {
  let varianceDays: number | null = null;
  if (planned && actual) varianceDays = daysBetween(planned, actual);
  else if (planned && open && asOf > planned) varianceDays = daysBetween(planned, asOf);
  return { planned, committed, agreed, actual, varianceDays };
}

/** A timestamp column as ISO 8601 (TypeORM gives a Date; tolerate a string). */
const iso = (d: Date | string): string => new Date(d).toISOString();

/** The API's view of a project, with plan-vs-actual per milestone and the commands `caller` may take on it now. */
export function projectView(p: ProjectOrm, zone: Pick<ZoneOrm, 'name'> | undefined, asOf: IsoDate, caller: Principal): ProjectView {
  const open = p.stage !== 'TERMINATED';
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    enterprise: { name: p.enterpriseName, creditCode: p.creditCode },
    zoneCode: p.zoneCode,
    zoneName: zone?.name ?? null,
    industryCode: p.industryCode,
    projectType: p.projectType,
    totalInvestment: p.totalInvestment,
    fixedAssetInvestment: p.fixedAssetInvestment,
    projectedAnnualOutput: p.projectedAnnualOutput,
    actualAnnualOutput: p.actualAnnualOutput,
    landAreaMu: p.landAreaMu,
    usesStandardLand: p.usesStandardLand,
    wantsFullAgency: p.wantsFullAgency,
    contacts: p.contacts,
    signedOn: p.signedOn,
    threeBatchesRound: p.threeBatchesRound,
    stage: p.stage,
    stageName: STAGE_NAMES_ZH[p.stage],
    stageBeforeSuspension: p.stageBeforeSuspension,
    conditions: {
      approvalsGranted: p.approvalsGranted,
      landNeeded: p.landAreaMu > 0,
      landSecured: p.landSecured,
      // Written only from land events, whose contract admits LAND_PATHS alone.
      landPath: p.landPath as LandPath | null,
      landReference: p.landReference,
      acceptance: p.acceptance,
      landReview: p.landReview,
    },
    permitNumber: p.permitNumber,
    statusReason: p.statusReason,
    milestones: {
      start: milestone(p.plannedStart, p.committedStart, p.agreedStart, p.actualStart, asOf, open),
      completion: milestone(p.plannedCompletion, p.committedCompletion, p.agreedCompletion, p.actualCompletion, asOf, open),
      production: milestone(p.plannedProduction, p.committedProduction, p.agreedProduction, p.actualProduction, asOf, open),
      fullProduction: { actual: p.actualFullProduction },
    },
    version: p.version,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    actions: projectActions(lifecycleStateOf(p), p, caller),
  };
}

/** One line of a project's timeline. */
export const timelineEntryView = (e: TimelineEntryOrm): TimelineEntryView => {
  const { kind, object, group } = timelineFacets(e.type, e.payload ?? {});
  return {
    eventId: e.eventId,
    type: e.type,
    source: e.source,
    occurredAt: iso(e.occurredAt),
    actor: e.actor ? { id: e.actor.id, role: e.actor.role, ...(e.actor.name ? { name: e.actor.name } : {}) } : null,
    summary: e.summary,
    sourceName: SERVICE_NAMES_ZH[e.source] ?? '其他',
    kind,
    object: object?.key ?? null,
    objectName: object?.name ?? null,
    group,
  };
};

