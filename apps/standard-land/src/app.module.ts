import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule, type BootstrapOptions } from '@devzone/platform';
import { ConstructionController } from './api/construction.http.controller';
import { LandPathsController } from './api/land-paths.http.controller';
import { PlotsController } from './api/plots.http.controller';
import { ProjectLandController } from './api/project-land.http.controller';
import { ConstructionService } from './application/construction.service';
import { IdleLandChecker } from './application/idle-land.checker';
import { LandChecksService } from './application/land-checks.service';
import { LandDeadlineChecker } from './application/land-deadline.checker';
import { LandPathsService } from './application/land-paths.service';
import { LandService } from './application/land.service';
import { PlotQueries } from './application/plot-queries';
import { ProjectImportService } from './application/project-import.service';
import { ProjectLandService } from './application/project-land.service';
import { ProjectEventHandler } from './events/project.event-handler';
import { ENTITIES } from './infrastructure/orm-entities';
import { LandSchema1764288200000 } from './infrastructure/migrations/1764288200000-land-schema';
import { LandProjectCreditCode1764288500000 } from './infrastructure/migrations/1764288500000-land-project-credit-code';
import { ExactMuArea1764500100000 } from './infrastructure/migrations/1764500100000-exact-mu-area';
import { LandPaths1764500200000 } from './infrastructure/migrations/1764500200000-land-paths';
import { CheckRectification1764500300000 } from './infrastructure/migrations/1764500300000-check-rectification';
import { IdleLandStalled1764500400000 } from './infrastructure/migrations/1764500400000-idle-land-stalled';
import { InterimPeriods1764500500000 } from './infrastructure/migrations/1764500500000-interim-periods';
import { ImportedProjects1764600600000 } from './infrastructure/migrations/1764600600000-imported-projects';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.standardLand,
      entities: ENTITIES,
      migrations: [
        LandSchema1764288200000,
        LandProjectCreditCode1764288500000,
        ExactMuArea1764500100000,
        LandPaths1764500200000,
        CheckRectification1764500300000,
        IdleLandStalled1764500400000,
        InterimPeriods1764500500000,
        ImportedProjects1764600600000,
      ],
      publishes: [Topics.land],
      subscribes: [Topics.project],
    }),
  ],
  controllers: [PlotsController, ProjectLandController, LandPathsController, ConstructionController, ProjectEventHandler],
  providers: [LandService, PlotQueries, ProjectLandService, LandPathsService, LandChecksService, ConstructionService, IdleLandChecker, LandDeadlineChecker, ProjectImportService],
})
export class AppModule {}

/** How the service starts and names its OpenAPI document (main.ts; `npm run openapi`). */
export const SERVICE: BootstrapOptions = {
  service: Services.standardLand,
  title: '标准地 Standard land (standard-land)',
  defaultPort: 3003,
};
