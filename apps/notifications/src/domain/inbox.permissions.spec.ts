import { ROLES } from '@devzone/auth';
import { INBOX_ACTIONS, INBOX_COMMAND_ROLES, inboxActions } from './inbox.permissions';

const mine = 'ent:6f1c0d52-2b7e-4c1a-9f3e-5a4b3c2d1e0f';
const unread = { recipientId: mine, readAt: null };
const read = { recipientId: mine, readAt: new Date('2026-12-04T08:00:00Z') };

describe('the actions on an inbox entry', () => {
  it.each(ROLES)('offers a %s to read its own unread entry', (role) => {
    expect(inboxActions(unread, { role, recipients: [mine] })).toEqual(['read']);
  });

  it('offers nothing on an entry already read (as a date or as the ISO string of the answer)', () => {
    expect(inboxActions(read, { role: 'enterprise', recipients: [mine] })).toEqual([]);
    expect(inboxActions({ recipientId: mine, readAt: '2026-12-04T08:00:00.000Z' }, { role: 'zone-officer', recipients: [mine] })).toEqual([]);
  });

  it('offers nothing on somebody else’s entry, not even to an admin', () => {
    expect(inboxActions(unread, { role: 'enterprise', recipients: ['ent:someone-else'] })).toEqual([]);
    expect(inboxActions(unread, { role: 'admin', recipients: ['officer:admin'] })).toEqual([]);
    expect(inboxActions(unread, { role: 'zone-officer', recipients: [] })).toEqual([]);
  });

  it('reads an entry of any of the caller’s recipients (an agent who is also a contact)', () => {
    expect(inboxActions({ recipientId: 'agent:a-17', readAt: null }, { role: 'agency-agent', recipients: [mine, 'agent:a-17'] })).toEqual(['read']);
  });

  it('names the roles of every action once, and every role has an inbox', () => {
    expect(Object.keys(INBOX_COMMAND_ROLES).sort()).toEqual([...INBOX_ACTIONS].sort());
    expect([...INBOX_COMMAND_ROLES.read].sort()).toEqual([...ROLES].sort());
  });
});
