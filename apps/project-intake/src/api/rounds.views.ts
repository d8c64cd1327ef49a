import { ApiProperty } from '@nestjs/swagger';

/** A 三个一批 round: a zone's window of days, both ends inclusive. */
export class RoundView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, example: 'SX-ZGQ' }) zoneCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '山西转型综合改革示范区' }) zoneName!: string | null;
  @ApiProperty({ type: String, description: '批次名称，开发区内唯一 (unique in the zone)', example: '2026年第四批' }) name!: string;
  @ApiProperty({ type: String, format: 'date', description: '起始日（含）(first day, inclusive)' }) startsOn!: string;
  @ApiProperty({ type: String, format: 'date', description: '截止日（含）(last day, inclusive)' }) endsOn!: string;
  @ApiProperty({ type: String, description: '创建人（账号主体）(the creator’s subject)' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}
