import { findEventDefinition, knownVersions, type NotificationChannel } from '@devzone/contracts';

/**
 * Who hears about what (seeded into `notification_rules` by the migrations,
 * editable as data): event type → recipients → template (the event type) →
 * channels. Urgent messages ignore quiet hours. `invitee`: the person an
 * account invitation is for (the event names them; no project needed).
 */
export const RECIPIENT_KINDS = ['enterprise', 'agent', 'zone-officers', 'team-lead', 'invitee'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface NotificationRule {
  eventType: string;
  recipients: RecipientKind[];
  channels: NotificationChannel[];
  urgent: boolean;
}

const ALL: NotificationChannel[] = ['inbox', 'email', 'webhook'];
const rule = (eventType: string, recipients: RecipientKind[], urgent = false): NotificationRule => ({ eventType, recipients, channels: ALL, urgent });

export const DEFAULT_RULES: NotificationRule[] = [
  // The set-password link is for the invitee's eyes only: e-mail, never the inbox or a webhook.
  { eventType: 'project.account-invited', recipients: ['invitee'], channels: ['email'], urgent: true },
  rule('project.signed', ['enterprise', 'zone-officers']),
  rule('project.stage-changed', ['enterprise', 'agent']),
  rule('approval.notice-issued', ['enterprise', 'agent']),
  rule('approval.commitment-submitted', ['enterprise', 'zone-officers']),
  rule('approval.publicity-ended', ['enterprise']),
  rule('approval.corrections-requested', ['enterprise', 'agent'], true),
  rule('approval.item-granted', ['enterprise', 'agent']),
  rule('approval.item-rejected', ['enterprise', 'agent'], true),
  rule('approval.case-granted', ['enterprise', 'agent', 'zone-officers']),
  rule('approval.item-due-soon', ['zone-officers', 'agent']),
  rule('approval.item-overdue', ['zone-officers', 'agent'], true),
  rule('approval.acceptance-passed', ['enterprise']),
  rule('approval.acceptance-failed', ['enterprise', 'zone-officers'], true),
  rule('approval.blacklisted', ['enterprise', 'zone-officers'], true),
  // 承诺制 as bureaus run it: each item's clock, and every step of enforcement told to the enterprise.
  rule('approval.item-applied', ['zone-officers', 'agent']),
  rule('approval.item-accepted', ['enterprise', 'agent']),
  rule('approval.item-paused', ['enterprise', 'agent']),
  rule('approval.item-resumed', ['enterprise', 'agent']),
  rule('approval.rectification-ordered', ['enterprise', 'zone-officers'], true),
  rule('approval.breach-recorded', ['enterprise', 'zone-officers'], true),
  rule('approval.grant-revoked', ['enterprise', 'agent', 'zone-officers'], true),
  rule('approval.commitment-date-missed', ['enterprise', 'zone-officers'], true),
  rule('approval.credit-repaired', ['enterprise']),
  rule('approval.blacklist-lifted', ['enterprise', 'zone-officers']),
  rule('land.plot-reserved', ['enterprise']),
  rule('land.contract-signed', ['enterprise', 'agent']),
  rule('land.check-passed', ['enterprise']),
  rule('land.check-failed', ['enterprise', 'zone-officers'], true),
  rule('land.rectification-due', ['enterprise'], true),
  // Land: every consequence told to the enterprise, and to the land officers.
  rule('land.penalty-assessed', ['enterprise', 'zone-officers'], true),
  rule('land.idle-land', ['enterprise', 'zone-officers'], true),
  rule('land.indicator-at-risk', ['enterprise', 'zone-officers']),
  rule('agency.agent-assigned', ['enterprise', 'agent']),
  rule('agency.task-escalated', ['team-lead'], true),
  rule('agency.task-overdue', ['agent'], true),
  rule('agency.delegation-closed', ['enterprise']),
];

/** What kind of message an event makes, in Chinese: its contract's title (审批事项准予, 代办事项超期 …), else the type. */
export function kindName(eventType: string): string {
  const versions = knownVersions(eventType);
  return (versions.length && findEventDefinition(eventType, Math.max(...versions))?.title) || eventType;
}
