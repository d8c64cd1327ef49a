import type { ClassConstructor } from 'class-transformer';

/**
 * One event type at one version: its name, the topic it travels on and the
 * class-validator class of its payload. Every event class in this library is
 * declared through `defineEvent`, which also registers it, so that a consumer
 * can validate whatever arrives by (type, version).
 */
export interface EventDefinition<P extends object = object> {
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  readonly payload: ClassConstructor<P>;
  /** One line in zh-CN that says what happened, for timelines and logs. */
  readonly title: string;
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

const definitions = new Map<string, EventDefinition>();

const keyOf = (type: string, version: number) => `${type}@${version}`;

export function defineEvent<P extends object>(definition: EventDefinition<P>): EventDefinition<P> {
  const key = keyOf(definition.type, definition.version);
  const existing = definitions.get(key);
  if (existing && existing.payload !== definition.payload) {
    throw new Error(`event ${key} is defined twice with different payload classes`);
  }
  definitions.set(key, definition as EventDefinition);
  return definition;
}

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return definitions.get(keyOf(type, version));
}

export function knownVersions(type: string): number[] {
  return [...definitions.values()].filter((d) => d.type === type).map((d) => d.version);
}

export function allEventDefinitions(): EventDefinition[] {
  return [...definitions.values()];
}
