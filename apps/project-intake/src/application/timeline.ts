import type { EventEnvelope } from '@devzone/contracts';
import type { EntityManager } from 'typeorm';
import { describeEvent } from '../domain/timeline.describe';

/** Fields meant for their recipient only (a one-time link), never kept on a timeline. */
const PRIVATE_FIELDS: Record<string, string[]> = { 'project.account-invited': ['setPasswordUrl'] };

const shown = (event: EventEnvelope): unknown => {
  const hidden = PRIVATE_FIELDS[event.type];
  return hidden ? Object.fromEntries(Object.entries(event.payload as object).filter(([k]) => !hidden.includes(k))) : event.payload;
};

/**
 * Adds an event to its project's timeline (once: the event id is unique). Events
 * keyed by something that is not a registered project (a plot before it has a
 * project, say) have no timeline here and are left out.
 */
export async function recordTimeline(manager: EntityManager, event: EventEnvelope): Promise<void> {
  await manager.query(
    `INSERT INTO timeline_entries (event_id, project_id, type, source, occurred_at, actor, summary, payload)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM projects WHERE id = $2)
     ON CONFLICT (event_id) DO NOTHING`,
    [event.id, event.projectId, event.type, event.source, event.occurredAt, event.actor ? JSON.stringify(event.actor) : null, describeEvent(event), JSON.stringify(shown(event))],
  );
}
