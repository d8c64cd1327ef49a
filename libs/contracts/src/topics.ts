/**
 * Every Kafka topic of the product, one per bounded context (architecture §3).
 * Each has a dead-letter twin `<topic>.dlq`. Topics are created by the services'
 * own provisioning code (libs/messaging), never by the broker.
 */
export const Topics = {
  project: 'project.events',
  approval: 'approval.events',
  land: 'land.events',
  agency: 'agency.events',
  notification: 'notification.events',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

export const DLQ_SUFFIX = '.dlq';

export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/** The service names that appear as `source` in envelopes and as consumer names. */
export const Services = {
  projectIntake: 'project-intake',
  commitmentApproval: 'commitment-approval',
  standardLand: 'standard-land',
  agency: 'agency',
  notifications: 'notifications',
} as const;

export type ServiceName = (typeof Services)[keyof typeof Services];
