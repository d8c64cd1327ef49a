import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule } from '@devzone/platform';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.commitmentApproval,
      entities: [],
      migrations: [],
      publishes: [Topics.approval],
      subscribes: [Topics.project],
    }),
  ],
})
export class AppModule {}
