import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule } from '@devzone/platform';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.standardLand,
      entities: [],
      migrations: [],
      publishes: [Topics.land],
      subscribes: [Topics.project],
    }),
  ],
})
export class AppModule {}
