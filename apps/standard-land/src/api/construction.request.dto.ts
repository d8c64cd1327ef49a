import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsOnOrAfter } from '@devzone/platform';
import { EXEMPTION_CAUSES, type ExemptionCause } from '../domain/idle-land';
import { DATE, dateMessage } from './requests.dto';

const NUMBER = { allowNaN: false, allowInfinity: false } as const;

/** 施工进度: cumulative figures. */
export class ProgressRequest {
  @ApiPropertyOptional({ example: '2027-09-30', description: '填报日期（不晚于今天，默认今天）' }) @IsOptional() @IsISO8601(DATE, dateMessage('reportedOn')) reportedOn?: string;
  @ApiProperty({ example: 12000, description: '累计已建建筑面积（m²）' })
  @IsNumber(NUMBER, { message: 'builtFloorAreaM2 应为数字 (builtFloorAreaM2 must be a number)' })
  @Min(0, { message: '已建建筑面积不能为负 (builtFloorAreaM2 must not be negative)' })
  builtFloorAreaM2!: number;
  @ApiProperty({ example: 8000, description: '累计已完成投资（万元）' })
  @IsNumber(NUMBER, { message: 'investmentMade 应为数字 (investmentMade must be a number)' })
  @Min(0, { message: '已完成投资不能为负 (investmentMade must not be negative)' })
  investmentMade!: number;
}

/** 政府原因造成的迟延 (闲置土地处置办法 第八条). */
export class ExemptionRequest {
  @ApiProperty({ enum: EXEMPTION_CAUSES, description: 'planning-change 规划调整 / land-not-delivered 未按约定交地 / military-or-heritage 军事管制、文物保护 / other-government 其他政府原因' })
  @IsIn(EXEMPTION_CAUSES, { message: `cause 应为 ${EXEMPTION_CAUSES.join(' / ')}` })
  cause!: ExemptionCause;
  @ApiProperty({ example: '因片区控制性详细规划调整，暂停办理建设工程规划许可', description: '原因说明（≤500 字）' })
  @IsString()
  @IsNotEmpty({ message: '须说明政府原因 (reason is required)' })
  @MaxLength(500, { message: '原因说明不超过 500 字 (reason has at most 500 characters)' })
  reason!: string;
  @ApiProperty({ example: '2027-04-01' }) @IsISO8601(DATE, dateMessage('from')) from!: string;
  @ApiPropertyOptional({ example: '2027-09-30', description: '结束日期；不填为仍在持续' })
  @IsOptional()
  @IsISO8601(DATE, dateMessage('to'))
  @IsOnOrAfter('from', { message: '结束日期不能早于开始日期 (to must not be before from)' })
  to?: string;
}
