import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type ValueTransformer } from 'typeorm';
import type { Actor, Contact, LifecycleStage, ProjectType } from '@devzone/contracts';

/** numeric columns come back from pg as strings. */
const decimal: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
/** date columns as 'YYYY-MM-DD' strings, never Date objects (no time zone games). */
const DATE = { type: 'date' as const, nullable: true };

/** 开发区: configuration data (seeded by migration), later carrying per-zone rules. */
@Entity('zones')
export class ZoneOrm {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'text' }) name!: string;
  /** 'national' (国家级) | 'provincial' (省级) */
  @Column({ type: 'text' }) level!: 'national' | 'provincial';
  @Column({ type: 'text' }) city!: string;
  /** 6-digit administrative division: the region part of project codes. */
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode!: string;
  /** The department part of project codes issued here. */
  @Column({ name: 'department_code', type: 'char', length: 2 }) departmentCode!: string;
  /** Per-zone rules (calendar, limits …) as later issues add them. */
  @Column({ type: 'jsonb', default: {} }) rules!: Record<string, unknown>;
}

@Entity('projects')
export class ProjectOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'char', length: 24 }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ name: 'industry_code', type: 'varchar', length: 8 }) industryCode!: string;
  @Column({ name: 'project_type', type: 'text' }) projectType!: ProjectType;
  /** 万元 */
  @Column({ name: 'total_investment', type: 'numeric', precision: 16, scale: 4, transformer: decimal }) totalInvestment!: number;
  @Column({ name: 'fixed_asset_investment', type: 'numeric', precision: 16, scale: 4, transformer: decimal }) fixedAssetInvestment!: number;
  @Column({ name: 'projected_annual_output', type: 'numeric', precision: 16, scale: 4, transformer: decimal }) projectedAnnualOutput!: number;
  @Column({ name: 'actual_annual_output', type: 'numeric', precision: 16, scale: 4, nullable: true, transformer: decimal }) actualAnnualOutput!: number | null;
  /** 亩 */
  @Column({ name: 'land_area_mu', type: 'numeric', precision: 12, scale: 4, transformer: decimal }) landAreaMu!: number;
  @Column({ name: 'uses_standard_land', type: 'boolean' }) usesStandardLand!: boolean;
  @Column({ name: 'wants_full_agency', type: 'boolean' }) wantsFullAgency!: boolean;
  @Column({ type: 'jsonb' }) contacts!: Contact[];
  @Column({ name: 'signed_on', type: 'date' }) signedOn!: string;
  @Column({ name: 'three_batches_round', type: 'text', nullable: true }) threeBatchesRound!: string | null;

  // Lifecycle state
  @Column({ type: 'text' }) stage!: LifecycleStage;
  @Column({ name: 'stage_before_suspension', type: 'text', nullable: true }) stageBeforeSuspension!: LifecycleStage | null;
  @Column({ name: 'approvals_granted', type: 'boolean', default: false }) approvalsGranted!: boolean;
  @Column({ name: 'land_secured', type: 'boolean', default: false }) landSecured!: boolean;
  @Column({ type: 'text', default: 'pending' }) acceptance!: 'pending' | 'passed' | 'failed';
  /** The 标准地 达产 review: pending until passed or its consequence decided; not-needed off 标准地. */
  @Column({ name: 'land_review', type: 'text', default: 'not-needed' }) landReview!: 'not-needed' | 'pending' | 'passed' | 'decided';
  /** How the land was secured (standard-land's path) and its document: contract, 不动产权证, lease. */
  @Column({ name: 'land_path', type: 'text', nullable: true }) landPath!: string | null;
  @Column({ name: 'land_reference', type: 'text', nullable: true }) landReference!: string | null;
  @Column({ name: 'permit_number', type: 'text', nullable: true }) permitNumber!: string | null;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason!: string | null;

  // Milestone dates: planned (at signing), committed (承诺书), agreed (land agreement), actual.
  @Column({ name: 'planned_start', type: 'date' }) plannedStart!: string;
  @Column({ name: 'planned_completion', type: 'date' }) plannedCompletion!: string;
  @Column({ name: 'planned_production', type: 'date' }) plannedProduction!: string;
  @Column({ name: 'committed_start', ...DATE }) committedStart!: string | null;
  @Column({ name: 'committed_completion', ...DATE }) committedCompletion!: string | null;
  @Column({ name: 'committed_production', ...DATE }) committedProduction!: string | null;
  @Column({ name: 'agreed_start', ...DATE }) agreedStart!: string | null;
  @Column({ name: 'agreed_completion', ...DATE }) agreedCompletion!: string | null;
  @Column({ name: 'agreed_production', ...DATE }) agreedProduction!: string | null;
  @Column({ name: 'actual_start', ...DATE }) actualStart!: string | null;
  @Column({ name: 'actual_completion', ...DATE }) actualCompletion!: string | null;
  @Column({ name: 'actual_production', ...DATE }) actualProduction!: string | null;
  @Column({ name: 'actual_full_production', ...DATE }) actualFullProduction!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** One line of a project's timeline: an event about it, from any service. */
@Entity('timeline_entries')
export class TimelineEntryOrm {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'jsonb', nullable: true }) actor!: Actor | null;
  /** One line in zh-CN. */
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

/**
 * An account at the identity provider this service created or found (its
 * subject), so that a second project of the same contact asks the identity
 * provider nothing.
 */
@Entity('accounts')
export class AccountOrm {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 100 }) userId!: string;
  @Column({ type: 'text' }) username!: string;
  @Column({ type: 'text' }) kind!: 'enterprise' | 'staff';
  @Column({ type: 'text' }) role!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18, nullable: true }) creditCode!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) mobile!: string | null;
  /** Known to have a password (set from an invitation, or found with one). */
  @Column({ name: 'password_set', type: 'boolean' }) passwordSet!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** An invitation to set a password: only the SHA-256 of its one-time token is kept. */
@Entity('invitations')
export class InvitationOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 100 }) userId!: string;
  @Column({ name: 'project_id', type: 'uuid', nullable: true }) projectId!: string | null;
  /** Whom the invitation greets. */
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * A 三个一批 round of a zone: a window of days (both ends inclusive) whose
 * signed, started and in-production batches the figures report (domain/rounds.ts).
 * Rounds of one zone do not overlap (checked on creation, under a per-zone lock).
 */
@Entity('rounds')
export class RoundOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  /** e.g. 2026年第四批; unique within the zone. */
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  /** Inclusive. */
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  /** The subject of whoever created it. */
  @Column({ name: 'created_by', type: 'varchar', length: 100 }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const ENTITIES = [ZoneOrm, ProjectOrm, TimelineEntryOrm, AccountOrm, InvitationOrm, RoundOrm];
