import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AgentAssignedV1, EventEnvelope, NotificationChannel, ProjectAccountInvitedV1, ProjectSignedV1, TaskEscalatedV1 } from '@devzone/contracts';
import { digestDue, notBefore } from '../domain/delivery';
import { render } from '../domain/templates';
import { lockProject } from '@devzone/persistence';
import { DeferredEventOrm, NotificationOrm, ProjectOrm, ProjectRecipientOrm, RecipientOrm, RuleOrm } from '../infrastructure/orm-entities';
import { digestWindowMs } from './email-digests';
import { kindOfRole, recipientIdFor, recipientRow, recipientsOf } from './recipients';

export const skippedEvents = new Counter({ name: 'notifications_skipped_events_total', help: 'Events with no notification rule, skipped', labelNames: ['type'] });
export const createdNotifications = new Counter({ name: 'notifications_created_total', help: 'Notifications created', labelNames: ['channel'] });

/**
 * Turns an event into notifications: the rule for its type names the
 * recipients and channels; each (event, recipient, channel) becomes one row,
 * rendered in the recipient's language, in the inbox transaction. The unique
 * key (event id, recipient, channel) keeps a twice-delivered event from
 * notifying twice. The inbox channel is delivered at once; e-mail and webhooks
 * go out through the dispatcher. A non-urgent e-mail waits out the digest
 * window of its recipient and project (opened by the first one, joined by the
 * rest: they go out as one message), and quiet hours; an urgent one waits for
 * nothing.
 */
@Injectable()
export class NotifyService {
  private readonly logger = new Logger(NotifyService.name);
  private readonly windowMs = digestWindowMs();

  constructor(private readonly dataSource: DataSource) {}

  async handle(manager: EntityManager, event: EventEnvelope): Promise<void> {
    // An event deferred for want of its project and the project.signed that releases it must not pass each other.
    await lockProject(manager, event.projectId);
    // A project is known from its signing, or from a 项目台账 import (issue 18: known, but its history is no news: no rule sends anything for it).
    const introduces = event.type === 'project.signed' || event.type === 'project.imported';
    if (introduces) await this.learnProject(manager, event as EventEnvelope<ProjectSignedV1>);
    if (event.type === 'agency.agent-assigned') await this.learnAgent(manager, event as EventEnvelope<AgentAssignedV1>);

    const rule = await manager.findOneBy(RuleOrm, { eventType: event.type });
    if (!rule) {
      skippedEvents.inc({ type: event.type });
      if (introduces) await this.releaseDeferred(manager, event.projectId);
      return;
    }
    // An invitation names its invitee: it needs no project (a staff account has none).
    const needsProject = rule.recipients.some((k) => k !== 'invitee');
    const project = needsProject ? await manager.findOneBy(ProjectOrm, { projectId: event.projectId }) : null;
    if (needsProject && !project) {
      // project.signed travels on another topic and may come later: wait for it.
      await manager.createQueryBuilder().insert().into(DeferredEventOrm).values({ eventId: event.id, projectId: event.projectId, envelope: event as never }).orIgnore().execute();
      return;
    }
    await this.notify(manager, event, rule, project);
    if (introduces) await this.releaseDeferred(manager, event.projectId);
  }

  /** The events that waited for their project, now that it is known: notified in the order they happened. */
  private async releaseDeferred(manager: EntityManager, projectId: string): Promise<void> {
    const project = await manager.findOneBy(ProjectOrm, { projectId });
    const deferred = await manager.find(DeferredEventOrm, { where: { projectId } });
    deferred.sort((a, b) => String((a.envelope as { occurredAt: string }).occurredAt).localeCompare(String((b.envelope as { occurredAt: string }).occurredAt)));
    for (const d of deferred) {
      const envelope = d.envelope as unknown as EventEnvelope;
      const deferredRule = await manager.findOneBy(RuleOrm, { eventType: envelope.type });
      if (deferredRule) await this.notify(manager, envelope, deferredRule, project);
      await manager.delete(DeferredEventOrm, { eventId: d.eventId });
    }
  }

  private async notify(manager: EntityManager, event: EventEnvelope, rule: RuleOrm, project: ProjectOrm | null): Promise<void> {
    const recipients = await this.recipients(manager, event, rule, project);
    const now = new Date();
    const rows: NotificationOrm[] = [];
    for (const recipient of recipients) {
      const context = { ...(project ? { project: { name: project.name, code: project.code, enterpriseName: project.enterpriseName } } : {}), recipient: { name: recipient.name }, event: event.payload };
      const rendered = render(event.type, recipient.locale, context);
      for (const channel of this.channels(rule.channels, recipient)) {
        const inbox = channel === 'inbox';
        const quiet = recipient.quietStart && recipient.quietEnd ? { start: recipient.quietStart, end: recipient.quietEnd } : null;
        const due =
          inbox || rule.urgent ? now : channel === 'email' ? digestDue(now, this.windowMs, await this.openWindow(manager, recipient.id, event.projectId, now), quiet) : notBefore(now, quiet);
        rows.push(
          manager.create(NotificationOrm, {
            id: randomUUID(),
            eventId: event.id,
            eventType: event.type,
            projectId: event.projectId,
            recipientId: recipient.id,
            channel,
            urgent: rule.urgent,
            locale: recipient.locale,
            ...rendered,
            payload: event.payload as Record<string, unknown>,
            status: inbox ? 'delivered' : 'pending',
            attempts: 0,
            nextAttemptAt: due,
            leaseUntil: null,
            lastError: null,
            sentAt: inbox ? now : null,
            readAt: null,
          }),
        );
      }
    }
    if (!rows.length) return;
    const inserted = await manager.createQueryBuilder().insert().into(NotificationOrm).values(rows as never[]).orIgnore().returning(['channel']).execute();
    for (const r of inserted.raw as { channel: NotificationChannel }[]) createdNotifications.inc({ channel: r.channel });
  }

