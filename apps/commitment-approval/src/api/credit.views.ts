import { ApiProperty } from '@nestjs/swagger';
import { BREACH_SEVERITIES, type BreachSeverity } from '@devzone/contracts';

/** Response DTOs of the enterprises' credit (GET /enterprises/:creditCode/credit, POST /credit-records/:id/rectify and /repair). */

const DATE = { type: String, format: 'date' } as const;

/** An 异常信用记录 (一般 / 重大 / 严重). */
export class CreditRecordView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) creditCode!: string;
  @ApiProperty({ type: String }) enterpriseName!: string;
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: BREACH_SEVERITIES, enumName: 'BreachSeverity', description: '一般 / 重大 / 严重' }) severity!: BreachSeverity;
  @ApiProperty({ type: String }) reason!: string;
  @ApiProperty(DATE) recordedOn!: string;
  @ApiProperty({ ...DATE, nullable: true, description: '整改期限 (rectify by)' }) rectifyBy!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: '登记整改完成日期 (rectification recorded on)' }) rectifiedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) rectificationNote!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: '信用修复日期 (repaired on)' }) repairedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) repairNote!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: '最短公示期满、可申请修复的日期（按案件规则）(repairable from, by the case’s rules)' }) repairableFrom!: string | null;
}

/** The enterprise on the blacklist (黑名单). */
export class BlacklistEntryView {
  @ApiProperty({ type: String }) creditCode!: string;
  @ApiProperty({ type: String }) enterpriseName!: string;
  @ApiProperty({ type: String }) reason!: string;
  @ApiProperty(DATE) since!: string;
}

/** An enterprise's credit: its records and whether it is blacklisted. */
export class CreditView {
  @ApiProperty({ type: String }) creditCode!: string;
  @ApiProperty({ type: Boolean }) blacklisted!: boolean;
  @ApiProperty({ type: BlacklistEntryView, nullable: true }) blacklist!: BlacklistEntryView | null;
  @ApiProperty({ type: [CreditRecordView] }) records!: CreditRecordView[];
}
