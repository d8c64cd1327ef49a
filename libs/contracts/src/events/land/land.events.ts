/**
 * land.* events that project-intake consumes. Defined here, ahead of the
 * standard-land service (issue 5), from domain.md §2.2; that service publishes
 * exactly these and adds its other events beside them.
 */
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../registry';
import { Topics } from '../../topics';
import { AgreedDates, DATE_ONLY } from '../common/values';

/** 出让合同 (and the 履约监管协议) signed: the project's land is secured, with agreed dates. */
export class LandContractSignedV1 {
  @IsString() @IsNotEmpty() @MaxLength(50) plotCode!: string;
  /** 出让合同编号 */
  @IsString() @IsNotEmpty() @MaxLength(100) contractNumber!: string;
  @IsISO8601(DATE_ONLY) signedOn!: string;
  @IsNumber() @Min(0) areaMu!: number;
  /** 出让价款, in fen (integer; never floating-point money). */
  @IsInt() @Min(0) landPriceFen!: number;
  @ValidateNested() @Type(() => AgreedDates) agreedDates!: AgreedDates;
  /** 履约监管协议编号 */
  @IsOptional() @IsString() @MaxLength(100) performanceAgreementNumber?: string;
}

export const LandContractSigned = defineEvent({
  type: 'land.contract-signed',
  version: 1,
  topic: Topics.land,
  payload: LandContractSignedV1,
  title: '签订土地出让合同',
});
