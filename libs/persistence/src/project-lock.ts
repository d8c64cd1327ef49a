import type { EntityManager } from 'typeorm';

/**
 * Serialises the transactions that touch one project, to the end of the
 * caller's transaction. For handlers of events that travel on different topics
 * (so are applied concurrently) and each read what the other writes: without it,
 * under READ COMMITTED both can miss the other's row (write skew).
 */
export async function lockProject(manager: EntityManager, projectId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [projectId]);
}
