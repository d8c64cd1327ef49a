import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule } from '@devzone/platform';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.agency,
      entities: [],
      migrations: [],
      publishes: [Topics.agency],
      subscribes: [Topics.project, Topics.approval, Topics.land],
    }),
  ],
})
export class AppModule {}
