import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TaskEscalated, TaskOverdue, type Actor } from '@devzone/contracts';
import { commandUnit, Outbox } from '@devzone/messaging';
import { ScheduledCheck } from '@devzone/platform';
import { chinaCalendar, chinaDate, type IsoDate } from '@devzone/shared-kernel';
import { deadlineState } from '../domain/deadlines';
import { AgentOrm, DelegationOrm, TaskOrm, TeamOrm } from '../infrastructure/orm-entities';
import { AgencySettings } from './settings.service';

const SYSTEM: Actor = { id: 'agency-deadline-check', role: 'system' };

/** Overdue tasks raise agency.task-overdue once; past the zone's threshold, agency.task-escalated once (督办). */
@Injectable()
export class TaskDeadlineChecker extends ScheduledCheck {
  constructor(
    dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly settings: AgencySettings,
  ) {
    super(dataSource, 'agency-deadline-check', 'AGENCY_CHECK_INTERVAL_MS');
  }

  async run(today: IsoDate = chinaDate()): Promise<{ overdue: number; escalated: number }> {
    let overdue = 0;
    let escalated = 0;
    const candidates = (manager: EntityManager) =>
      manager.createQueryBuilder(TaskOrm, 't').where(`t.status NOT IN ('DELIVERED', 'REFUSED') AND t.clock = 'running' AND t.due_on < :today AND (NOT t.overdue_raised OR NOT t.escalated)`, { today });
    await this.inBatches(candidates, async (manager, tasks) => {
      const unit = commandUnit(this.outbox, manager, SYSTEM);
      for (const task of tasks) {
        const delegation = await manager.findOneByOrFail(DelegationOrm, { id: task.delegationId });
        if (delegation.status !== 'OPEN') continue;
        const { amberWorkingDays, escalateAfterWorkingDays } = await this.settings.forZone(delegation.zoneCode, manager);
        const state = deadlineState(chinaCalendar, task.dueOn, today, amberWorkingDays, escalateAfterWorkingDays);
        const base = { delegationId: delegation.id, taskId: task.id, title: task.title, ...(delegation.agentId ? { agentId: delegation.agentId } : {}), dueOn: task.dueOn, workingDaysLate: state.workingDaysLate };
        if (!task.overdueRaised) {
          task.overdueRaised = true;
          await unit.publish(TaskOverdue, { projectId: task.projectId, payload: base });
          overdue++;
        }
        if (state.escalate && !task.escalated) {
          task.escalated = true;
          const agent = delegation.agentId ? await manager.findOneBy(AgentOrm, { id: delegation.agentId }) : null;
          const team = agent?.teamCode ? await manager.findOneBy(TeamOrm, { code: agent.teamCode }) : null;
          await unit.publish(TaskEscalated, { projectId: task.projectId, payload: { ...base, ...(team?.leadAgentId ? { teamLeadId: team.leadAgentId } : {}) } });
          escalated++;
        }
        await manager.save(task);
      }
      return tasks.length;
    });
    return { overdue, escalated };
  }
}
