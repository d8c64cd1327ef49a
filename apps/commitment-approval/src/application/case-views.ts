import type { Principal } from '@devzone/auth';
import { chinaCalendar, type IsoDate } from '@devzone/shared-kernel';
import type { CaseItemView, CaseRecordEntryView, CaseSummaryView, CaseView, CommitmentView } from '../api/case.views';
import { caseActions, itemActions, type Caller } from '../domain/actions';
import { CASE_STATUS_ZH } from '../domain/case.state-machine';
import { commitmentDeclaration } from '../domain/commitment-declaration';
import { rag } from '../domain/deadlines';
import { acceptanceDueOn, clockOf, PAUSE_REASON_ZH, pausedWorkingDays, PROCEDURE_ZH } from '../domain/item-clock';
import { ITEM_STATUS_ZH } from '../domain/item.state-machine';
import { RECORDED_ACT_ZH, ROLE_ZH } from '../domain/opinions';
import { unmetPrerequisites } from '../domain/prerequisites';
import type { CaseItemOrm, CaseOpinionOrm, CaseOrm, ZoneRulesOrm } from '../infrastructure/orm-entities';

/** The item as people read it: procedure, prerequisites still holding it, its clock and pauses, red/amber/green while it runs, and what the caller may do with it. */
export function itemView(i: CaseItemOrm, c: Pick<CaseOrm, 'status'>, caseItems: CaseItemOrm[], today: IsoDate, amberWorkingDays: number, caller: Caller): CaseItemView {
  const clock = clockOf(i.status);
  const blockedBy = i.status === 'PENDING' || i.status === 'APPLIED' ? unmetPrerequisites(i, caseItems) : [];
  // An application waiting for its prerequisites has no acceptance deadline yet (nor is it deemed accepted: deadline-checker).
  const acceptBy = i.status === 'APPLIED' && i.appliedOn && !blockedBy.length ? acceptanceDueOn(chinaCalendar, i.appliedOn) : null;
  const dueOn = clock === 'running' ? i.promisedDueOn : clock === 'awaiting-acceptance' ? acceptBy : null;
  const warning = dueOn ? rag(chinaCalendar, dueOn, today, amberWorkingDays) : null;
  return {
    itemCode: i.itemCode,
    name: i.name,
    department: i.department,
    regime: i.regime,
    procedure: i.procedure,
    procedureName: i.procedure ? PROCEDURE_ZH[i.procedure] : '待选择（承诺制或一般程序）',
    status: i.status,
    statusName: ITEM_STATUS_ZH[i.status],
    prerequisites: i.prerequisites,
    blockedBy,
    clock,
    legalLimitDays: i.legalLimitDays,
    promisedLimitDays: i.promisedLimitDays,
    appliedOn: i.appliedOn,
    acceptanceDueOn: acceptBy,
    acceptedOn: i.acceptedOn,
    deemedAccepted: i.deemedAccepted,
    legalDueOn: i.legalDueOn,
    promisedDueOn: i.promisedDueOn,
    dueDateCoverage: i.promisedDueOn ? chinaCalendar.coverage(i.promisedDueOn) : null,
    pauses: i.pauses.map((p) => ({ reason: p.reason, reasonName: PAUSE_REASON_ZH[p.reason], from: p.from, to: p.to, ...(p.note ? { note: p.note } : {}) })),
    pausedWorkingDays: pausedWorkingDays(chinaCalendar, i.pauses, today),
    ...(warning ? { rag: warning.rag, workingDaysLeft: warning.workingDaysLeft } : {}),
    documents: i.documents.map((d) => ({ code: d.code, name: d.name, tolerable: d.tolerable })),
    decidedOn: i.decidedOn,
    note: i.note,
    missingDocuments: i.missingDocuments,
    supplyBy: i.supplyBy,
    suppliedOn: i.suppliedOn,
    revokedOn: i.revokedOn,
    revocationReason: i.revocationReason,
    actions: itemActions(i, caseItems, c.status, caller),
  };
}

