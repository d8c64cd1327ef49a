import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { digestMessage } from '../domain/digest';
import { EmailDigestOrm, NotificationOrm, ProjectOrm, RecipientOrm } from '../infrastructure/orm-entities';

/** The digest window (NOTIFICATIONS_DIGEST_SECONDS, 60 s; 0 sends every e-mail on its own), read when the service is created. */
export function digestWindowMs(): number {
  const seconds = Number(process.env['NOTIFICATIONS_DIGEST_SECONDS'] ?? 60);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/** E-mails due and in no digest yet (a row left `sending` by the dispatcher before digests, its lease run out, too). */
const DUE = `channel = 'email' AND digest_id IS NULL AND ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now()))`;
/** Recipient-and-project groups made into digests per transaction. */
const GROUPS_PER_BATCH = 50;

/**
 * Makes the due e-mails into digests: per recipient and project, the
 * non-urgent ones that fell due together (their window, application/notify.service.ts)
 * become one digest; an urgent one is a digest of its own (it waits for
 * nothing and says what it says in its own subject). A digest is made in one
 * transaction with its members' rows locked: each notification gets its digest
 * once (`digest_id IS NULL` is the condition), and the digest's subject, text
 * and members are fixed before anything is sent.
 */
@Injectable()
export class EmailDigests {
  private readonly windowMs = digestWindowMs();

  constructor(private readonly dataSource: DataSource) {}

  /** Makes digests of everything due; returns how many it made. */
  async gather(): Promise<number> {
    let made = 0;
    for (;;) {
      const [groups, digests] = await this.dataSource.transaction((manager) => this.gatherBatch(manager));
      made += digests;
      if (groups < GROUPS_PER_BATCH) return made;
    }
  }

  private async gatherBatch(manager: EntityManager): Promise<[groups: number, digests: number]> {
    const groups: { recipient_id: string; project_id: string }[] = await manager.query(`SELECT DISTINCT recipient_id, project_id FROM notifications WHERE ${DUE} LIMIT ${GROUPS_PER_BATCH}`);
    if (!groups.length) return [0, 0];
    const pairs = groups.map((_, i) => `($${2 * i + 1}, $${2 * i + 2}::uuid)`).join(', ');
    const locked: { id: string }[] = await manager.query(
      `SELECT id FROM notifications WHERE ${DUE} AND (recipient_id, project_id) IN (${pairs}) ORDER BY created_at, seq, id FOR UPDATE SKIP LOCKED`,
      groups.flatMap((g) => [g.recipient_id, g.project_id]),
    );
    if (!locked.length) return [0, 0]; // all held by another transaction: the next run takes them
    const rows = await manager.find(NotificationOrm, { where: { id: In(locked.map((r) => r.id)) }, order: { createdAt: 'ASC', seq: 'ASC', id: 'ASC' } });
    const bundles = new Map<string, NotificationOrm[]>();
    for (const n of rows) {
      const key = n.urgent || !this.windowMs ? `alone:${n.id}` : `${n.recipientId}|${n.projectId}|${n.locale}`;
      bundles.set(key, [...(bundles.get(key) ?? []), n]);
    }
    const recipients = new Map((await manager.findBy(RecipientOrm, { id: In([...new Set(rows.map((n) => n.recipientId))]) })).map((r) => [r.id, r]));
    const projects = new Map((await manager.findBy(ProjectOrm, { projectId: In([...new Set(rows.map((n) => n.projectId))]) })).map((p) => [p.projectId, p]));
    for (const members of bundles.values()) {
      const [first] = members;
      const project = projects.get(first.projectId);
      const message = digestMessage({
        locale: first.locale,
        recipientName: recipients.get(first.recipientId)?.name ?? '',
        project: project ? { name: project.name, code: project.code } : null,
        members,
      });
      const digest = manager.create(EmailDigestOrm, {
        id: randomUUID(),
        recipientId: first.recipientId,
        projectId: first.projectId,
        locale: first.locale,
        ...message,
        size: members.length,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(),
        leaseUntil: null,
        lastError: null,
        sentAt: null,
      });
      await manager.insert(EmailDigestOrm, digest);
      await manager.update(NotificationOrm, { id: In(members.map((m) => m.id)) }, { digestId: digest.id, status: 'pending', leaseUntil: null });
    }
    return [groups.length, bundles.size];
  }

  /** Claims up to 20 due digests (a 60 s lease; FOR UPDATE SKIP LOCKED), their members marked `sending`. */
  async claim(): Promise<EmailDigestOrm[]> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: { id: string }[] = await manager.query(
        `WITH due AS (
           SELECT id FROM email_digests
            WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())
            ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED),
         claimed AS (
           UPDATE email_digests d SET status = 'sending', lease_until = now() + interval '60 seconds' FROM due WHERE d.id = due.id RETURNING d.id)
         SELECT id FROM claimed`,
      );
      if (!claimed.length) return [];
      const ids = claimed.map((c) => c.id);
      await manager.update(NotificationOrm, { digestId: In(ids) }, { status: 'sending' });
      return manager.findBy(EmailDigestOrm, { id: In(ids) });
    });
  }

  /** A digest's notifications, oldest first. */
  members(digestId: string): Promise<NotificationOrm[]> {
    return this.dataSource.getRepository(NotificationOrm).find({ where: { digestId }, order: { createdAt: 'ASC', seq: 'ASC', id: 'ASC' } });
  }
}
