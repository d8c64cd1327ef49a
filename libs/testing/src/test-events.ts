import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from '@devzone/contracts';

/** Test-only topic and event: a counter per project, stepped in order. */
export const TEST_TOPIC = 'test.events';

export class CounterSteppedV1 {
  @IsUUID() counterId!: string;
  @IsInt() @Min(1) step!: number;
  @IsOptional() @IsString() note?: string;
  /** The consumer's handler throws for this event, always. */
  @IsOptional() @IsBoolean() poison?: boolean;
}

export const CounterStepped = defineEvent({
  type: 'test.counter-stepped',
  version: 1,
  topic: TEST_TOPIC,
  payload: CounterSteppedV1,
  title: '测试计数',
});
