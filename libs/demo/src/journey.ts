import { REQUIRED_ASSESSMENTS } from '@devzone/contracts';
import { addDays, chinaDate, type IsoDate } from '@devzone/shared-kernel';
import { until, type DemoApi, type Json } from './api';
import { demoUser, zoneUsers, type DemoEnterprise, type DemoUser } from './users';

/** How far a journey takes a project, in lifecycle order. */
export const JOURNEY_STEPS = ['signed', 'notified', 'committed', 'approved', 'land', 'started', 'completed', 'accepted', 'producing', 'full-production'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

/** How a project that needs land gets it (standard-land's paths; 0 亩 = no new land). */
export type PlanLandPath = 'standard-land' | 'grant' | 'own-land' | 'lease';

export interface ProjectPlan {
  enterprise: DemoEnterprise;
  name: string;
  /** 0 = existing premises: no new land. Otherwise the project secures land by `landPath`. */
  landAreaMu: number;
  /** Default 标准地. */
  landPath?: PlanLandPath;
  wantsFullAgency: boolean;
  totalInvestment: number;
  projectedAnnualOutput: number;
  /** Dates of the story (all on or before today): signing, then each milestone. */
  signedOn: IsoDate;
  plannedDates: { start: IsoDate; completion: IsoDate; production: IsoDate };
  /** When the reported milestones happened (defaults: the planned dates, but never after today). */
  actual?: Partial<{ start: IsoDate; completion: IsoDate; production: IsoDate; fullProduction: IsoDate }>;
  /** The full-production land check fails, and its re-check too: the penalty is assessed (a breach of the performance agreement). */
  breach?: boolean;
  /** Committable items the enterprise chose 一般程序 for in its 承诺书 (the rest by 承诺制). */
  ordinaryItems?: string[];
  /** An item whose clock stopped for an expert review (专家评审) before it was granted. */
  pausedItem?: string;
}


const FULL_PRODUCTION_MEASURES = (pass: boolean) => [
  { code: 'tax-per-mu', value: pass ? 26 : 14, unit: '万元/亩·年' },
  { code: 'output-per-mu', value: pass ? 620 : 380, unit: '万元/亩·年' },
  { code: 'value-added-per-energy', value: 1.8, unit: '万元/吨标煤' },
  { code: 'value-added-per-emission', value: 150, unit: '万元/吨' },
  { code: 'rd-intensity', value: 2.6, unit: '%' },
];
const COMPLETION_MEASURES = [
  { code: 'investment-intensity', value: 420, unit: '万元/亩' },
  { code: 'floor-area-ratio', value: 1.3, unit: 'ratio' },
  { code: 'building-coverage', value: 42, unit: '%' },
  { code: 'admin-land-share', value: 5, unit: '%' },
];

/**
 * One project driven through the services' HTTP APIs only, by the people who
 * would do each step: the zone's officer registers it, issues the notice and
 * pre-checks; the enterprise applies for its items, commits (承诺制 or 一般程序
 * item by item), requests acceptance and reports its milestones; each item's
 * department accepts (受理) and decides it, in the order its prerequisites
 * allow; the land officer (the same zone officer) prepares, reserves and
 * transfers a 标准地 plot and checks the indicators; the agent works its 全代办
 * tasks. Between steps it waits for the events to arrive (the services hear each
 * other only through Kafka).
 */
export class ProjectJourney {
  projectId = '';
  projectCode = '';
  caseId = '';
  plotCode = '';
  reached: JourneyStep | null = null;
  private readonly officer: DemoUser;
  private readonly lead: DemoUser;
  private readonly departmentOfficer: (department: string) => DemoUser;

  constructor(
    private readonly api: DemoApi,
    readonly plan: ProjectPlan,
    private readonly timeoutMs = 60_000,
  ) {
    const people = zoneUsers(plan.enterprise.zoneCode);
    this.officer = people.officer;
    this.lead = people.lead;
    this.departmentOfficer = people.departmentOfficer;
  }

  get enterprise(): DemoEnterprise {
    return this.plan.enterprise;
  }

  /** On 标准地: a plot, a performance agreement and its indicator checks. */
  get onStandardLand(): boolean {
    return this.plan.landAreaMu > 0 && (this.plan.landPath ?? 'standard-land') === 'standard-land';
  }

  /** Runs every step up to and including `target`. */
  async runTo(target: JourneyStep): Promise<this> {
    const last = JOURNEY_STEPS.indexOf(target);
    for (const step of JOURNEY_STEPS.slice(this.reached ? JOURNEY_STEPS.indexOf(this.reached) + 1 : 0, last + 1)) {
      await this.steps[step]();
      this.reached = step;
    }
    return this;
  }

  private readonly steps: Record<JourneyStep, () => Promise<void>> = {
    signed: () => this.register(),
    notified: () => this.notice(),
    committed: () => this.commit(),
    approved: () => this.approve(),
    land: () => this.secureLand(),
    started: () => this.start(),
    completed: () => this.complete(),
    accepted: () => this.acceptance(true),
    producing: () => this.produce(),
    'full-production': () => this.fullProduction(),
  };

  private actual(milestone: 'start' | 'completion' | 'production' | 'fullProduction'): IsoDate {
    const p = this.plan;
    const planned = milestone === 'fullProduction' ? addDays(p.plannedDates.production, 180) : p.plannedDates[milestone];
    const date = p.actual?.[milestone] ?? planned;
    const today = chinaDate();
    return date > today ? today : date;
  }

  async register(): Promise<void> {
    const p = this.plan;
    const project = await this.api.post(this.officer, 'project-intake', '/projects', {
      name: p.name,
      enterprise: { name: p.enterprise.enterpriseName, creditCode: p.enterprise.creditCode },
      zoneCode: p.enterprise.zoneCode,
      industryCode: p.enterprise.industryCode,
      totalInvestment: p.totalInvestment,
      fixedAssetInvestment: Math.round(p.totalInvestment * 0.8),
      projectedAnnualOutput: p.projectedAnnualOutput,
      landAreaMu: p.landAreaMu,
      usesStandardLand: this.onStandardLand,
      wantsFullAgency: p.wantsFullAgency,
      plannedDates: p.plannedDates,
      signedOn: p.signedOn,
      contacts: [{ name: p.enterprise.name, mobile: p.enterprise.mobile, ...(p.enterprise.email ? { email: p.enterprise.email } : {}) }],
    });
    this.projectId = project.id;
    this.projectCode = project.code;
    const c = await until('the approval case', () => this.api.get(this.officer, 'commitment-approval', `/projects/${this.projectId}/case`), this.timeoutMs);
    this.caseId = c.id;
  }

  /** The 告知书, and 备案 (A01), the precondition of every other item. */
  async notice(): Promise<void> {
    await this.api.post(this.officer, 'commitment-approval', `/cases/${this.caseId}/notice`, { opinion: '项目符合承诺制适用条件，同意发出告知书。' });
    await this.decideItem('A01');
  }

  /**
   * The 承诺书: every committable item by 承诺制, except those the plan takes by 一般程序;
   * the declaration confirmed. It commits the planned dates, but none before today
   * (the service refuses a date in the past; a story's planned dates may lie behind it).
   */
  async commit(): Promise<void> {
    const p = this.plan.plannedDates;
    const today = chinaDate();
    const notPast = (date: IsoDate) => (date < today ? today : date);
    const committedDates = { start: notPast(p.start), completion: notPast(p.completion), production: notPast(p.production) };
    const ordinary = this.plan.ordinaryItems ?? [];
    const c = await this.case();
    const committed = c.items.filter((i: Json) => i.regime === 'committable' && !ordinary.includes(i.itemCode)).map((i: Json) => i.itemCode);
    const body = ordinary.length ? { scope: 'partial', itemCodes: committed, committedDates, declarationConfirmed: true } : { scope: 'all', committedDates, declarationConfirmed: true };
    await this.api.post(this.enterprise, 'commitment-approval', `/cases/${this.caseId}/commitment`, body);
  }

  /** Pre-check, then every item still to decide, each once its prerequisites are granted: the case is granted (the zone has no 公示 period). */
  async approve(): Promise<void> {
    await this.api.post(this.officer, 'commitment-approval', `/cases/${this.caseId}/precheck`, { passed: true, note: '材料齐全，同意受理', opinion: '承诺内容完整，材料齐全，预审通过。' });
    const open = (c: Json) => c.items.filter((i: Json) => i.procedure !== 'commitment' && !['GRANTED', 'GRANTED_PENDING_DOCUMENTS'].includes(i.status));
    for (let c = await this.case(); open(c).length; c = await this.case()) {
      if (c.status === 'IN_PUBLICITY') throw new Error(`case ${this.caseId} is in publicity until ${c.publicityEndsOn}: publish zone rules with publicityDays 0 for the demo`);
      const ready = open(c).filter((i: Json) => !i.blockedBy.length);
      if (!ready.length) throw new Error(`case ${this.caseId}: ${open(c).map((i: Json) => i.itemCode).join(', ')} wait for items nobody decides`);
      for (const item of ready) await this.decideItem(item.itemCode);
    }
    await until('the case granted', async () => (await this.case()).status === 'GRANTED', this.timeoutMs);
  }

  /** One item: applied for by the enterprise, accepted (受理) and granted by its department (an expert review between, if the plan says so). */
  async decideItem(itemCode: string): Promise<void> {
    const item = (await this.case()).items.find((i: Json) => i.itemCode === itemCode);
    if (!item) return;
    const department = this.departmentOfficer(item.department);
    const path = `/cases/${this.caseId}/items/${itemCode}`;
    if (item.status === 'PENDING' || item.status === 'REVOKED') await this.api.post(this.enterprise, 'commitment-approval', `${path}/application`);
    if (item.status !== 'ACCEPTED') await this.api.post(department, 'commitment-approval', `${path}/acceptance`, { opinion: '申请材料齐全，予以受理。' });
    if (this.plan.pausedItem === itemCode) {
      await this.api.post(department, 'commitment-approval', `${path}/pause`, { reason: 'expert-review', note: '组织专家评审' });
      await this.api.post(department, 'commitment-approval', `${path}/resume`);
    }
    await this.api.post(department, 'commitment-approval', `${path}/decision`, { decision: 'grant', opinion: '经审查，符合法定条件，准予。' });
  }

  /** 补正: the item applied for and accepted, then sent back for corrections (its clock stops until the enterprise resubmits). */
  async askCorrections(itemCode: string, corrections: string): Promise<void> {
    const item = (await this.case()).items.find((i: Json) => i.itemCode === itemCode);
    const department = this.departmentOfficer(item.department);
    const path = `/cases/${this.caseId}/items/${itemCode}`;
    await this.api.post(this.enterprise, 'commitment-approval', `${path}/application`);
    await this.api.post(department, 'commitment-approval', `${path}/acceptance`, { opinion: '申请材料齐全，予以受理。' });
    await this.api.post(department, 'commitment-approval', `${path}/decision`, { decision: 'request-corrections', reason: corrections, opinion: '材料须补正后再审。' });
  }

  private case(): Promise<Json> {
    return this.api.get(this.officer, 'commitment-approval', `/cases/${this.caseId}`);
  }

  /**
   * The project's land by its path: 标准地 (a plot published, reserved and
   * transferred with the performance agreement), an ordinary 出让, its own land
   * (不动产权证), leased premises; with no new land standard-land records it by itself.
   */
  async secureLand(): Promise<void> {
    const p = this.plan;
    if (p.landAreaMu > 0) await until('standard-land to know the project', async () => (await this.api.call(this.officer, 'GET', 'standard-land', `/projects/${this.projectId}/land`)).status === 200, this.timeoutMs);
    const serial = this.projectCode.slice(-5);
    const location = `${p.enterprise.zoneCode === 'SX-ZGQ' ? '潇河产业园区' : '长治高新区漳泽园区'} ${this.projectCode.slice(-4)} 号地块`;
    const path = p.landAreaMu > 0 ? (p.landPath ?? 'standard-land') : null;
    if (path === 'standard-land') {
      this.plotCode = `${p.enterprise.zoneCode}-${this.projectCode.slice(-6)}`;
      await this.api.post(this.officer, 'standard-land', '/plots', {
        code: this.plotCode,
        zoneCode: p.enterprise.zoneCode,
        location,
        areaMu: p.landAreaMu,
        landUse: '工业用地',
        industries: [],
        assessments: REQUIRED_ASSESSMENTS,
        servicingLevel: '七通一平',
      });
      await this.api.post(this.officer, 'standard-land', `/plots/${this.plotCode}/publish`);
      await this.api.post(this.officer, 'standard-land', `/plots/${this.plotCode}/reserve`, { projectId: this.projectId });
      await this.api.post(this.officer, 'standard-land', `/plots/${this.plotCode}/transfer`, {
        projectId: this.projectId,
        contract: { number: `让〔${p.signedOn.slice(0, 4)}〕${serial}号`, signedOn: p.signedOn, landPriceFen: Math.round(p.landAreaMu * 300_000) * 100, agreedStart: p.plannedDates.start, agreedCompletion: p.plannedDates.completion, agreedProduction: p.plannedDates.production },
        agreement: { number: `LY-${this.projectCode.slice(-6)}`, counterparties: [`${p.enterprise.zoneCode} 管理委员会`, p.enterprise.enterpriseName], committedIndicators: [{ code: 'tax-per-mu', value: 25 }], reviewDate: addDays(p.plannedDates.production, 365) },
      });
    } else if (path === 'grant') {
      await this.api.post(this.officer, 'standard-land', `/projects/${this.projectId}/land-grant`, {
        number: `出让〔${p.signedOn.slice(0, 4)}〕${serial}号`,
        signedOn: p.signedOn,
        landPriceFen: Math.round(p.landAreaMu * 280_000) * 100,
        areaMu: p.landAreaMu,
        location,
        agreedStart: p.plannedDates.start,
        agreedCompletion: p.plannedDates.completion,
        agreedProduction: p.plannedDates.production,
      });
    } else if (path === 'own-land') {
      await this.api.post(this.officer, 'standard-land', `/projects/${this.projectId}/own-land`, {
        certificateNumber: `晋(${p.signedOn.slice(0, 4)})${p.enterprise.zoneCode === 'SX-ZGQ' ? '太原市' : '长治市'}不动产权第00${serial}号`,
        areaMu: p.landAreaMu,
        location,
      });
    } else if (path === 'lease') {
      const company = p.enterprise.zoneCode === 'SX-ZGQ' ? '山西转型综改示范区运营管理有限公司' : '长治高新区投资运营有限公司';
      await this.api.post(this.officer, 'standard-land', `/projects/${this.projectId}/lease`, {
        contractNumber: `租〔${p.signedOn.slice(0, 4)}〕${serial}号`,
        landlord: company,
        premises: `${location.replace('地块', '')}标准厂房 ${serial.slice(-2)} 栋`,
        floorAreaM2: Math.round(p.landAreaMu * 400),
        leaseFrom: p.signedOn,
        leaseTo: addDays(p.signedOn, 365 * 10),
        standardFactory: true,
      });
    }
    await this.waitStage('READY_TO_START');
    if (p.wantsFullAgency) await this.workAgencyTasks();
  }

  /** The agent moves each open task (utilities, say) through submission to delivery; approvals and land were completed by the other services' events. */
  async workAgencyTasks(): Promise<void> {
    const d = await until('the delegation with its plan', async () => {
      const found = await this.api.call(this.lead, 'GET', 'agency', `/projects/${this.projectId}/delegation`);
      return found.status === 200 && found.body.agentId && found.body.tasks.some((t: Json) => t.source === 'approval') ? found.body : undefined;
    }, this.timeoutMs);
    const agent = demoUser(d.agentId);
    for (const task of d.tasks.filter((t: Json) => t.status !== 'DELIVERED' && t.status !== 'REFUSED')) {
      for (const action of ['SUBMIT', 'ACCEPT', 'APPROVE', 'DELIVER']) {
        const moved = await this.api.call(agent, 'POST', 'agency', `/tasks/${task.id}/actions`, { action, note: action === 'DELIVER' ? '已送达企业' : undefined });
        // An approval task may be completed by the approving service meanwhile.
        if (moved.status === 409) break;
        if (moved.status !== 200) throw new Error(`task ${task.title}: ${action} → ${moved.status} ${JSON.stringify(moved.body)}`);
      }
    }
  }

  async start(): Promise<void> {
    await this.api.post(this.enterprise, 'project-intake', `/projects/${this.projectId}/start`, { date: this.actual('start'), permitNumber: `承诺制批复〔${this.actual('start').slice(0, 4)}〕${this.projectCode.slice(-4)}号` });
  }

  async complete(): Promise<void> {
    await this.api.post(this.enterprise, 'project-intake', `/projects/${this.projectId}/completion`, { date: this.actual('completion') });
    if (this.onStandardLand) await this.api.post(this.officer, 'standard-land', `/projects/${this.projectId}/land-checks`, { stage: 'completion', measured: COMPLETION_MEASURES });
  }

  /** 对标验收: requested by the enterprise once the approving service has heard of the completion, recorded by the officer. */
  async acceptance(passed: boolean): Promise<void> {
    await until('the acceptance request to be taken', async () => {
      const r = await this.api.call(this.enterprise, 'POST', 'commitment-approval', `/cases/${this.caseId}/acceptance-request`);
      if (r.status === 409 && r.body?.code !== 'not-completed') throw new Error(JSON.stringify(r.body));
      return r.status === 200 || r.status === 201;
    }, this.timeoutMs);
    await this.api.post(
      this.officer,
      'commitment-approval',
      `/cases/${this.caseId}/acceptance`,
      passed ? { passed, opinion: '对照承诺书与标准地指标验收，全部达标。' } : { passed, reasons: ['容积率低于承诺值'], opinion: '容积率未达承诺值，责令限期整改。' },
    );
  }

  async produce(): Promise<void> {
    await until('production to be allowed (acceptance heard)', async () => {
      const r = await this.api.call(this.enterprise, 'POST', 'project-intake', `/projects/${this.projectId}/production`, { date: this.actual('production') });
      if (r.status !== 200 && r.status !== 409) throw new Error(JSON.stringify(r.body));
      return r.status === 200;
    }, this.timeoutMs);
  }

  /**
   * 达产: on 标准地 the 达产 review first (a breach: failed, re-checked after the
   * rectification and failed again, so the penalty is decided), then the report,
   * which project-intake takes once the review passed or was decided.
   */
  async fullProduction(): Promise<void> {
    if (this.onStandardLand) {
      const check = () => this.api.post(this.officer, 'standard-land', `/projects/${this.projectId}/land-checks`, { stage: 'full-production', measured: FULL_PRODUCTION_MEASURES(!this.plan.breach) });
      await check();
      if (this.plan.breach) await check(); // the re-check
      await until('project-intake to hear the 达产 review', async () => (await this.api.get(this.officer, 'project-intake', `/projects/${this.projectId}`)).conditions.landReview !== 'pending', this.timeoutMs);
    }
    const output = Math.round(this.plan.projectedAnnualOutput * (this.plan.breach ? 0.6 : 1.05));
    await this.api.post(this.enterprise, 'project-intake', `/projects/${this.projectId}/full-production`, { date: this.actual('fullProduction'), actualAnnualOutput: output });
  }

  async waitStage(stage: string): Promise<Json> {
    return until(`project ${this.projectCode} in ${stage}`, async () => {
      const p = await this.api.get(this.officer, 'project-intake', `/projects/${this.projectId}`);
      return p.stage === stage ? p : undefined;
    }, this.timeoutMs);
  }
}
