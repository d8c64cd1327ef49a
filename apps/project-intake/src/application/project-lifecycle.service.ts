import { Injectable, Logger } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectSigned, ProjectStageChanged, type Actor, type LifecycleTrigger } from '@devzone/contracts';
import { coversZone, seesProject, type Principal } from '@devzone/auth';
import { Outbox, type InboxContext } from '@devzone/messaging';
import { chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { decide, initialState, type LifecycleState } from '../domain/lifecycle.state-machine';
import { PROJECT_COMMANDS, type ProjectAction } from '../domain/permissions';
import { buildProjectCode } from '../domain/project-code';
import { ProjectOrm, ZoneOrm } from '../infrastructure/orm-entities';
import { AccountsService } from '../accounts/accounts.service';
import type { Account } from '../accounts/identity-provider';
import type { RegisterProjectRequest } from '../api/requests.dto';
import type { ProjectView } from '../api/projects.views';
import { lifecycleStateOf, projectView, projectWhere } from './project.view';
import { recordTimeline } from './timeline';

export type FactTrigger = Extract<
  LifecycleTrigger,
  'APPROVAL_STARTED' | 'APPROVALS_GRANTED' | 'APPROVALS_REVOKED' | 'LAND_SECURED' | 'ACCEPTANCE_PASSED' | 'ACCEPTANCE_FAILED' | 'LAND_REVIEW_PASSED' | 'LAND_REVIEW_DECIDED'
>;

export interface ReportInput {
  date?: IsoDate;
  permitNumber?: string;
  actualAnnualOutput?: number;
  reason?: string;
}

/** The milestone a report sets, and the one before it that its date may not precede. */
const REPORTS: Record<'REPORT_START' | 'REPORT_COMPLETION' | 'REPORT_PRODUCTION' | 'REPORT_FULL_PRODUCTION', { sets: keyof ProjectOrm; after: keyof ProjectOrm; zh: string }> = {
  REPORT_START: { sets: 'actualStart', after: 'signedOn', zh: '开工日期不能早于签约日期' },
  REPORT_COMPLETION: { sets: 'actualCompletion', after: 'actualStart', zh: '竣工日期不能早于开工日期' },
  REPORT_PRODUCTION: { sets: 'actualProduction', after: 'actualCompletion', zh: '投产日期不能早于竣工日期' },
  REPORT_FULL_PRODUCTION: { sets: 'actualFullProduction', after: 'actualProduction', zh: '达产日期不能早于投产日期' },
};

/**
 * Commands on a project and the facts other services report about it. Each
 * runs in one transaction with the project row locked: the change, its event
 * in the outbox and its timeline line commit together or not at all.
 */
@Injectable()
export class ProjectLifecycleService {
  private readonly logger = new Logger(ProjectLifecycleService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly accounts: AccountsService,
  ) {}

  /** 登记签约项目: issues the project code and publishes project.signed. */
  async register(request: RegisterProjectRequest, actor: Actor, principal: Principal): Promise<ProjectView> {
    const today = chinaDate();
    if (!coversZone(principal, request.zoneCode)) {
      throw DomainError.forbidden({ zh: `不能在本人负责之外的开发区（${request.zoneCode}）登记项目`, en: `you do not work in zone ${request.zoneCode}` }, 'zone');
    }
    if (request.signedOn > today) throw DomainError.invalid('signedOn', { zh: '签约日期不能晚于今天', en: 'signedOn must not be in the future' });
    if (request.usesStandardLand && request.landAreaMu === 0) {
      throw DomainError.invalid('usesStandardLand', { zh: '采用标准地的项目须有用地需求（landAreaMu > 0）', en: 'a project on standard land needs land (landAreaMu > 0)' });
    }
    // The contacts' accounts first (the identity provider is outside the transaction; finding them again is harmless).
    const accounts = await this.accounts.contactAccounts(request.contacts, request.enterprise.creditCode);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) => this.insertProject(manager, request, actor, principal, today, accounts));
      } catch (error) {
        // Two registrations drew the same random serial: draw again.
        const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
        if (constraint === 'projects_code_key' && attempt < 5) continue;
        throw error;
      }
    }
  }

  private async insertProject(manager: EntityManager, r: RegisterProjectRequest, actor: Actor, principal: Principal, today: IsoDate, accounts: Map<string, Account>): Promise<ProjectView> {
    const zone = await manager.findOneBy(ZoneOrm, { code: r.zoneCode });
    if (!zone) throw DomainError.invalid('zoneCode', { zh: `未知的开发区 ${r.zoneCode}`, en: `unknown zone ${r.zoneCode}` }, 'unknown-zone');
    const projectType = r.projectType ?? 'capital-construction';
    let code: string;
    do {
      code = buildProjectCode({ issuedOn: today, regionCode: zone.regionCode, departmentCode: zone.departmentCode, projectType, serial: randomInt(100_000) });
    } while (await manager.existsBy(ProjectOrm, { code }));

    const project = manager.create(ProjectOrm, {
      id: randomUUID(),
      code,
      name: r.name,
      enterpriseName: r.enterprise.name,
      creditCode: r.enterprise.creditCode,
      zoneCode: zone.code,
      industryCode: r.industryCode,
      projectType,
      totalInvestment: r.totalInvestment,
      fixedAssetInvestment: r.fixedAssetInvestment,
      projectedAnnualOutput: r.projectedAnnualOutput,
      actualAnnualOutput: null,
      landAreaMu: r.landAreaMu,
      usesStandardLand: r.usesStandardLand,
      wantsFullAgency: r.wantsFullAgency,
      contacts: r.contacts.map((c) => {
        const userId = accounts.get(c.mobile)?.userId;
        return { name: c.name, mobile: c.mobile, ...(c.email ? { email: c.email } : {}), ...(userId ? { userId } : {}) };
      }),
      signedOn: r.signedOn,
      threeBatchesRound: r.threeBatchesRound ?? null,
      stage: 'SIGNED',
      stageBeforeSuspension: null,
      approvalsGranted: false,
      landSecured: false,
      acceptance: 'pending',
      landReview: initialState(r.landAreaMu > 0, r.usesStandardLand).landReview,
      landPath: null,
      landReference: null,
      permitNumber: null,
      statusReason: null,
      plannedStart: r.plannedDates.start,
      plannedCompletion: r.plannedDates.completion,
      plannedProduction: r.plannedDates.production,
    });
    await manager.insert(ProjectOrm, project);
    const event = await this.outbox.publish(manager, ProjectSigned, {
      projectId: project.id,
      actor,
      payload: {
        projectCode: code,
        name: project.name,
        enterprise: { name: project.enterpriseName, creditCode: project.creditCode },
        zoneCode: project.zoneCode,
        industryCode: project.industryCode,
        projectType,
        totalInvestment: project.totalInvestment,
        fixedAssetInvestment: project.fixedAssetInvestment,
        projectedAnnualOutput: project.projectedAnnualOutput,
        landAreaMu: project.landAreaMu,
        usesStandardLand: project.usesStandardLand,
        wantsFullAgency: project.wantsFullAgency,
        plannedDates: { start: project.plannedStart, completion: project.plannedCompletion, production: project.plannedProduction },
        signedOn: project.signedOn,
        ...(project.threeBatchesRound ? { threeBatchesRound: project.threeBatchesRound } : {}),
        contacts: project.contacts,
      },
    });
    await recordTimeline(manager, event);
    await this.accounts.inviteContacts(manager, project, project.contacts, accounts, actor);
    const saved = await manager.findOneByOrFail(ProjectOrm, { id: project.id });
    return projectView(saved, zone, today, principal);
  }

  /**
   * A person's report or decision (开工、竣工、投产、达产、暂停、恢复、终止), named by its
   * route (domain/permissions.ts: its trigger and roles). Refused → 409, nothing changes.
   */
  async report(idOrCode: string, action: ProjectAction, input: ReportInput, actor: Actor, principal: Principal): Promise<ProjectView> {
    const trigger = PROJECT_COMMANDS[action].trigger;
    return this.dataSource.transaction(async (manager) => {
      const project = await this.lock(manager, idOrCode);
      if (!project || !seesProject(principal, project)) throw DomainError.notFound({ zh: `项目不存在：${idOrCode}`, en: `no project ${idOrCode}` }, 'project-not-found');
      const decision = decide(lifecycleStateOf(project), trigger);
      if (!decision.allowed) throw DomainError.refused(decision.reason, 'stage-refused');

      const today = chinaDate();
      if (trigger in REPORTS) {
        const rule = REPORTS[trigger as keyof typeof REPORTS];
        const date = input.date;
        if (!date) throw DomainError.invalid('date', { zh: '须提供日期', en: 'date is required' });
        if (date > today) throw DomainError.invalid('date', { zh: '报告日期不能晚于今天', en: 'the date must not be in the future' });
        const earliest = project[rule.after] as string | null;
        if (earliest && date < earliest) throw DomainError.invalid('date', { zh: `${rule.zh}（${earliest}）`, en: `the date must not be before ${String(rule.after)} ${earliest}` });
        Object.assign(project, { [rule.sets]: date });
      }
      if (trigger === 'REPORT_START') project.permitNumber = input.permitNumber ?? null;
      if (trigger === 'REPORT_FULL_PRODUCTION') project.actualAnnualOutput = input.actualAnnualOutput ?? null;
      if (input.reason) project.statusReason = input.reason;

      const from = project.stage;
      this.applyState(project, decision.state);
      await manager.save(project);
      const event = await this.outbox.publish(manager, ProjectStageChanged, {
        projectId: project.id,
        actor,
        payload: {
          projectCode: project.code,
          from,
          to: project.stage,
          trigger,
          ...(input.date ? { milestoneDate: input.date } : {}),
          ...(input.permitNumber ? { permitNumber: input.permitNumber } : {}),
          ...(input.actualAnnualOutput !== undefined ? { actualAnnualOutput: input.actualAnnualOutput } : {}),
          ...(input.reason ? { reason: input.reason } : {}),
        },
      });
      await recordTimeline(manager, event);
      const zone = await manager.findOneBy(ZoneOrm, { code: project.zoneCode });
      return projectView(project, zone ?? undefined, today, principal);
    });
  }

  /**
   * A fact another service reported (approval granted, land secured, acceptance
   * …), applied in the inbox's transaction. A fact the lifecycle cannot take
   * (e.g. about a terminated project) changes nothing; the timeline still shows it.
   */
  async applyFact(ctx: InboxContext, trigger: FactTrigger, data: Partial<ProjectOrm> = {}): Promise<void> {
    const { manager, event } = ctx;
    const project = await this.lock(manager, event.projectId);
    // Projects are registered here before any other service hears of them; an
    // event about an unknown project is an anomaly: retried, then dead-lettered.
    if (!project) throw new Error(`${event.type} ${event.id} is about project ${event.projectId}, which is not registered here`);
    const decision = decide(lifecycleStateOf(project), trigger);
    if (!decision.allowed) {
      this.logger.warn(`${event.type} ${event.id} leaves project ${project.code} as it is: ${decision.reason.en}`);
      return;
    }
    const from = project.stage;
    this.applyState(project, decision.state);
    Object.assign(project, data);
    await manager.save(project);
    if (decision.stageChanged) {
      const changed = await ctx.publish(ProjectStageChanged, { projectId: project.id, payload: { projectCode: project.code, from, to: project.stage, trigger } });
      await recordTimeline(manager, changed);
    }
  }

  private applyState(project: ProjectOrm, state: LifecycleState): void {
    project.stage = state.stage;
    project.stageBeforeSuspension = state.stageBeforeSuspension;
    project.approvalsGranted = state.approvalsGranted;
    project.landSecured = state.landSecured;
    project.acceptance = state.acceptance;
    project.landReview = state.landReview;
  }

  private lock(manager: EntityManager, idOrCode: string): Promise<ProjectOrm | null> {
    return manager.findOne(ProjectOrm, { where: projectWhere(idOrCode), lock: { mode: 'pessimistic_write' } });
  }
}
