import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { BreachSeverity, MilestoneDates } from '@devzone/contracts';
import type { Applicability, CatalogueDocument, Regime } from '../domain/catalogue';
import type { CaseStatus } from '../domain/case.state-machine';
import type { ItemStatus } from '../domain/item.state-machine';

const date = { type: 'date' as const, nullable: true };

/** Per-zone rules; the row with zone_code '*' holds the defaults. */
@Entity('zone_settings')
export class ZoneSettingsOrm {
  @PrimaryColumn({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  /** 公示期, calendar days (0: no publicity). */
  @Column({ name: 'publicity_days', type: 'int' }) publicityDays!: number;
  /** Amber when this many working days or fewer are left. */
  @Column({ name: 'amber_working_days', type: 'int' }) amberWorkingDays!: number;
  @Column({ name: 'general_records_to_blacklist', type: 'int' }) generalRecordsToBlacklist!: number;
  /** Calendar days given to rectify after a failed acceptance. */
  @Column({ name: 'major_rectify_days', type: 'int' }) majorRectifyDays!: number;
  /** Longest 容缺 supply period, in working days. */
  @Column({ name: 'max_missing_documents_working_days', type: 'int' }) maxMissingDocumentsWorkingDays!: number;
  @Column({ name: 'catalogue', type: 'varchar', length: 32 }) catalogue!: string;
  @Column({ name: 'catalogue_version', type: 'int' }) catalogueVersion!: number;
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
}

export interface Commitment {
  scope: 'all' | 'partial';
  itemCodes: string[];
  committedDates: MilestoneDates;
  submittedOn: string;
  actorId: string;
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
  @Column({ name: 'legal_due_on', type: 'date' }) legalDueOn!: string;
  @Column({ name: 'promised_due_on', type: 'date' }) promisedDueOn!: string;
  @Column({ type: 'jsonb' }) documents!: CatalogueDocument[];
  @Column({ type: 'text' }) status!: ItemStatus;
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
  @Column({ name: 'rectified_on', ...date }) rectifiedOn!: string | null;
  @Column({ name: 'rectification_note', type: 'text', nullable: true }) rectificationNote!: string | null;
}

@Entity('blacklist')
export class BlacklistOrm {
  @PrimaryColumn({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'date' }) since!: string;
}

export const ENTITIES = [ZoneSettingsOrm, CatalogueItemOrm, CaseOrm, CaseItemOrm, CreditRecordOrm, BlacklistOrm];
