import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventEnvelope, ProjectImportedV1 } from '@devzone/contracts';
import type { UnitOfWork } from '@devzone/messaging';
import { chinaDate } from '@devzone/shared-kernel';
import { CaseItemOrm, CaseOpinionOrm, CaseOrm } from '../infrastructure/orm-entities';
import { CaseService } from './case.service';

/** The stages at which a ledger says the approvals were done (审批已办结). */
const GRANTED_STAGES = ['READY_TO_START', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'];
const ACCEPTED_STAGES = ['COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'];

/**
 * project.imported (issue 18): a project a zone brings in from its 项目台账.
 * Still to be approved (签约, 审批中): its case opens as for any signed project,
 * and the work goes on from there. Approved (具备开工条件 and later): a closed
 * case — every item granted, the 批复文号 the ledger gives, 对标验收 passed once
 * the project was completed — built silently (no event: history is not news, and
 * nothing downstream should act on it), with a line in the case's record saying
 * where it came from.
 */
@Injectable()
export class CaseImportService {
  constructor(private readonly cases: CaseService) {}

  async imported(unit: UnitOfWork, event: EventEnvelope<ProjectImportedV1>): Promise<void> {
    const p = event.payload;
    if (!GRANTED_STAGES.includes(p.stage) || p.approval.state !== 'granted') return this.cases.open(unit, event);
    const { manager } = unit;
    if (await manager.existsBy(CaseOrm, { projectId: event.projectId })) return;
    const today = chinaDate();
    const { c, caseItems } = await this.cases.newCase(manager, event.projectId, p, today);
    const accepted = ACCEPTED_STAGES.includes(p.stage);
    Object.assign(c, {
      status: accepted ? 'ACCEPTED' : 'GRANTED',
      projectStage: p.stage,
      decisionNumber: p.approval.document ?? null,
      // The ledger does not say when the 批复 was issued: unknown rather than invented.
      grantedOn: null,
      acceptedOn: accepted ? (p.actualDates.completion ?? null) : null,
    });
    for (const item of caseItems) Object.assign(item, { status: 'GRANTED', procedure: item.regime === 'approval' ? 'approval' : 'ordinary' } satisfies Partial<CaseItemOrm>);
    await manager.insert(CaseOrm, c);
    if (caseItems.length) await manager.insert(CaseItemOrm, caseItems);
    const actor = event.actor as { id: string; role: string; name?: string } | undefined;
    await manager.insert(CaseOpinionOrm, {
      id: randomUUID(),
      caseId: c.id,
      itemCode: null,
      act: 'imported',
      opinion: `据项目台账导入（${p.source.fileName} 第${p.source.row}行）：审批已办结${p.approval.document ? `，批复（施工许可）文号 ${p.approval.document}` : ''}${accepted ? '；项目已竣工' : ''}。`,
      actorId: actor?.id ?? 'system',
      actorName: actor?.name ?? '项目台账导入',
      actorRole: actor?.role ?? 'admin',
      recordedOn: today,
      recordedAt: new Date(),
    });
  }
}
