import { BaseRpcContext } from '@nestjs/microservices';
import type { EventDefinition, EventEnvelope } from '@devzone/contracts';
import type { EntityManager } from 'typeorm';
import type { Outbox, PublishInput } from '../outbox/outbox';

export interface KafkaMessageRef {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * What an `@EventPattern` handler gets as `@Ctx()`: the EntityManager of the
 * transaction in which the inbox records this event (write every effect with
 * it, or the effect is not covered by exactly-once), and `publish` to emit
 * follow-up events through the outbox in that same transaction.
 */
export class InboxContext extends BaseRpcContext<[EventEnvelope, EntityManager, Outbox, KafkaMessageRef]> {
  get event(): EventEnvelope {
    return this.args[0];
  }

  get manager(): EntityManager {
    return this.args[1];
  }

  get message(): KafkaMessageRef {
    return this.args[3];
  }

  /** Emits an event caused by the one being handled (same correlation, causation = this event). */
  publish<P extends object>(definition: EventDefinition<P>, input: Omit<PublishInput<P>, 'correlationId' | 'causationId'>) {
    return this.args[2].publish(this.manager, definition, {
      ...input,
      correlationId: this.event.correlationId,
      causationId: this.event.id,
    });
  }
}
