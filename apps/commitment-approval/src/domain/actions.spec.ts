import type { Principal } from '@devzone/auth';
import { caseActions, itemActions, type CaseState, type ItemState } from './actions';
import type { CaseStatus } from './case.state-machine';
import type { ItemStatus } from './item.state-machine';

const FGJ = '发展和改革局';
const ZJJ = '住房和城乡建设局';
type Caller = Pick<Principal, 'role' | 'department'>;
const zoneOfficer: Caller = { role: 'zone-officer' };
const enterprise: Caller = { role: 'enterprise' };
const agent: Caller = { role: 'agency-agent' };
const admin: Caller = { role: 'admin' };
const manager: Caller = { role: 'zone-manager' };
const province: Caller = { role: 'province-manager' };
const fgj: Caller = { role: 'department-officer', department: FGJ };
const zjj: Caller = { role: 'department-officer', department: ZJJ };

const TODAY = '2026-12-01';
const kase = (status: CaseStatus, more: Partial<CaseState> = {}): CaseState => ({ status, projectStage: 'SIGNED', publicityEndsOn: null, ...more });
const item = (status: ItemStatus, more: Partial<ItemState> = {}): ItemState => ({ itemCode: 'A01', name: '企业投资项目备案', department: FGJ, status, procedure: 'approval', prerequisites: [], pauses: [], ...more });
const open = (reason: 'hearing' | 'publicity' | 'corrections') => [{ reason, to: null }];

describe('the case actions: the case commands the caller may take now', () => {
  it.each<[string, CaseState, Caller, string[]]>([
    ['an officer issues the notice of an opened case', kase('OPENED'), zoneOfficer, ['notice']],
    ['the enterprise waits for the notice', kase('OPENED'), enterprise, []],
    ['the enterprise commits (or chooses 一般程序) once notified', kase('NOTIFIED'), enterprise, ['commitment']],
    ['an agent commits for it', kase('NOTIFIED'), agent, ['commitment']],
    ['a zone officer may act for the enterprise too', kase('NOTIFIED'), zoneOfficer, ['commitment']],
    ['an officer pre-checks a commitment', kase('COMMITTED'), zoneOfficer, ['precheck']],
    ['the enterprise does not pre-check', kase('COMMITTED'), enterprise, []],
    ['nobody ends a publicity before its end date', kase('IN_PUBLICITY', { publicityEndsOn: '2026-12-08' }), zoneOfficer, []],
    ['an officer ends it on its end date', kase('IN_PUBLICITY', { publicityEndsOn: TODAY }), zoneOfficer, ['publicity-end']],
    ['a deciding case has no case command: its items are decided', kase('DECIDING'), admin, []],
    ['no acceptance before the project is completed', kase('GRANTED', { projectStage: 'UNDER_CONSTRUCTION' }), enterprise, []],
    ['the enterprise requests acceptance once completed', kase('GRANTED', { projectStage: 'COMPLETED' }), enterprise, ['acceptance-request']],
    ['and again after rectifying', kase('RECTIFYING', { projectStage: 'IN_PRODUCTION' }), agent, ['acceptance-request']],
    ['an officer records the acceptance result', kase('ACCEPTANCE_REQUESTED', { projectStage: 'COMPLETED' }), zoneOfficer, ['acceptance']],
    ['the enterprise does not record it', kase('ACCEPTANCE_REQUESTED', { projectStage: 'COMPLETED' }), enterprise, []],
    ['an accepted case is closed', kase('ACCEPTED', { projectStage: 'COMPLETED' }), admin, []],
    ['a revoked case takes nothing', kase('REVOKED'), admin, []],
  ])('%s', (_name, c, caller, expected) => {
    expect(caseActions(c, caller, TODAY)).toEqual(expected);
  });

  it('gives department officers and read-only managers no case command in any status', () => {
    const statuses: CaseState[] = [kase('OPENED'), kase('NOTIFIED'), kase('COMMITTED'), kase('IN_PUBLICITY'), kase('GRANTED', { projectStage: 'COMPLETED' }), kase('ACCEPTANCE_REQUESTED')];
    for (const caller of [fgj, manager, province]) for (const c of statuses) expect(caseActions(c, caller, TODAY)).toEqual([]);
  });
});

