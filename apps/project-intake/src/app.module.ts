import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule } from '@devzone/platform';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.projectIntake,
      entities: [],
      migrations: [],
      publishes: [Topics.project],
      subscribes: [Topics.approval, Topics.land, Topics.agency, Topics.notification],
    }),
  ],
})
export class AppModule {}
