import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../registry';
import { Topics } from '../../topics';
import { DATE_ONLY, MilestoneDates } from '../common/values';

/** 统一社会信用代码 (GB 32100-2015): 18 characters; the check character is verified by project-intake. */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** 项目代码 (GB/T 40058-2021 style): YYMM-region6-dept2-type2-serial5 + check character, 24 characters. */
export const PROJECT_CODE_PATTERN = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{5}[0-9A-Z]$/;
/** 项目类型 (GB/T 40058): the two digits of the project code after the department. */
export const PROJECT_TYPES = {
  'capital-construction': '01', // 基本建设项目
  'technical-renovation': '02', // 技术改造项目
  'equipment-purchase': '03', // 单纯购置项目
  information: '04', // 信息化项目
  other: '99', // 其他项目
} as const;
export type ProjectType = keyof typeof PROJECT_TYPES;

export class EnterpriseRef {
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @Matches(CREDIT_CODE_PATTERN, { message: 'creditCode must be an 18-character unified social credit code (统一社会信用代码)' })
  creditCode!: string;
}

export class Contact {
  @IsString() @IsNotEmpty() @MaxLength(50)
  name!: string;

  @Matches(/^1\d{10}$/, { message: 'mobile must be an 11-digit mainland mobile number' })
  mobile!: string;

  @IsOptional() @IsEmail()
  email?: string;

  /** The contact's account at the identity provider (its subject), when accounts are provisioned. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100)
  userId?: string;
}

/** 签约: an investment project was signed and registered in a zone (lifecycle stage 1). */
export class ProjectSignedV1 {
  @Matches(PROJECT_CODE_PATTERN, { message: 'projectCode must be a 24-character project code (项目代码)' })
  projectCode!: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @ValidateNested() @Type(() => EnterpriseRef)
  enterprise!: EnterpriseRef;

  @IsString() @IsNotEmpty()
  zoneCode!: string;

  /** 国民经济行业分类代码 (GB/T 4754), e.g. "C3981". */
  @Matches(/^[A-T]\d{2,4}$/, { message: 'industryCode must be a GB/T 4754 industry code such as C3981' })
  industryCode!: string;

  /** 总投资, 万元 */
  @IsNumber() @Min(0)
  totalInvestment!: number;

  /** 固定资产投资, 万元 */
  @IsNumber() @Min(0)
  fixedAssetInvestment!: number;

  /** 预计年产值, 万元 */
  @IsNumber() @Min(0)
  projectedAnnualOutput!: number;

  /** 用地需求, 亩; 0 when the project uses existing premises. */
  @IsNumber() @Min(0)
  landAreaMu!: number;

  /** 是否采用标准地 */
  @IsBoolean()
  usesStandardLand!: boolean;

  /** 是否申请全代办 */
  @IsBoolean()
  wantsFullAgency!: boolean;

  @IsIn(Object.keys(PROJECT_TYPES))
  projectType!: ProjectType;

  @ValidateNested() @Type(() => MilestoneDates)
  plannedDates!: MilestoneDates;

  @IsISO8601(DATE_ONLY)
  signedOn!: string;

  /** 三个一批 round, e.g. "2026-Q3" */
  @IsOptional() @IsString() @MaxLength(40)
  threeBatchesRound?: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => Contact)
  contacts!: Contact[];
}

export const ProjectSigned = defineEvent({
  type: 'project.signed',
  version: 1,
  topic: Topics.project,
  payload: ProjectSignedV1,
  title: '项目签约',
});

/**
 * A person was given an account on the platform and is invited to set a
 * password: an enterprise contact when its project is registered (the envelope's
 * projectId is the project), or a staff member an administrator created (the
 * envelope's projectId is the account's id). `setPasswordUrl` carries a
 * one-time secret: it goes to the invitee by e-mail and to nobody else
 * (project-intake's timeline leaves it out).
 */
export class ProjectAccountInvitedV1 {
  /** The identity provider's subject of the new account. */
  @IsString() @IsNotEmpty() @MaxLength(100)
  userId!: string;

  /** What the person signs in with (an enterprise contact: the mobile number). */
  @IsString() @IsNotEmpty() @MaxLength(100)
  username!: string;

  @IsString() @IsNotEmpty() @MaxLength(50)
  name!: string;

  @IsEmail()
  email!: string;

  @IsIn(['zone-officer', 'department-officer', 'agency-agent', 'agency-supervisor', 'enterprise', 'zone-manager', 'province-manager', 'admin'])
  role!: string;

  /** For an enterprise contact: the enterprise it acts for. */
  @IsOptional() @IsString() @MaxLength(200)
  enterpriseName?: string;

  @IsString() @Matches(/^https?:\/\/\S+$/, { message: 'setPasswordUrl must be an http(s) URL' })
  setPasswordUrl!: string;

  @IsISO8601()
  expiresAt!: string;
}

export const ProjectAccountInvited = defineEvent({
  type: 'project.account-invited',
  version: 1,
  topic: Topics.project,
  payload: ProjectAccountInvitedV1,
  title: '邀请开通平台账号',
});
