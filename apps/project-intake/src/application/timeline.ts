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
 * Adds events to their projects' timelines (each once: the event id is unique), in one
 * statement. Events keyed by something that is not a registered project (a plot before
 * it has a project, say) have no timeline here and are left out.
 */
export async function recordTimeline(manager: EntityManager, ...events: EventEnvelope[]): Promise<void> {
  if (!events.length) return;
  const values: unknown[] = [];
  const rows = events.map((event) => {
    const at = values.push(event.id, event.projectId, event.type, event.source, event.occurredAt, event.actor ? JSON.stringify(event.actor) : null, describeEvent(event), JSON.stringify(shown(event))) - 8;
    return `($${at + 1}::uuid, $${at + 2}::uuid, $${at + 3}, $${at + 4}, $${at + 5}::timestamptz, $${at + 6}::jsonb, $${at + 7}, $${at + 8}::jsonb)`;
  });
  await manager.query(
    `INSERT INTO timeline_entries (event_id, project_id, type, source, occurred_at, actor, summary, payload)
     SELECT v.* FROM (VALUES ${rows.join(', ')}) AS v (event_id, project_id, type, source, occurred_at, actor, summary, payload)
     WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = v.project_id)
     ON CONFLICT (event_id) DO NOTHING`,
    values,
  );
}
