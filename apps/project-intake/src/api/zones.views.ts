import { ApiProperty } from '@nestjs/swagger';

/** A development zone (GET /zones): configuration data, seeded by migration. */
export class ZoneView {
  @ApiProperty({ type: String, example: 'SX-ZGQ' }) code!: string;
  @ApiProperty({ type: String, example: '山西转型综合改革示范区' }) name!: string;
  @ApiProperty({ enum: ['national', 'provincial'], enumName: 'ZoneLevel', description: 'national 国家级 · provincial 省级' }) level!: 'national' | 'provincial';
  @ApiProperty({ type: String, example: '太原市' }) city!: string;
  @ApiProperty({ type: String, description: '6 位行政区划代码：项目代码的地区段 (the region part of project codes)', example: '140100' }) regionCode!: string;
  @ApiProperty({ type: String, description: '项目代码的部门段 (the department part of project codes)', example: '04' }) departmentCode!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '开发区规则（预留）(per-zone rules, as later issues add them)' }) rules!: Record<string, unknown>;
}
