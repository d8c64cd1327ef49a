import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal, Role } from '@devzone/auth';
import { RecipientOrm } from '../infrastructure/orm-entities';

type Kind = RecipientOrm['kind'];

/** A new recipient with the default preferences (every channel, zh-CN, no quiet hours). */
export const recipientRow = (fields: Pick<RecipientOrm, 'id' | 'kind' | 'name'> & Partial<RecipientOrm>): RecipientOrm =>
  ({ zoneCode: null, email: null, webhookUrl: null, webhookSecret: null, channels: ['inbox', 'email', 'webhook'], quietStart: null, quietEnd: null, locale: 'zh-CN', subject: null, mobile: null, ...fields }) as RecipientOrm;

export const kindOfRole = (role: Role | string): Kind => (role === 'enterprise' ? 'enterprise' : role === 'agency-agent' || role === 'agency-supervisor' ? 'agent' : 'officer');

/**
 * The id a person's recipient gets: an agent is known by its agent id (its
 * subject) from agency's events, an officer by its subject; an enterprise
 * contact's id says nothing about the person.
 */
export const recipientIdFor = (kind: Kind, subject: string) => (kind === 'enterprise' ? `ent:${randomUUID()}` : `${kind}:${subject}`);

/** The recipients a person reads (those carrying their subject). */
export async function recipientsOf(manager: EntityManager, subject: string): Promise<RecipientOrm[]> {
  return manager.find(RecipientOrm, { where: { subject }, order: { id: 'ASC' } });
}

/**
 * The caller's own recipient, made from their token the first time they look
 * (an officer becomes a recipient of their zone's notifications by signing in
 * once); the name follows the identity provider.
 */
export async function ownRecipient(manager: EntityManager, p: Principal): Promise<RecipientOrm> {
  const [mine] = await recipientsOf(manager, p.sub);
  if (mine) {
    if (mine.name !== p.name) await manager.update(RecipientOrm, { id: mine.id }, { name: p.name });
    return { ...mine, name: p.name };
  }
  const kind = kindOfRole(p.role);
  const row = recipientRow({ id: recipientIdFor(kind, p.sub), kind, name: p.name, subject: p.sub, zoneCode: kind === 'officer' ? (p.zones[0] ?? null) : null, email: p.email ?? null });
  await manager.createQueryBuilder().insert().into(RecipientOrm).values(row).orUpdate(['subject'], ['id']).execute();
  return (await recipientsOf(manager, p.sub))[0] ?? row;
}