function commitmentView(c: CaseOrm): CommitmentView | null {
  if (!c.commitment) return null;
  const { scope, itemCodes, committedDates, submittedOn, actorId } = c.commitment;
  return {
    scope,
    itemCodes,
    committedDates: { start: committedDates.start, completion: committedDates.completion, production: committedDates.production },
    submittedOn,
    actorId,
    actorName: c.commitment.actorName ?? null,
    declaration: c.commitment.declaration ?? null,
    declarationConfirmedAt: c.commitment.declarationConfirmedAt ?? null,
  };
}

/** The case's record, oldest first: each act with its opinion, the item by name, the actor by name and role. */
export function recordView(opinions: CaseOpinionOrm[], items: Pick<CaseItemOrm, 'itemCode' | 'name'>[]): CaseRecordEntryView[] {
  return [...opinions]
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.id.localeCompare(b.id))
    .map((o) => ({
      act: o.act,
      actName: RECORDED_ACT_ZH[o.act] ?? o.act,
      itemCode: o.itemCode,
      itemName: o.itemCode ? (items.find((i) => i.itemCode === o.itemCode)?.name ?? null) : null,
      opinion: o.opinion,
      actorId: o.actorId,
      actorName: o.actorName,
      actorRoleName: ROLE_ZH[o.actorRole as keyof typeof ROLE_ZH] ?? o.actorRole,
      on: o.recordedOn,
      at: o.recordedAt.toISOString(),
    }));
}

/** The case as listed: every field but its items, and the case commands the caller may take now. */
export function caseSummaryView(c: CaseOrm, today: IsoDate, caller: Pick<Principal, 'role' | 'department'>): CaseSummaryView {
  return {
    id: c.id,
    projectId: c.projectId,
    projectCode: c.projectCode,
    projectName: c.projectName,
    creditCode: c.creditCode,
    enterpriseName: c.enterpriseName,
    zoneCode: c.zoneCode,
    catalogue: c.catalogue,
    catalogueVersion: c.catalogueVersion,
    status: c.status,
    statusName: CASE_STATUS_ZH[c.status],
    projectStage: c.projectStage,
    openedOn: c.openedOn,
    noticeNumber: c.noticeNumber,
    noticeIssuedOn: c.noticeIssuedOn,
    commitment: commitmentView(c),
    precheckNote: c.precheckNote,
    publicityStartsOn: c.publicityStartsOn,
    publicityEndsOn: c.publicityEndsOn,
    decisionNumber: c.decisionNumber,
    grantedOn: c.grantedOn,
    acceptanceRequestedOn: c.acceptanceRequestedOn,
    acceptedOn: c.acceptedOn,
    acceptanceReasons: c.acceptanceReasons,
    rectifyBy: c.rectifyBy,
    rulesZone: c.rulesZone,
    rulesVersion: c.rulesVersion,
    rectificationRound: c.rectificationRound,
    rectificationLapseRecorded: c.rectificationLapseRecorded,
    missedMilestones: c.missedMilestones,
    version: c.version,
    actions: caseActions(c, caller, today),
  };
}

/** A case with its rules version, its items and its record. */
export function caseView(
  c: CaseOrm,
  rules: Pick<ZoneRulesOrm, 'zoneCode' | 'version' | 'effectiveFrom' | 'amberWorkingDays'>,
  items: CaseItemOrm[],
  opinions: CaseOpinionOrm[],
  today: IsoDate,
  caller: Caller,
): CaseView {
  return {
    ...caseSummaryView(c, today, caller),
    rules: { zone: rules.zoneCode, version: rules.version, effectiveFrom: rules.effectiveFrom },
    items: items.map((i) => itemView(i, c, items, today, rules.amberWorkingDays, caller)),
    record: recordView(opinions, items),
    commitmentDeclaration: commitmentDeclaration(c),
  };
}
