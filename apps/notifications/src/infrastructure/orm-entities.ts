import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationChannel } from '@devzone/contracts';
import type { RecipientKind } from '../domain/rules';
import type { Locale } from '../domain/templates';

@Entity('notification_rules')
export class RuleOrm {
  @PrimaryColumn({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ type: 'jsonb' }) recipients!: RecipientKind[];
  @Column({ type: 'jsonb' }) channels!: NotificationChannel[];
  @Column({ type: 'boolean' }) urgent!: boolean;
}

/** What this service knows of a project (from project.signed). */
@Entity('projects')
export class ProjectOrm {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
}

/** A person or system that receives notifications, with their channels and preferences. */
@Entity('recipients')
export class RecipientOrm {
  /** Opaque: ent:<uuid> (an enterprise contact), agent:<agent id>, officer:<subject>. */
  @PrimaryColumn({ type: 'varchar', length: 100 }) id!: string;
  @Column({ type: 'text' }) kind!: 'enterprise' | 'agent' | 'officer';
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32, nullable: true }) zoneCode!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ name: 'webhook_url', type: 'text', nullable: true }) webhookUrl!: string | null;
  @Column({ name: 'webhook_secret', type: 'text', nullable: true }) webhookSecret!: string | null;
  /** The channels this recipient wants (inbox always works). */
  @Column({ type: 'jsonb' }) channels!: NotificationChannel[];
  @Column({ name: 'quiet_start', type: 'varchar', length: 5, nullable: true }) quietStart!: string | null;
  @Column({ name: 'quiet_end', type: 'varchar', length: 5, nullable: true }) quietEnd!: string | null;
  @Column({ type: 'text' }) locale!: Locale;
  /** The person's subject at the identity provider: who may read this recipient's inbox (null: an enterprise contact not yet given an account). */
  @Column({ type: 'varchar', length: 100, nullable: true }) subject!: string | null;
  /** An enterprise contact's mobile: how the contacts of later projects are recognised (data, never an id). */
  @Column({ type: 'varchar', length: 20, nullable: true }) mobile!: string | null;
}

@Entity('project_recipients')
export class ProjectRecipientOrm {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @PrimaryColumn({ name: 'recipient_id', type: 'varchar', length: 100 }) recipientId!: string;
  @PrimaryColumn({ type: 'text' }) role!: 'enterprise' | 'agent';
}

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'delivered'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One notification per (event, recipient, channel). The inbox channel is
 * delivered on creation; an e-mail goes out in a digest (`digestId`, one or
 * more notifications of one recipient and project), and its status follows the
 * digest's.
 */
@Entity('notifications')
export class NotificationOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'recipient_id', type: 'varchar', length: 100 }) recipientId!: string;
  @Column({ type: 'text' }) channel!: NotificationChannel;
  @Column({ type: 'boolean' }) urgent!: boolean;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text' }) html!: string;
  /** The message as one line of a digest (null: written before digests; the text stands in). */
  @Column({ type: 'text', nullable: true }) line!: string | null;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'text' }) status!: NotificationStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
  /** E-mail: the digest it went (or goes) out in; set once, when the digest is made. */
  @Column({ name: 'digest_id', type: 'uuid', nullable: true }) digestId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** The order rows were written in, where createdAt ties (one transaction handles several events); null for rows older than it. Set by the database. */
  @Column({ type: 'bigint', nullable: true, insert: false, update: false }) seq!: string | null;
}

/**
 * One e-mail as sent: the notifications of one recipient about one project
 * that fell due together (a digest window), or a single one. Its content and
 * members are fixed when it is made, before the first attempt, so a retry
 * after a crash sends the same message (same Message-ID), never another digest.
 */
@Entity('email_digests')
export class EmailDigestOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'recipient_id', type: 'varchar', length: 100 }) recipientId!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text' }) html!: string;
  /** How many notifications it carries. */
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'text' }) status!: Exclude<NotificationStatus, 'delivered'>;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('delivery_attempts')
export class DeliveryAttemptOrm {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'notification_id', type: 'uuid' }) notificationId!: string;
  @Column({ type: 'int' }) attempt!: number;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'boolean' }) ok!: boolean;
  @Column({ name: 'response_code', type: 'int', nullable: true }) responseCode!: number | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'duration_ms', type: 'int' }) durationMs!: number;
}

/** Events that arrived before their project's project.signed: handled when it comes. */
@Entity('deferred_events')
export class DeferredEventOrm {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'jsonb' }) envelope!: Record<string, unknown>;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}

export const ENTITIES = [RuleOrm, ProjectOrm, RecipientOrm, ProjectRecipientOrm, NotificationOrm, EmailDigestOrm, DeliveryAttemptOrm, DeferredEventOrm];