  /** When the recipient's e-mails about the project that wait for their digest fall due (null: none waits, a new window opens). */
  private async openWindow(manager: EntityManager, recipientId: string, projectId: string, now: Date): Promise<Date | null> {
    if (!this.windowMs) return null;
    const [row]: { due: Date | null }[] = await manager.query(
      `SELECT min(next_attempt_at) AS due FROM notifications
        WHERE recipient_id = $1 AND project_id = $2 AND channel = 'email' AND digest_id IS NULL AND status = 'pending' AND NOT urgent AND next_attempt_at > $3`,
      [recipientId, projectId, now],
    );
    return row?.due ? new Date(row.due) : null;
  }

  private channels(wanted: NotificationChannel[], r: RecipientOrm): NotificationChannel[] {
    return wanted.filter((c) => c === 'inbox' || (r.channels.includes(c) && (c === 'email' ? !!r.email : !!(r.webhookUrl && r.webhookSecret))));
  }

  private async recipients(manager: EntityManager, event: EventEnvelope, rule: RuleOrm, project: ProjectOrm | null): Promise<RecipientOrm[]> {
    const ids = new Set<string>();
    for (const kind of rule.recipients) {
      if ((kind === 'enterprise' || kind === 'agent') && project) {
        const links = await manager.findBy(ProjectRecipientOrm, { projectId: project.projectId, role: kind });
        links.forEach((l) => ids.add(l.recipientId));
      } else if (kind === 'zone-officers' && project) {
        (await manager.findBy(RecipientOrm, { kind: 'officer', zoneCode: project.zoneCode })).forEach((r) => ids.add(r.id));
      } else if (kind === 'invitee') {
        ids.add((await this.invitee(manager, event as EventEnvelope<ProjectAccountInvitedV1>)).id);
      } else if (kind === 'team-lead') {
        const lead = (event.payload as TaskEscalatedV1).teamLeadId;
        if (lead) ids.add(`agent:${lead}`);
      }
    }
    if (!ids.size) {
      this.logger.log(`${event.type} ${event.id}: nobody to notify (${rule.recipients.join(', ')})`);
      return [];
    }
    return manager.find(RecipientOrm, { where: { id: In([...ids]) }, order: { id: 'ASC' } });
  }

  /**
   * The project's enterprise contacts: one recipient per mobile (a contact of
   * several projects hears about all of them), given the contact's account
   * (subject) as soon as an event names it.
   */
  private async learnProject(manager: EntityManager, event: EventEnvelope<ProjectSignedV1>): Promise<void> {
    const p = event.payload;
    await manager.upsert(ProjectOrm, { projectId: event.projectId, code: p.projectCode, name: p.name, enterpriseName: p.enterprise.name, zoneCode: p.zoneCode }, ['projectId']);
    for (const contact of p.contacts) {
      let known = await manager.findOneBy(RecipientOrm, { kind: 'enterprise', mobile: contact.mobile });
      if (!known) {
        known = recipientRow({ id: recipientIdFor('enterprise', ''), kind: 'enterprise', name: contact.name, zoneCode: p.zoneCode, email: contact.email ?? null, mobile: contact.mobile, subject: contact.userId ?? null });
        await manager.insert(RecipientOrm, known);
      } else {
        const changes = { ...(contact.email && !known.email ? { email: contact.email } : {}), ...(contact.userId && known.subject !== contact.userId ? { subject: contact.userId } : {}) };
        if (Object.keys(changes).length) await manager.update(RecipientOrm, { id: known.id }, changes);
      }
      await manager.createQueryBuilder().insert().into(ProjectRecipientOrm).values({ projectId: event.projectId, recipientId: known.id, role: 'enterprise' }).orIgnore().execute();
    }
  }

  /** Whom an account invitation is for: their recipient (by subject), made from the invitation when they have none yet. */
  private async invitee(manager: EntityManager, event: EventEnvelope<ProjectAccountInvitedV1>): Promise<RecipientOrm> {
    const p = event.payload;
    const [known] = await recipientsOf(manager, p.userId);
    if (known) {
      if (!known.email) await manager.update(RecipientOrm, { id: known.id }, { email: p.email });
      return { ...known, email: known.email ?? p.email };
    }
    const kind = kindOfRole(p.role);
    const row = recipientRow({ id: recipientIdFor(kind, p.userId), kind, name: p.name, email: p.email, subject: p.userId });
    await manager.createQueryBuilder().insert().into(RecipientOrm).values(row).orIgnore().execute();
    return row;
  }

  private async learnAgent(manager: EntityManager, event: EventEnvelope<AgentAssignedV1>): Promise<void> {
    // An agent's id is its subject at the identity provider.
    const id = `agent:${event.payload.agentId}`;
    await manager.createQueryBuilder().insert().into(RecipientOrm).values(recipientRow({ id, kind: 'agent', name: event.payload.agentName, subject: event.payload.agentId })).orIgnore().execute();
    await manager.delete(ProjectRecipientOrm, { projectId: event.projectId, role: 'agent' });
    await manager.insert(ProjectRecipientOrm, { projectId: event.projectId, recipientId: id, role: 'agent' });
  }
}
