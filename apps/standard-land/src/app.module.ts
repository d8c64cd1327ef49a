import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule } from '@devzone/platform';
import { PlotsController, ProjectLandController } from './api/land.http.controller';
import { IdleLandChecker } from './application/idle-land.checker';
import { LandService } from './application/land.service';
import { ProjectEventHandler } from './events/project.event-handler';
import { ENTITIES } from './infrastructure/orm-entities';
import { LandSchema1764288200000 } from './infrastructure/migrations/1764288200000-land-schema';
import { LandProjectCreditCode1764288500000 } from './infrastructure/migrations/1764288500000-land-project-credit-code';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.standardLand,
      entities: ENTITIES,
      migrations: [LandSchema1764288200000, LandProjectCreditCode1764288500000],
      publishes: [Topics.land],
      subscribes: [Topics.project],
    }),
  ],
  controllers: [PlotsController, ProjectLandController, ProjectEventHandler],
  providers: [LandService, IdleLandChecker],
})
export class AppModule {}
