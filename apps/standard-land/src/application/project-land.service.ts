import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seesProject, type Principal } from '@devzone/auth';
import { chinaDate } from '@devzone/shared-kernel';
import type { ProjectLandView } from '../api/land.views';
import { checkableStages, landActions, type LandForActions } from '../domain/actions';
import { assessIdleLand } from '../domain/idle-land';
import { ConstructionProgressOrm, ContractOrm, IdleExemptionOrm, InterimReportOrm, LandCheckOrm, LandPathOrm, PlotOrm } from '../infrastructure/orm-entities';
import { checkView, contractView, exemptionView, idleLandView, interimReportView, landProjectView, pathView, plotView, progressView } from './answers';
import { idleInputOf } from './idle-land.checker';
import { projectForPlot } from './plot-queries';
import { projectFor } from './project-access';

/** GET /projects/:projectId/land: the project's land as a whole, and what the caller may do with it now. */
@Injectable()
export class ProjectLandService {
  constructor(private readonly dataSource: DataSource) {}

  /** Its path, plot, contract, checks, interim reports, progress, exemptions and idle land; the stages open to a check; the actions. */
  async landOf(projectId: string, principal: Principal): Promise<ProjectLandView> {
    const manager = this.dataSource.manager;
    const project = await projectFor(manager, projectId, principal);
    const path = await manager.findOneBy(LandPathOrm, { projectId });
    const contract = await manager.findOneBy(ContractOrm, { projectId });
    const plot = contract ? (contract.plotId ? await manager.findOneBy(PlotOrm, { id: contract.plotId }) : null) : await manager.findOneBy(PlotOrm, { reservedFor: projectId });
    const checks = contract ? await manager.find(LandCheckOrm, { where: { contractId: contract.id }, order: { checkedOn: 'ASC', stage: 'ASC' } }) : []; // completion before full-production on the same day
    const interim = contract ? await manager.find(InterimReportOrm, { where: { contractId: contract.id }, order: { reportedOn: 'ASC' } }) : [];
    const progress = await manager.find(ConstructionProgressOrm, { where: { projectId }, order: { reportedOn: 'ASC', recordedAt: 'ASC' } });
    const exemptions = await manager.find(IdleExemptionOrm, { where: { projectId }, order: { from: 'ASC' } });
    const today = chinaDate();
    const idleLand = contract ? assessIdleLand(await idleInputOf(manager, contract, plot), today) : null;
    const land: LandForActions = {
      project,
      path: path?.path ?? null,
      contract: contract ? { hasAgreement: !!contract.agreement } : null, // an imported 标准地 contract has its agreement but no plot
      checks,
    };
    return {
      project: landProjectView(project),
      path: path ? pathView(path) : null,
      plot: plot ? plotView(plot, principal, await projectForPlot(manager, project)) : null,
      contract: contract ? contractView(contract) : null,
      checks: checks.map(checkView),
      interimReports: interim.map(interimReportView),
      constructionProgress: progress.map(progressView),
      idleExemptions: exemptions.map(exemptionView),
      idleLand: idleLand && contract ? idleLandView(idleLand, contract) : null,
      checkableStages: checkableStages(land, today),
      actions: landActions(land, { role: principal.role, reaches: seesProject(principal, project) }, today),
    };
  }
}
