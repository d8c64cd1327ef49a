import { buildEvent, type Actor, type EventDefinition, type EventEnvelope } from '@devzone/contracts';
import type { EntityManager } from 'typeorm';
import { topicName, type MessagingOptions } from '../messaging.options';
import { findEventDefinition } from '@devzone/contracts';

export interface PublishInput<P> {
  projectId: string;
  payload: P;
  actor?: Actor;
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date | string;
}

/**
 * Writes outgoing events into the service's `messaging_outbox` table with the
 * caller's EntityManager, i.e. inside the caller's transaction: the events exist
 * exactly when the domain change does. The relay publishes them afterwards.
 */
export class Outbox {
  constructor(private readonly options: Pick<MessagingOptions, 'service' | 'topicPrefix'>) {}

  /** Builds (validating the payload against its contract) and stores one event. */
  async publish<P extends object>(manager: EntityManager, definition: EventDefinition<P>, input: PublishInput<P>): Promise<EventEnvelope<P>> {
    const event = buildEvent(definition, { ...input, source: this.options.service });
    await this.add(manager, [event]);
    return event;
  }

  /** Stores already-built envelopes, in order. */
  async add(manager: EntityManager, events: EventEnvelope[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.add needs the EntityManager of an open transaction (dataSource.transaction(manager => ...))');
    }
    if (!events.length) return;
    const values: unknown[] = [];
    const rows = events.map((event, i) => {
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`no contract for ${event.type} v${event.version}`);
      values.push(event.id, topicName(this.options, definition.topic), event.projectId, event.type, JSON.stringify(event));
      const n = i * 5;
      return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::jsonb)`;
    });
    await manager.query(`INSERT INTO messaging_outbox (id, topic, key, event_type, event) VALUES ${rows.join(', ')}`, values);
  }
}
