import type { Actor, EventDefinition, EventEnvelope } from '@devzone/contracts';
import type { InboxContext, Outbox, PublishInput } from '@devzone/messaging';
import type { EntityManager } from 'typeorm';

/** Publishes into the current transaction: a command's (with its actor) or an event handler's (with causation). */
export type Publish = <P extends object>(definition: EventDefinition<P>, input: Omit<PublishInput<P>, 'correlationId' | 'causationId' | 'actor'>) => Promise<EventEnvelope<P>>;

export interface UnitOfWork {
  manager: EntityManager;
  publish: Publish;
}

export const commandUnit = (outbox: Outbox, manager: EntityManager, actor: Actor): UnitOfWork => ({
  manager,
  publish: (definition, input) => outbox.publish(manager, definition, { ...input, actor }),
});

export const inboxUnit = (ctx: InboxContext): UnitOfWork => ({
  manager: ctx.manager,
  publish: (definition, input) => ctx.publish(definition, input),
});
