import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import { chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import type { ConstructionProgressView, IdleExemptionView } from '../api/construction.views';
import type { ExemptionCause } from '../domain/idle-land';
import { ConstructionProgressOrm, IdleExemptionOrm } from '../infrastructure/orm-entities';
import { exemptionView, progressView } from './answers';
import { contractFor, projectFor } from './project-access';

export interface ProgressInput {
  reportedOn?: IsoDate;
  builtFloorAreaM2: number;
  investmentMade: number;
}

export interface ExemptionInput {
  cause: ExemptionCause;
  reason: string;
  from: IsoDate;
  to?: IsoDate;
}

/**
 * What the idle-land rules read besides the contract: construction progress (case 2:
 * started but stalled) and government-caused delays (§8), both per project with a contract.
 */
@Injectable()
export class ConstructionService {
  constructor(private readonly dataSource: DataSource) {}

  /** 施工进度: cumulative floor area built (m²) and investment made (万元) on a date. */
  progress(projectId: string, input: ProgressInput, actor: Actor, principal: Principal): Promise<ConstructionProgressView> {
    return this.dataSource.transaction(async (manager) => {
      await projectFor(manager, projectId, principal);
      await contractFor(manager, projectId);
      const today = chinaDate();
      const reportedOn = input.reportedOn ?? today;
      if (reportedOn > today) throw DomainError.invalid('reportedOn', { zh: `填报日期 ${reportedOn} 不能晚于今天（${today}）`, en: `reportedOn ${reportedOn} is after today (${today})` });
      const row = manager.create(ConstructionProgressOrm, {
        id: randomUUID(),
        projectId,
        reportedOn,
        builtFloorAreaM2: input.builtFloorAreaM2,
        investmentMade: input.investmentMade,
        reportedBy: actor,
        recordedAt: new Date(),
      });
      await manager.insert(ConstructionProgressOrm, row);
      return progressView(row);
    });
  }

  /** 政府原因 (闲置土地处置办法 §8): while it lasts the idle clock stops; its days move the idle deadlines. */
  exemption(projectId: string, input: ExemptionInput, actor: Actor, principal: Principal): Promise<IdleExemptionView> {
    return this.dataSource.transaction(async (manager) => {
      await projectFor(manager, projectId, principal);
      await contractFor(manager, projectId);
      const reason = input.reason.trim();
      if (!reason) throw DomainError.invalid('reason', { zh: '须说明政府原因', en: 'a reason is required' });
      const row = manager.create(IdleExemptionOrm, { id: randomUUID(), projectId, cause: input.cause, reason, from: input.from, to: input.to ?? null, recordedBy: actor, recordedAt: new Date() });
      await manager.insert(IdleExemptionOrm, row);
      return exemptionView(row);
    });
  }
}
