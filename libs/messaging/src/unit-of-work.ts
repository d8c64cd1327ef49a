import type { Actor, EventDefinition, EventEnvelope } from '@devzone/contracts';
import type { InboxContext } from './inbox/inbox-context';
import type { Outbox, PublishInput } from './outbox/outbox';
import type { EntityManager } from 'typeorm';

/**
 * The transaction a piece of domain logic runs in, and how it publishes: the same
 * logic then serves an HTTP command (events carry the actor) and an event handler
 * (events carry the causing event's correlation and causation).
 */
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
