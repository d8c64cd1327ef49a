import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AgentAssignedV1, EventEnvelope, NotificationChannel, ProjectSignedV1, TaskEscalatedV1 } from '@devzone/contracts';
import { notBefore } from '../domain/delivery';
import { render } from '../domain/templates';
import { lockProject } from '@devzone/persistence';
import { DeferredEventOrm, NotificationOrm, ProjectOrm, ProjectRecipientOrm, RecipientOrm, RuleOrm } from '../infrastructure/orm-entities';

export const skippedEvents = new Counter({ name: 'notifications_skipped_events_total', help: 'Events with no notification rule, skipped', labelNames: ['type'] });
export const createdNotifications = new Counter({ name: 'notifications_created_total', help: 'Notifications created', labelNames: ['channel'] });

/**
 * Turns an event into notifications: the rule for its type names the
 * recipients and channels; each (event, recipient, channel) becomes one row,
 * rendered in the recipient's language, in the inbox transaction. The unique
 * key (event id, recipient, channel) keeps a twice-delivered event from
 * notifying twice. The inbox channel is delivered at once; e-mail and webhooks
 * go out through the dispatcher.
 */
@Injectable()
export class NotifyService {
  private readonly logger = new Logger(NotifyService.name);

  constructor(private readonly dataSource: DataSource) {}

  async handle(manager: EntityManager, event: EventEnvelope): Promise<void> {
    // An event deferred for want of its project and the project.signed that releases it must not pass each other.
    await lockProject(manager, event.projectId);
    if (event.type === 'project.signed') await this.learnProject(manager, event as EventEnvelope<ProjectSignedV1>);
    if (event.type === 'agency.agent-assigned') await this.learnAgent(manager, event as EventEnvelope<AgentAssignedV1>);

    const rule = await manager.findOneBy(RuleOrm, { eventType: event.type });
    if (!rule) {
      skippedEvents.inc({ type: event.type });
      return;
    }
    const project = await manager.findOneBy(ProjectOrm, { projectId: event.projectId });
    if (!project) {
      // project.signed travels on another topic and may come later: wait for it.
      await manager.createQueryBuilder().insert().into(DeferredEventOrm).values({ eventId: event.id, projectId: event.projectId, envelope: event as never }).orIgnore().execute();
      return;
    }
    await this.notify(manager, event, rule, project);
    if (event.type === 'project.signed') {
      const deferred = await manager.find(DeferredEventOrm, { where: { projectId: project.projectId } });
      deferred.sort((a, b) => String((a.envelope as { occurredAt: string }).occurredAt).localeCompare(String((b.envelope as { occurredAt: string }).occurredAt)));
      for (const d of deferred) {
        const envelope = d.envelope as unknown as EventEnvelope;
        const deferredRule = await manager.findOneBy(RuleOrm, { eventType: envelope.type });
        if (deferredRule) await this.notify(manager, envelope, deferredRule, project);
        await manager.delete(DeferredEventOrm, { eventId: d.eventId });
      }
    }
  }

  private async notify(manager: EntityManager, event: EventEnvelope, rule: RuleOrm, project: ProjectOrm): Promise<void> {
    const recipients = await this.recipients(manager, event, rule, project);
    const now = new Date();
    const rows: NotificationOrm[] = [];
    for (const recipient of recipients) {
      const context = { project: { name: project.name, code: project.code, enterpriseName: project.enterpriseName }, recipient: { name: recipient.name }, event: event.payload };
      const rendered = render(event.type, recipient.locale, context);
      for (const channel of this.channels(rule.channels, recipient)) {
        const inbox = channel === 'inbox';
        const quiet = recipient.quietStart && recipient.quietEnd ? { start: recipient.quietStart, end: recipient.quietEnd } : null;
        rows.push(
          manager.create(NotificationOrm, {
            id: randomUUID(),
            eventId: event.id,
            eventType: event.type,
            projectId: project.projectId,
            recipientId: recipient.id,
            channel,
            urgent: rule.urgent,
            locale: recipient.locale,
            ...rendered,
            payload: event.payload as Record<string, unknown>,
            status: inbox ? 'delivered' : 'pending',
            attempts: 0,
            nextAttemptAt: inbox || rule.urgent ? now : notBefore(now, quiet),
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

  private channels(wanted: NotificationChannel[], r: RecipientOrm): NotificationChannel[] {
    return wanted.filter((c) => c === 'inbox' || (r.channels.includes(c) && (c === 'email' ? !!r.email : !!(r.webhookUrl && r.webhookSecret))));
  }

  private async recipients(manager: EntityManager, event: EventEnvelope, rule: RuleOrm, project: ProjectOrm): Promise<RecipientOrm[]> {
    const ids = new Set<string>();
    for (const kind of rule.recipients) {
      if (kind === 'enterprise' || kind === 'agent') {
        const links = await manager.findBy(ProjectRecipientOrm, { projectId: project.projectId, role: kind });
        links.forEach((l) => ids.add(l.recipientId));
      } else if (kind === 'zone-officers') {
        (await manager.findBy(RecipientOrm, { kind: 'officer', zoneCode: project.zoneCode })).forEach((r) => ids.add(r.id));
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

  private async learnProject(manager: EntityManager, event: EventEnvelope<ProjectSignedV1>): Promise<void> {
    const p = event.payload;
    await manager.upsert(ProjectOrm, { projectId: event.projectId, code: p.projectCode, name: p.name, enterpriseName: p.enterprise.name, zoneCode: p.zoneCode }, ['projectId']);
    for (const contact of p.contacts) {
      const id = `ent:${contact.mobile}`;
      const known = await manager.findOneBy(RecipientOrm, { id });
      if (!known) {
        await manager.insert(RecipientOrm, { id, kind: 'enterprise', name: contact.name, zoneCode: p.zoneCode, email: contact.email ?? null, webhookUrl: null, webhookSecret: null, channels: ['inbox', 'email', 'webhook'], quietStart: null, quietEnd: null, locale: 'zh-CN' });
      } else if (contact.email && !known.email) {
        await manager.update(RecipientOrm, { id }, { email: contact.email });
      }
      await manager.createQueryBuilder().insert().into(ProjectRecipientOrm).values({ projectId: event.projectId, recipientId: id, role: 'enterprise' }).orIgnore().execute();
    }
  }

  private async learnAgent(manager: EntityManager, event: EventEnvelope<AgentAssignedV1>): Promise<void> {
    const id = `agent:${event.payload.agentId}`;
    await manager.createQueryBuilder().insert().into(RecipientOrm).values({ id, kind: 'agent', name: event.payload.agentName, zoneCode: null, email: null, webhookUrl: null, webhookSecret: null, channels: ['inbox', 'email', 'webhook'], quietStart: null, quietEnd: null, locale: 'zh-CN' }).orIgnore().execute();
    await manager.delete(ProjectRecipientOrm, { projectId: event.projectId, role: 'agent' });
    await manager.insert(ProjectRecipientOrm, { projectId: event.projectId, recipientId: id, role: 'agent' });
  }
}
