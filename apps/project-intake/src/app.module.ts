import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule, type BootstrapOptions } from '@devzone/platform';
import { FiguresController, ZonesController } from './api/figures.http.controller';
import { RoundsController } from './api/rounds.http.controller';
import { ProjectsController } from './api/projects.http.controller';
import { ProjectLifecycleService } from './application/project-lifecycle.service';
import { ProjectQueries } from './application/project-queries.service';
import { RoundsService } from './application/rounds.service';
import { FiguresChartsService } from './application/figures-charts.service';
import { LifecycleEventHandler } from './events/lifecycle.event-handler';
import { ENTITIES } from './infrastructure/orm-entities';
import { IMPORT_ENTITIES } from './infrastructure/import-entities';
import { LedgerImports1764401000000 } from './infrastructure/migrations/1764401000000-ledger-imports';
import { ImportsController } from './api/imports.http.controller';
import { LedgerImportService } from './application/ledger-import.service';
import { IntakeSchema1764288000000 } from './infrastructure/migrations/1764288000000-intake-schema';
import { Accounts1764400000000 } from './infrastructure/migrations/1764400000000-accounts';
import { Rounds1764400500000 } from './infrastructure/migrations/1764400500000-rounds';
import { LandReview1764400600000 } from './infrastructure/migrations/1764400600000-land-review';
import { ProjectSearch1764400700000 } from './infrastructure/migrations/1764400700000-project-search';
import { TimelineRecent1764400850000 } from './infrastructure/migrations/1764400850000-timeline-recent';
import { AccountsController } from './accounts/accounts.http.controller';
import { ACCOUNTS_CONFIG, accountsConfigFromEnv, AccountsService } from './accounts/accounts.service';
import { IdentityProvider, identityProviderFromEnv } from './accounts/identity-provider';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.projectIntake,
      entities: [...ENTITIES, ...IMPORT_ENTITIES],
      migrations: [IntakeSchema1764288000000, Accounts1764400000000, Rounds1764400500000, LandReview1764400600000, ProjectSearch1764400700000, TimelineRecent1764400850000, LedgerImports1764401000000],
      publishes: [Topics.project],
      subscribes: [Topics.approval, Topics.land, Topics.agency, Topics.notification],
    }),
  ],
  controllers: [ProjectsController, FiguresController, ZonesController, RoundsController, AccountsController, ImportsController, LifecycleEventHandler],
  providers: [
    ProjectLifecycleService,
    ProjectQueries,
    RoundsService,
    FiguresChartsService,
    AccountsService,
    LedgerImportService,
    { provide: IdentityProvider, useFactory: () => identityProviderFromEnv() },
    { provide: ACCOUNTS_CONFIG, useFactory: () => accountsConfigFromEnv() },
  ],
})
export class AppModule {}

/** How the service starts and names its OpenAPI document (main.ts; `npm run openapi`). */
export const SERVICE: BootstrapOptions = {
  service: Services.projectIntake,
  title: '项目库与全生命周期 Project register and lifecycle (project-intake)',
  defaultPort: 3001,
};
