import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { Actor, EnvelopeSchema, type EventEnvelope } from './envelope';
import { findEventDefinition, knownVersions, type EventDefinition } from './registry';
import { flattenValidationErrors, type FieldIssue } from './validation';

/**
 * A message or an event that breaks its contract. `issues` name each field and
 * the reason; the message is one line a log or a dead-letter header can carry.
 */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  constructor(
    readonly issues: FieldIssue[],
    readonly eventType?: string,
  ) {
    super(
      `${eventType ? `${eventType}: ` : ''}` +
        issues.map((i) => `${i.field}: ${i.reason}`).join('; '),
    );
  }
}

const ON_CONSUME: ValidatorOptions = { forbidUnknownValues: true };
// Producers may not send fields the contract does not name; consumers tolerate
// them, so that adding an optional field does not break older consumers.
const ON_PUBLISH: ValidatorOptions = { forbidUnknownValues: true, whitelist: true, forbidNonWhitelisted: true };

function check<T extends object>(cls: new () => T, plain: unknown, options: ValidatorOptions, prefix: string, eventType?: string): T {
  const instance = plainToInstance(cls, plain);
  const issues = flattenValidationErrors(validateSync(instance as object, options), prefix);
  if (issues.length) throw new ContractViolation(issues, eventType);
  return instance;
}

/**
 * Parses what came off the wire (bytes, a string or an object) into an
 * envelope whose payload has been validated against the class registered for
 * its (type, version). Throws ContractViolation naming the field otherwise.
 */
export function parseEvent<P = unknown>(raw: Buffer | string | object | null | undefined): EventEnvelope<P> {
  let plain: unknown = raw;
  if (raw == null) throw new ContractViolation([{ field: '(message)', reason: 'the message is empty' }]);
  if (Buffer.isBuffer(raw) || typeof raw === 'string') {
    try {
      plain = JSON.parse(raw.toString());
    } catch (error) {
      throw new ContractViolation([{ field: '(message)', reason: `not valid JSON: ${(error as Error).message}` }]);
    }
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new ContractViolation([{ field: '(message)', reason: 'the message must be a JSON object' }]);
  }
  const envelope = check(EnvelopeSchema, plain, ON_CONSUME, '');
  const definition = findEventDefinition(envelope.type, envelope.version);
  if (!definition) {
    const versions = knownVersions(envelope.type);
    throw new ContractViolation(
      [
        versions.length
          ? { field: 'version', reason: `version ${envelope.version} of ${envelope.type} is not known here (known: ${versions.join(', ')})` }
          : { field: 'type', reason: `unknown event type ${envelope.type}` },
      ],
      envelope.type,
    );
  }
  const payload = check(definition.payload, envelope.payload, ON_CONSUME, 'payload', envelope.type);
  return { ...(plain as EventEnvelope<P>), payload: payload as P };
}

export interface BuildEventInput<P> {
  projectId: string;
  payload: P;
  source: string;
  actor?: Actor;
  /** The event or command this one answers; defaults to a new correlation. */
  correlationId?: string;
  causationId?: string | null;
  id?: string;
  occurredAt?: Date | string;
}

/**
 * Builds an envelope for an event of the given definition and validates it
 * strictly (no unknown fields). Throws ContractViolation naming the field.
 */
export function buildEvent<P extends object>(definition: EventDefinition<P>, input: BuildEventInput<P>): EventEnvelope<P> {
  const id = input.id ?? randomUUID();
  const occurredAt = input.occurredAt instanceof Date ? input.occurredAt.toISOString() : (input.occurredAt ?? new Date().toISOString());
  const envelope: EventEnvelope<P> = {
    id,
    type: definition.type,
    version: definition.version,
    occurredAt,
    projectId: input.projectId,
    source: input.source,
    correlationId: input.correlationId ?? id,
    causationId: input.causationId ?? null,
    ...(input.actor ? { actor: { id: input.actor.id, role: input.actor.role, ...(input.actor.name ? { name: input.actor.name } : {}) } } : {}),
    payload: input.payload,
  };
  check(EnvelopeSchema, { ...envelope, payload: {} }, ON_PUBLISH, '', definition.type);
  check(definition.payload, input.payload, ON_PUBLISH, 'payload', definition.type);
  // What travels is plain JSON: what was validated is what is sent.
  return JSON.parse(JSON.stringify(envelope)) as EventEnvelope<P>;
}
