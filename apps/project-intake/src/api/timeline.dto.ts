import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Services, TIMELINE_KINDS, type ServiceName, type TimelineKind } from '@devzone/contracts';
import { PageQuery } from '@devzone/platform';

const SERVICES = Object.values(Services);
const ORDERS = ['asc', 'desc'] as const;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** GET /projects/:id/timeline: a page of the project's timeline, newest first unless asked otherwise, narrowed by service, kind or object. */
export class TimelineQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORDERS, enumName: 'TimelineOrder', default: 'desc', description: 'desc 最新在前（默认）· asc 按发生先后 (newest first by default)' })
  @IsOptional()
  @IsIn(ORDERS, { message: 'order 应为 asc（按发生先后）或 desc（最新在前） (order must be asc or desc)' })
  order?: (typeof ORDERS)[number];

  @ApiPropertyOptional({ enum: SERVICES, enumName: 'ServiceName', description: '只看此服务发出的事件 (only the events of this service)' })
  @IsOptional()
  @IsIn(SERVICES, { message: `source 应为 ${SERVICES.join(' / ')} 之一 (unknown service)` })
  source?: ServiceName;

  @ApiPropertyOptional({
    enum: TIMELINE_KINDS,
    enumName: 'TimelineKind',
    description: '类别：approval 审批 · land 土地 · agency 代办 · lifecycle 项目（签约、阶段变更） · notice 通知 (by the event type’s context)',
  })
  @IsOptional()
  @IsIn(TIMELINE_KINDS, { message: `kind 应为 ${TIMELINE_KINDS.join(' / ')} 之一 (unknown kind)` })
  kind?: TimelineKind;

  @ApiPropertyOptional({
    description: '只看关于此对象的记录：审批事项代码（A05）、地块编号、核验阶段（completion / full-production）或代办事项编号（entry.object） (entries about this object: an item code, a plot code, a check stage or a task id)',
    minLength: 1,
    maxLength: 100,
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'object 应为 1–100 个字符 (object must be 1-100 characters)' })
  @Length(1, 100, { message: 'object 应为 1–100 个字符 (object must be 1-100 characters)' })
  object?: string;
}
