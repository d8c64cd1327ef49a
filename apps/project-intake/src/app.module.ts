import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule, type BootstrapOptions } from '@devzone/platform';
import { FiguresController, ZonesController } from './api/figures.http.controller';
import { RoundsController } from './api/rounds.http.controller';
import { ProjectsController } from './api/projects.http.controller';
import { ProjectLifecycleService } from './application/project-lifecycle.service';
import { ProjectQueries } from './application/project-queries.service';
import { RoundsService } from './application/rounds.service';
import { LifecycleEventHandler } from './events/lifecycle.event-handler';
import { ENTITIES } from './infrastructure/orm-entities';
import { IntakeSchema1764288000000 } from './infrastructure/migrations/1764288000000-intake-schema';
import { Accounts1764400000000 } from './infrastructure/migrations/1764400000000-accounts';
import { Rounds1764400500000 } from './infrastructure/migrations/1764400500000-rounds';
import { LandReview1764400600000 } from './infrastructure/migrations/1764400600000-land-review';
import { ProjectSearch1764400700000 } from './infrastructure/migrations/1764400700000-project-search';
import { AccountsController } from './accounts/accounts.http.controller';
import { ACCOUNTS_CONFIG, accountsConfigFromEnv, AccountsService } from './accounts/accounts.service';
import { IdentityProvider, identityProviderFromEnv } from './accounts/identity-provider';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.projectIntake,
      entities: ENTITIES,
      migrations: [IntakeSchema1764288000000, Accounts1764400000000, Rounds1764400500000, LandReview1764400600000, ProjectSearch1764400700000],
      publishes: [Topics.project],
      subscribes: [Topics.approval, Topics.land, Topics.agency, Topics.notification],
    }),
  ],
  controllers: [ProjectsController, FiguresController, ZonesController, RoundsController, AccountsController, LifecycleEventHandler],
  providers: [
    ProjectLifecycleService,
    ProjectQueries,
    RoundsService,
    AccountsService,
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
