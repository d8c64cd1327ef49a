import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule, type BootstrapOptions } from '@devzone/platform';
import { CaseDocumentsController } from './api/case-documents.http.controller';
import { CasesController } from './api/cases.http.controller';
import { CreditController, SettingsController } from './api/settings.http.controller';
import { CaseImportService } from './application/case-import.service';
import { CaseService } from './application/case.service';
import { CreditService } from './application/credit.service';
import { DeadlineChecker } from './application/deadline-checker.service';
import { ApprovalQueries } from './application/queries.service';
import { SettingsService } from './application/settings.service';
import { ProjectEventHandler } from './events/project.event-handler';
import { ENTITIES } from './infrastructure/orm-entities';
import { ApprovalSchema1764288100000 } from './infrastructure/migrations/1764288100000-approval-schema';
import { ApprovalProcedure1764400200000 } from './infrastructure/migrations/1764400200000-approval-procedure';
import { QueueInSql1764600000000 } from './infrastructure/migrations/1764600000000-queue-in-sql';
import { CaseOpinions1764700000000 } from './infrastructure/migrations/1764700000000-case-opinions';
import { QueueSearch1764800000000 } from './infrastructure/migrations/1764800000000-queue-search';
import { ImportedCases1764900000000 } from './infrastructure/migrations/1764900000000-imported-cases';
import { CaseDocuments } from './application/case-documents';
import { CaseWork } from './application/case-work';
import { ItemService } from './application/item.service';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.commitmentApproval,
      entities: ENTITIES,
      migrations: [ApprovalSchema1764288100000, ApprovalProcedure1764400200000, QueueInSql1764600000000, CaseOpinions1764700000000, QueueSearch1764800000000, ImportedCases1764900000000],
      publishes: [Topics.approval],
      subscribes: [Topics.project],
    }),
  ],
  controllers: [CasesController, CaseDocumentsController, SettingsController, CreditController, ProjectEventHandler],
  providers: [CaseWork, CaseService, CaseImportService, ItemService, CreditService, SettingsService, ApprovalQueries, DeadlineChecker, CaseDocuments],
})
export class AppModule {}

/** How the service starts and names its OpenAPI document (main.ts; `npm run openapi`). */
export const SERVICE: BootstrapOptions = {
  service: Services.commitmentApproval,
  title: '承诺制审批 Commitment-based approval (commitment-approval)',
  defaultPort: 3002,
};
