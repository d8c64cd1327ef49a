import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString, MaxLength, Min, registerDecorator, type ValidationArguments } from 'class-validator';
import { IsOnOrAfter, Satisfies } from '@devzone/platform';
import { certificateProblem } from '../domain/land-paths';
import { DATE, dateMessage } from './requests.dto';

const NUMBER = { allowNaN: false, allowInfinity: false } as const;
const positive = (field: string, zh: string) => ({ message: `${zh}应大于 0 (${field} must be positive)` });
const required = (field: string, zh: string) => ({ message: `${zh}不能为空 (${field} is required)` });
const atMost = (field: string, zh: string, n: number) => ({ message: `${zh}不能超过 ${n} 个字符 (${field} has at most ${n} characters)` });

/** This date (YYYY-MM-DD) is strictly after the sibling property's date. */
function IsAfter(property: string, message: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: `isAfter_${property}`,
      target: target.constructor,
      propertyName,
      constraints: [property],
      options: { message },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[args.constraints[0]];
          return typeof value !== 'string' || typeof other !== 'string' || value > other;
        },
      },
    });
}

/** 招拍挂出让合同: no performance agreement, no indicators; the idle-land rules apply. */
export class GrantRequest {
  @ApiProperty({ example: '晋综示让〔2026〕21号', description: '出让合同编号' }) @IsString() @IsNotEmpty(required('number', '出让合同编号')) @MaxLength(100, atMost('number', '出让合同编号', 100)) number!: string;
  @ApiProperty({ example: '2026-11-24', description: '签订日期（不晚于今天）' }) @IsISO8601(DATE, dateMessage('signedOn')) signedOn!: string;
  @ApiProperty({ example: 1_200_000_000, description: '出让价款（分）' }) @IsInt({ message: 'landPriceFen 应为整数（分）(landPriceFen must be whole fen)' }) @Min(1, positive('landPriceFen', '出让价款')) landPriceFen!: number;
  @ApiProperty({ example: 40, description: '出让面积（亩）' }) @IsNumber(NUMBER) @IsPositive(positive('areaMu', '出让面积')) areaMu!: number;
  @ApiProperty({ example: '示范区阳曲园区纬二路以北' }) @IsString() @IsNotEmpty(required('location', '土地坐落')) @MaxLength(200, atMost('location', '土地坐落', 200)) location!: string;
  @ApiProperty({ example: '2027-03-01', description: '约定开工日期' }) @IsISO8601(DATE, dateMessage('agreedStart')) agreedStart!: string;
  @ApiProperty({ example: '2028-06-30', description: '约定竣工日期' })
  @IsISO8601(DATE, dateMessage('agreedCompletion'))
  @IsOnOrAfter('agreedStart', { message: '约定竣工日期不能早于约定开工日期 (agreedCompletion must not be before agreedStart)' })
  agreedCompletion!: string;
  @ApiPropertyOptional({ description: '约定投产日期' })
  @IsOptional()
  @IsISO8601(DATE, dateMessage('agreedProduction'))
  @IsOnOrAfter('agreedCompletion', { message: '约定投产日期不能早于约定竣工日期 (agreedProduction must not be before agreedCompletion)' })
  agreedProduction?: string;
}

/** 自有用地: the enterprise's 不动产权证. */
export class OwnLandRequest {
  @ApiProperty({ example: '晋(2026)太原市不动产权第0012345号', description: '不动产权证号' })
  @IsString({ message: '不动产权证号应为文字 (certificateNumber must be a string)' })
  @Satisfies((v) => typeof v === 'string' && certificateProblem(v) === null, (v) => {
    const p = certificateProblem(String(v ?? ''));
    return p ? `${p.zh} (${p.en})` : '';
  })
  certificateNumber!: string;
  @ApiProperty({ example: 35, description: '用地面积（亩）' }) @IsNumber(NUMBER) @IsPositive(positive('areaMu', '用地面积')) areaMu!: number;
  @ApiProperty({ example: '示范区潇河园区建材路8号' }) @IsString() @IsNotEmpty(required('location', '土地坐落')) @MaxLength(200, atMost('location', '土地坐落', 200)) location!: string;
}

/** 租赁厂房 / 标准厂房. */
export class LeaseRequest {
  @ApiProperty({ example: 'ZL-2026-031', description: '租赁合同编号' }) @IsString() @IsNotEmpty(required('contractNumber', '租赁合同编号')) @MaxLength(100, atMost('contractNumber', '租赁合同编号', 100)) contractNumber!: string;
  @ApiProperty({ example: '山西转型综改示范区产业园运营有限公司', description: '出租方（常为开发区运营公司）' }) @IsString() @IsNotEmpty(required('landlord', '出租方')) @MaxLength(200, atMost('landlord', '出租方', 200)) landlord!: string;
  @ApiProperty({ example: '潇河产业园区标准厂房 3 号楼', description: '租赁场所' }) @IsString() @IsNotEmpty(required('premises', '租赁场所')) @MaxLength(200, atMost('premises', '租赁场所', 200)) premises!: string;
  @ApiProperty({ example: 6000, description: '租赁建筑面积（m²）' }) @IsNumber(NUMBER) @IsPositive(positive('floorAreaM2', '租赁建筑面积')) floorAreaM2!: number;
  @ApiProperty({ example: '2027-01-01' }) @IsISO8601(DATE, dateMessage('leaseFrom')) leaseFrom!: string;
  @ApiProperty({ example: '2031-12-31' }) @IsISO8601(DATE, dateMessage('leaseTo')) @IsAfter('leaseFrom', '租赁截止日期应晚于起始日期 (leaseTo must be after leaseFrom)') leaseTo!: string;
  @ApiProperty({ description: '是否标准厂房' }) @IsBoolean({ message: 'standardFactory 应为 true/false (standardFactory must be a boolean)' }) standardFactory!: boolean;
}