describe('the item actions: the item commands the caller may take now', () => {
  it('lets the item’s own department accept an application and decide on it (不予受理), and no other department', () => {
    expect(itemActions(item('APPLIED'), [], 'DECIDING', fgj)).toEqual(['acceptance', 'decision']);
    expect(itemActions(item('APPLIED'), [], 'DECIDING', zjj)).toEqual([]);
    expect(itemActions(item('APPLIED'), [], 'DECIDING', admin)).toEqual(['acceptance', 'decision']);
    expect(itemActions(item('APPLIED'), [], 'DECIDING', zoneOfficer)).toEqual([]);
  });

  it('does not offer 受理 while a prerequisite is not granted', () => {
    const a01 = item('APPLIED');
    const a02 = item('APPLIED', { itemCode: 'A02', name: '建设用地规划许可证', department: '自然资源和规划局', prerequisites: ['A01'] });
    const planner: Caller = { role: 'department-officer', department: '自然资源和规划局' };
    expect(itemActions(a02, [a01, a02], 'OPENED', planner)).toEqual(['decision']);
    expect(itemActions(a02, [{ ...a01, status: 'GRANTED' }, a02], 'OPENED', planner)).toEqual(['acceptance', 'decision']);
  });

  it('lets the applicant side apply once the procedure is chosen, and not before', () => {
    expect(itemActions(item('PENDING'), [], 'OPENED', enterprise)).toEqual(['application']);
    expect(itemActions(item('PENDING', { procedure: null, itemCode: 'C08', department: ZJJ }), [], 'NOTIFIED', enterprise)).toEqual([]);
    expect(itemActions(item('PENDING', { procedure: 'ordinary' }), [], 'DECIDING', agent)).toEqual(['application']);
    expect(itemActions(item('PENDING'), [], 'OPENED', fgj)).toEqual([]);
  });

  it('pauses and decides an accepted item, and resumes only the pauses the department started', () => {
    expect(itemActions(item('ACCEPTED'), [], 'DECIDING', fgj)).toEqual(['pause', 'decision']);
    expect(itemActions(item('PAUSED', { pauses: open('hearing') }), [], 'DECIDING', fgj)).toEqual(['resume']);
    expect(itemActions(item('PAUSED', { pauses: open('publicity') }), [], 'DECIDING', fgj)).toEqual([]);
  });

  it('during publicity takes only the applicant’s steps', () => {
    expect(itemActions(item('APPLIED'), [], 'IN_PUBLICITY', fgj)).toEqual([]);
    expect(itemActions(item('PENDING'), [], 'IN_PUBLICITY', enterprise)).toEqual(['application']);
    expect(itemActions(item('CORRECTIONS_REQUESTED', { pauses: open('corrections') }), [], 'IN_PUBLICITY', enterprise)).toEqual(['resubmit']);
  });

  it('has the enterprise resubmit after corrections, while the department may still reject', () => {
    const waiting = item('CORRECTIONS_REQUESTED', { pauses: open('corrections') });
    expect(itemActions(waiting, [], 'DECIDING', enterprise)).toEqual(['resubmit']);
    expect(itemActions(waiting, [], 'DECIDING', fgj)).toEqual(['decision']);
  });

  it('offers no decision on a committed item: it is granted with the 批复', () => {
    expect(itemActions(item('COMMITTED', { procedure: 'commitment' }), [], 'DECIDING', admin)).toEqual([]);
  });

  it('after the 批复: 容缺 documents by the applicant side, revocation of a commitment grant by a zone officer or the item’s department', () => {
    expect(itemActions(item('GRANTED_PENDING_DOCUMENTS'), [], 'GRANTED', enterprise)).toEqual(['documents-supplied']);
    const committed = item('GRANTED', { procedure: 'commitment', itemCode: 'C08', department: ZJJ });
    expect(itemActions(committed, [], 'GRANTED', zoneOfficer)).toEqual(['revocation']);
    expect(itemActions(committed, [], 'GRANTED', zjj)).toEqual(['revocation']);
    expect(itemActions(committed, [], 'GRANTED', fgj)).toEqual([]);
    expect(itemActions(committed, [], 'GRANTED', enterprise)).toEqual([]);
    expect(itemActions(item('GRANTED'), [], 'GRANTED', zoneOfficer)).toEqual([]); // approved, not committed
  });

  it('lets a revoked item be applied for again only in a reopened case', () => {
    const revoked = item('REVOKED', { procedure: 'commitment' });
    expect(itemActions(revoked, [], 'DECIDING', enterprise)).toEqual(['application']);
    expect(itemActions(revoked, [], 'GRANTED', enterprise)).toEqual([]);
  });

  it('gives read-only roles nothing', () => {
    for (const caller of [manager, province]) for (const status of ['APPLIED', 'ACCEPTED', 'GRANTED'] as ItemStatus[]) expect(itemActions(item(status, { procedure: 'commitment' }), [], 'DECIDING', caller)).toEqual([]);
  });
});
