import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@devzone/contracts';
import { ANY_EVENT, InboxContext } from '@devzone/messaging';
import { NotifyService } from '../application/notify.service';

/** Every event whose contract is known comes here; the rules decide whether anyone hears of it. */
@Controller()
export class NotifyEventHandler {
  constructor(private readonly notify: NotifyService) {}

  @EventPattern(ANY_EVENT)
  handle(@Payload() event: EventEnvelope, @Ctx() ctx: InboxContext) {
    return this.notify.handle(ctx.manager, event);
  }
}
