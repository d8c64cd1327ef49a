import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { BreachSeverity, MilestoneDates } from '@devzone/contracts';
import type { Applicability, CatalogueDocument, Regime } from '../domain/catalogue';
import type { CaseStatus } from '../domain/case.state-machine';
import type { ItemStatus } from '../domain/item.state-machine';
import type { Pause, Procedure } from '../domain/item-clock';
import type { Milestone, MissLevel } from '../domain/committed-dates';
import type { RecordedAct } from '../domain/opinions';

const date = { type: 'date' as const, nullable: true };

/**
 * A version of a zone's rules (zone_code '*': the defaults for zones without
 * their own), effective from a date, published by a zone manager. A case keeps
 * the version it opened with.
 */
@Entity('zone_rule_versions')
export class ZoneRulesOrm {
  @PrimaryColumn({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
  /** 公示期, calendar days (0: no publicity). */
  @Column({ name: 'publicity_days', type: 'int' }) publicityDays!: number;
  /** Amber when this many working days or fewer are left. */
  @Column({ name: 'amber_working_days', type: 'int' }) amberWorkingDays!: number;
  @Column({ name: 'general_records_to_blacklist', type: 'int' }) generalRecordsToBlacklist!: number;
  /** Calendar days given to rectify after a failed acceptance. */
  @Column({ name: 'major_rectify_days', type: 'int' }) majorRectifyDays!: number;
  /** Longest 容缺 supply period, in working days. */
  @Column({ name: 'max_missing_documents_working_days', type: 'int' }) maxMissingDocumentsWorkingDays!: number;
  /** A committed date missed by more than this many days: a warning. */
  @Column({ name: 'commitment_grace_days', type: 'int' }) commitmentGraceDays!: number;
  /** … by more than this many days: a general credit record. */
  @Column({ name: 'commitment_record_days', type: 'int' }) commitmentRecordDays!: number;
  /** Minimum publicity of a record before it can be repaired, in months. */
  @Column({ name: 'repair_general_months', type: 'int' }) repairGeneralMonths!: number;
  @Column({ name: 'repair_major_months', type: 'int' }) repairMajorMonths!: number;
  @Column({ name: 'repair_serious_months', type: 'int' }) repairSeriousMonths!: number;
  @Column({ name: 'catalogue', type: 'varchar', length: 32 }) catalogue!: string;
  @Column({ name: 'catalogue_version', type: 'int' }) catalogueVersion!: number;
  @Column({ name: 'published_by', type: 'text' }) publishedBy!: string;
  @Column({ name: 'published_role', type: 'text' }) publishedRole!: string;
  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' }) publishedAt!: Date;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}

@Entity('catalogue_items')
export class CatalogueItemOrm {
  @PrimaryColumn({ type: 'varchar', length: 32 }) catalogue!: string;
  @PrimaryColumn({ type: 'int' }) version!: number;
  @PrimaryColumn({ type: 'varchar', length: 16 }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) department!: string;
  @Column({ type: 'text' }) regime!: Regime;
  @Column({ name: 'legal_limit_days', type: 'int' }) legalLimitDays!: number;
  @Column({ name: 'promised_limit_days', type: 'int' }) promisedLimitDays!: number;
  @Column({ type: 'jsonb' }) documents!: CatalogueDocument[];
  @Column({ type: 'jsonb' }) applies!: Applicability;
  @Column({ type: 'int' }) sort!: number;
  @Column({ type: 'jsonb', default: [] }) prerequisites!: string[];
}

export interface Commitment {
  scope: 'all' | 'partial';
  itemCodes: string[];
  committedDates: MilestoneDates;
  submittedOn: string;
  actorId: string;
  /** The declaration the enterprise confirmed (domain/commitment-declaration.ts) and when; absent on 承诺书 submitted before the declaration was asked for. */
  declaration?: string;
  declarationVersion?: number;
  declarationConfirmedAt?: string;
  actorName?: string;
}

@Entity('cases')
export class CaseOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'project_code', type: 'text' }) projectCode!: string;
  @Column({ name: 'project_name', type: 'text' }) projectName!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ type: 'varchar', length: 32 }) catalogue!: string;
  @Column({ name: 'catalogue_version', type: 'int' }) catalogueVersion!: number;
  @Column({ type: 'text' }) status!: CaseStatus;
  /** The project's lifecycle stage, as project.* events tell it. */
  @Column({ name: 'project_stage', type: 'text' }) projectStage!: string;
  @Column({ name: 'opened_on', type: 'date' }) openedOn!: string;
  @Column({ name: 'notice_number', type: 'text', nullable: true }) noticeNumber!: string | null;
  @Column({ name: 'notice_issued_on', ...date }) noticeIssuedOn!: string | null;
  @Column({ type: 'jsonb', nullable: true }) commitment!: Commitment | null;
  @Column({ name: 'precheck_note', type: 'text', nullable: true }) precheckNote!: string | null;
  @Column({ name: 'publicity_starts_on', ...date }) publicityStartsOn!: string | null;
  @Column({ name: 'publicity_ends_on', ...date }) publicityEndsOn!: string | null;
  @Column({ name: 'decision_number', type: 'text', nullable: true }) decisionNumber!: string | null;
  @Column({ name: 'granted_on', ...date }) grantedOn!: string | null;
  @Column({ name: 'acceptance_requested_on', ...date }) acceptanceRequestedOn!: string | null;
  @Column({ name: 'accepted_on', ...date }) acceptedOn!: string | null;
  @Column({ name: 'acceptance_reasons', type: 'jsonb', nullable: true }) acceptanceReasons!: string[] | null;
  @Column({ name: 'rectify_by', ...date }) rectifyBy!: string | null;
  /** The zone rules the case follows: the version in force when it opened. */
  @Column({ name: 'rules_zone', type: 'varchar', length: 32 }) rulesZone!: string;
  @Column({ name: 'rules_version', type: 'int' }) rulesVersion!: number;
  /** Failed 对标验收 so far: the first orders rectification, a failed re-inspection is a major record. */
  @Column({ name: 'rectification_round', type: 'int', default: 0 }) rectificationRound!: number;
  /** The current round's deadline passed unrectified and its major record was made. */
  @Column({ name: 'rectification_lapse_recorded', type: 'boolean', default: false }) rectificationLapseRecorded!: boolean;
  /** The committed dates missed so far and how far it went (warning, record). */
  @Column({ name: 'missed_milestones', type: 'jsonb', default: {} }) missedMilestones!: Partial<Record<Milestone, MissLevel>>;
  @VersionColumn() version!: number;
}

