import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, ProjectImportedV1 } from '@devzone/contracts';
import type { UnitOfWork } from '@devzone/messaging';
import { chinaDate } from '@devzone/shared-kernel';
import { DEFAULT_BREACH_TERMS } from '../domain/consequences';
import { assessIdleLand } from '../domain/idle-land';
import { importedLandPlan, type ImportedLandPlan } from '../domain/imported-land';
import { ContractOrm, LandCheckOrm, LandPathOrm, LandProjectOrm, type ImportedFrom } from '../infrastructure/orm-entities';
import { recordNoNewLand } from './land-paths.service';
import { LandService } from './land.service';
import { templateOf } from './plot-queries';

type Contracted = Extract<ImportedLandPlan, { kind: 'grant' | 'standard-land' }>;

/**
 * 导入 (project.imported, issue 18): the project record project.signed creates, at the
 * ledger's stage, and the land state for that stage (domain/imported-land.ts) — silently:
 * no land.* event is published for what happened before the import. Once per project.
 */
@Injectable()
export class ProjectImportService {
  private readonly log = new Logger(ProjectImportService.name);

  constructor(private readonly land: LandService) {}

  async projectImported(unit: UnitOfWork, event: EventEnvelope<ProjectImportedV1>): Promise<void> {
    const p = event.payload;
    const today = chinaDate();
    const plan = importedLandPlan(p, today);
    if (!(await this.land.projectImported(unit, event, plan.kind === 'intended' ? plan.path : null))) return; // known already: nothing changes
    const manager = unit.manager;
    const imported: ImportedFrom = { batchId: p.source.batchId, fileName: p.source.fileName, row: p.source.row };
    const recordedBy = event.actor ?? null;
    switch (plan.kind) {
      case 'intended':
        return;
      case 'none':
        await recordNoNewLand(manager, event.projectId, plan.securedOn, imported);
        return;
      case 'own-land':
      case 'lease':
        await manager.insert(LandPathOrm, { projectId: event.projectId, path: plan.kind, securedOn: plan.securedOn, reference: plan.reference, areaMu: plan.areaMu, location: null, lease: null, recordedBy, imported });
        return;
      case 'grant':
      case 'standard-land': {
        await manager.insert(LandPathOrm, { projectId: event.projectId, path: plan.kind, securedOn: plan.securedOn, reference: plan.reference, areaMu: plan.areaMu, location: null, lease: null, recordedBy, imported });
        const project = await manager.findOneByOrFail(LandProjectOrm, { projectId: event.projectId });
        await this.contract(manager, project, plan, imported, today);
        return;
      }
    }
  }

  /**
   * The 出让 contract of an imported grant or 标准地 path, with no plot, no location and a
   * land price of 0 (the ledger has none); 标准地 with its performance agreement on the zone's
   * indicator template, and the checks its stage has passed. A contract needs an area, and
   * its number is unique: without an area, or with a number another project's contract has,
   * the path stands alone (logged).
   */
  private async contract(manager: EntityManager, project: LandProjectOrm, plan: Contracted, imported: ImportedFrom, today: string): Promise<void> {
    if (plan.areaMu === null || (await manager.existsBy(ContractOrm, { contractNumber: plan.reference }))) {
      this.log.warn(`imported project ${project.projectId}: ${plan.areaMu === null ? 'no land area' : `contract ${plan.reference} is another project's`}; the land path is recorded without its contract`);
      return;
    }
    const agreement =
      plan.kind === 'standard-land'
        ? {
            number: plan.reference,
            counterparties: [`${project.zoneCode} 管理委员会`, project.enterpriseName],
            indicators: (await templateOf(manager, project.zoneCode)).indicators,
            reviewDate: plan.reviewDate,
            breachTerms: DEFAULT_BREACH_TERMS,
            reportingPeriod: 'quarter' as const,
          }
        : null;
    // The idle-land level the land had reached before the import is history too: raised already, so only a later level is announced.
    const idle = assessIdleLand(
      { agreedStart: plan.agreed.start, actualStart: project.actualStart, reports: [], plannedFloorAreaM2: null, totalInvestment: project.totalInvestment, exemptions: [], terms: DEFAULT_BREACH_TERMS.idle, landPriceFen: 0 },
      today,
    );
    const contract = manager.create(ContractOrm, {
      id: randomUUID(),
      kind: plan.kind,
      plotId: null,
      projectId: project.projectId,
      contractNumber: plan.reference,
      signedOn: plan.securedOn,
      landPriceFen: 0,
      agreedStart: plan.agreed.start,
      agreedCompletion: plan.agreed.completion,
      agreedProduction: plan.agreed.production,
      areaMu: plan.areaMu,
      location: null,
      agreement,
      idleLevelRaised: idle.case === 'not-started' && idle.level !== 'none' ? idle.level : null,
      stalledLevelRaised: null,
      imported,
    });
    await manager.insert(ContractOrm, contract);
    if (plan.kind !== 'standard-land') return;
    for (const check of plan.passedChecks) {
      await manager.insert(LandCheckOrm, {
        id: randomUUID(),
        contractId: contract.id,
        stage: check.stage,
        checkedOn: check.passedOn,
        measured: [],
        results: [],
        passed: true,
        penaltyFen: 0,
        rectifyBy: null,
        consequence: { passed: true, penaltyFen: 0, lines: [], capped: false, rectifyBy: null },
        state: 'passed',
        recheck: null,
        penaltyReason: null,
        assessedOn: null,
        imported,
      });
    }
  }
}
