import { buildEvent } from './event-codec';
import { ApprovalCaseGranted } from './events/approval/approval.events';

const payload = { caseId: crypto.randomUUID(), decisionNumber: '晋综示承批〔2026〕1号', grantedOn: '2026-11-30' };

describe('the envelope’s actor', () => {
  it('carries the person’s name when there is one, and nothing when there is none', () => {
    const named = buildEvent(ApprovalCaseGranted, { projectId: crypto.randomUUID(), source: 'commitment-approval', payload, actor: { id: 'sx-officer', role: 'zone-officer', name: '王敏' } });
    expect(named.actor).toEqual({ id: 'sx-officer', role: 'zone-officer', name: '王敏' });
    const unnamed = buildEvent(ApprovalCaseGranted, { projectId: crypto.randomUUID(), source: 'commitment-approval', payload, actor: { id: 'deadline-checker', role: 'system' } });
    expect(unnamed.actor).toEqual({ id: 'deadline-checker', role: 'system' });
  });

  it('refuses a name longer than 64 characters', () => {
    expect(() => buildEvent(ApprovalCaseGranted, { projectId: crypto.randomUUID(), source: 'commitment-approval', payload, actor: { id: 'x', role: 'zone-officer', name: '名'.repeat(65) } })).toThrow(/name/);
  });
});
