import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule, type BootstrapOptions } from '@devzone/platform';
import { AgentsController, DelegationsController } from './api/agency.http.controller';
import { AgencyQueries } from './application/agency.queries';
import { DelegationService } from './application/delegation.service';
import { AgencySettings } from './application/settings.service';
import { TaskDeadlineChecker } from './application/task-deadline.checker';
import { AgencyEventHandler } from './events/agency.event-handler';
import { ENTITIES } from './infrastructure/orm-entities';
import { AgencySchema1764288300000 } from './infrastructure/migrations/1764288300000-agency-schema';
import { AgencyProjectCreditCode1764288600000 } from './infrastructure/migrations/1764288600000-agency-project-credit-code';
import { AgencyItemClock1764400300000 } from './infrastructure/migrations/1764400300000-agency-item-clock';
import { AgencyAgentIndex1764600100000 } from './infrastructure/migrations/1764600100000-agency-agent-index';
import { AgencyAssignmentReason1764800300000 } from './infrastructure/migrations/1764800300000-agency-assignment-reason';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.agency,
      entities: ENTITIES,
      migrations: [AgencySchema1764288300000, AgencyProjectCreditCode1764288600000, AgencyItemClock1764400300000, AgencyAgentIndex1764600100000, AgencyAssignmentReason1764800300000],
      publishes: [Topics.agency],
      subscribes: [Topics.project, Topics.approval, Topics.land],
    }),
  ],
  controllers: [DelegationsController, AgentsController, AgencyEventHandler],
  providers: [DelegationService, AgencyQueries, AgencySettings, TaskDeadlineChecker],
})
export class AppModule {}

/** How the service starts and names its OpenAPI document (main.ts; `npm run openapi`). */
export const SERVICE: BootstrapOptions = {
  service: Services.agency,
  title: '全代办 Full agency service (agency)',
  defaultPort: 3004,
};
