import { Module } from '@nestjs/common';
import { Services, Topics } from '@devzone/contracts';
import { ServiceModule, type BootstrapOptions } from '@devzone/platform';
import { DeliveryController } from './api/delivery.http.controller';
import { MeController } from './api/inbox.http.controller';
import { EmailChannel, WebhookChannel } from './application/channels';
import { Dispatcher } from './application/dispatcher';
import { EmailDigests } from './application/email-digests';
import { NotifyService } from './application/notify.service';
import { NotifyEventHandler } from './events/notify.event-handler';
import { ENTITIES } from './infrastructure/orm-entities';
import { NotificationsSchema1764288400000 } from './infrastructure/migrations/1764288400000-notifications-schema';
import { RecipientsBySubject1764400100000 } from './infrastructure/migrations/1764400100000-recipients-by-subject';
import { ApprovalProcedureRules1764400400000 } from './infrastructure/migrations/1764400400000-approval-procedure-rules';
import { LandConsequenceRules1764400700000 } from './infrastructure/migrations/1764400700000-land-consequence-rules';
import { EmailDigests1764801700000 } from './infrastructure/migrations/1764801700000-email-digests';

@Module({
  imports: [
    ServiceModule.forRoot({
      service: Services.notifications,
      entities: ENTITIES,
      migrations: [NotificationsSchema1764288400000, RecipientsBySubject1764400100000, ApprovalProcedureRules1764400400000, LandConsequenceRules1764400700000, EmailDigests1764801700000],
      publishes: [Topics.notification],
      subscribes: [Topics.project, Topics.approval, Topics.land, Topics.agency],
    }),
  ],
  controllers: [MeController, DeliveryController, NotifyEventHandler],
  providers: [NotifyService, Dispatcher, EmailDigests, EmailChannel, WebhookChannel],
})
export class AppModule {}

/** How the service starts and names its OpenAPI document (main.ts; `npm run openapi`). */
export const SERVICE: BootstrapOptions = {
  service: Services.notifications,
  title: '通知 Notifications (notifications)',
  defaultPort: 3005,
};
