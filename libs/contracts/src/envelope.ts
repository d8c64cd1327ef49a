import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Who caused an event: a person (officer, agent, enterprise user) or a system. */
export const ACTOR_ROLES = [
  'system',
  'zone-officer',
  'department-officer',
  'approval-officer',
  'land-officer',
  'agency-agent',
  'agency-supervisor',
  'enterprise',
  'zone-manager',
  'province-manager',
  'admin',
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export class Actor {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  id!: string;

  @IsIn(ACTOR_ROLES)
  role!: ActorRole;

  /** The person's name as the identity provider gives it (王敏), for people to read; absent for a system and on older events. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;
}

/**
 * The one shape of every event (architecture §3). `id` is the inbox key,
 * `projectId` is the Kafka message key (per-project ordering).
 */
export interface EventEnvelope<P = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  projectId: string;
  source: string;
  correlationId: string;
  causationId: string | null;
  actor?: Actor;
  payload: P;
}

/** class-validator rules for the envelope; the payload is checked by its own class. */
export class EnvelopeSchema implements EventEnvelope<Record<string, unknown>> {
  @IsUUID()
  id!: string;

  @IsString()
  @Matches(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/, { message: 'type must look like "<context>.<event>", e.g. "project.signed"' })
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsUUID()
  projectId!: string;

  @IsString()
  @IsNotEmpty()
  source!: string;

  @IsUUID()
  correlationId!: string;

  @IsOptional()
  @IsUUID()
  causationId!: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => Actor)
  actor?: Actor;

  @IsDefined()
  @IsObject()
  payload!: Record<string, unknown>;
}