@Entity('case_items')
export class CaseItemOrm {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @PrimaryColumn({ name: 'item_code', type: 'varchar', length: 16 }) itemCode!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) department!: string;
  @Column({ type: 'text' }) regime!: 'committable' | 'approval';
  @Column({ name: 'legal_limit_days', type: 'int' }) legalLimitDays!: number;
  @Column({ name: 'promised_limit_days', type: 'int' }) promisedLimitDays!: number;
  /** 承诺制 / 审批 / 一般程序; null: a committable item before the 承诺书 chose. */
  @Column({ type: 'text', nullable: true }) procedure!: Procedure | null;
  @Column({ type: 'jsonb', default: [] }) prerequisites!: string[];
  @Column({ name: 'applied_on', ...date }) appliedOn!: string | null;
  /** 受理 due: five working days after the application (stored so that the queue is ordered in SQL); not binding while prerequisites are unmet. */
  @Column({ name: 'acceptance_due_on', ...date }) acceptanceDueOn!: string | null;
  /** 受理: the clock starts. */
  @Column({ name: 'accepted_on', ...date }) acceptedOn!: string | null;
  /** Accepted by law: not accepted or returned within five working days of the application. */
  @Column({ name: 'deemed_accepted', type: 'boolean', default: false }) deemedAccepted!: boolean;
  @Column({ type: 'jsonb', default: [] }) pauses!: Pause[];
  /** Set at 受理, moved when a pause ends. */
  @Column({ name: 'legal_due_on', ...date }) legalDueOn!: string | null;
  @Column({ name: 'promised_due_on', ...date }) promisedDueOn!: string | null;
  @Column({ type: 'jsonb' }) documents!: CatalogueDocument[];
  @Column({ type: 'text' }) status!: ItemStatus;
  @Column({ name: 'revoked_on', ...date }) revokedOn!: string | null;
  @Column({ name: 'revocation_reason', type: 'text', nullable: true }) revocationReason!: string | null;
  @Column({ name: 'decided_on', ...date }) decidedOn!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'missing_documents', type: 'jsonb', nullable: true }) missingDocuments!: { code: string; name: string }[] | null;
  @Column({ name: 'supply_by', ...date }) supplyBy!: string | null;
  @Column({ name: 'supplied_on', ...date }) suppliedOn!: string | null;
  @Column({ name: 'due_soon_raised', type: 'boolean', default: false }) dueSoonRaised!: boolean;
  @Column({ name: 'overdue_raised', type: 'boolean', default: false }) overdueRaised!: boolean;
  @Column({ name: 'breach_recorded', type: 'boolean', default: false }) breachRecorded!: boolean;
  @Column({ type: 'int', default: 0 }) sort!: number;
}

/** One act with legal effect and its 审查意见: what was done, to which item, by whom, when (domain/opinions.ts). */
@Entity('case_opinions')
export class CaseOpinionOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  /** The item acted on; null for an act on the case. */
  @Column({ name: 'item_code', type: 'varchar', length: 16, nullable: true }) itemCode!: string | null;
  @Column({ type: 'text' }) act!: RecordedAct;
  @Column({ type: 'text' }) opinion!: string;
  @Column({ name: 'actor_id', type: 'text' }) actorId!: string;
  @Column({ name: 'actor_name', type: 'text' }) actorName!: string;
  @Column({ name: 'actor_role', type: 'text' }) actorRole!: string;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

@Entity('credit_records')
export class CreditRecordOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) severity!: BreachSeverity;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
  @Column({ name: 'rectify_by', ...date }) rectifyBy!: string | null;
  /** The rectification is recorded (整改完成). */
  @Column({ name: 'rectified_on', ...date }) rectifiedOn!: string | null;
  @Column({ name: 'rectification_note', type: 'text', nullable: true }) rectificationNote!: string | null;
  /** 信用修复: the record no longer counts (after rectification and its minimum publicity). */
  @Column({ name: 'repaired_on', ...date }) repairedOn!: string | null;
  @Column({ name: 'repair_note', type: 'text', nullable: true }) repairNote!: string | null;
}

@Entity('blacklist')
export class BlacklistOrm {
  @PrimaryColumn({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'date' }) since!: string;
}

export const ENTITIES = [ZoneRulesOrm, CatalogueItemOrm, CaseOrm, CaseItemOrm, CaseOpinionOrm, CreditRecordOrm, BlacklistOrm];
