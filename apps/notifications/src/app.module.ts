import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule } from '@devzone/platform';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.notifications,
      entities: [],
      migrations: [],
      publishes: [Topics.notification],
      subscribes: [Topics.project, Topics.approval, Topics.land, Topics.agency],
    }),
  ],
})
export class AppModule {}
