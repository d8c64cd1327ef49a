import { chinaCalendar } from '@devzone/shared-kernel';
import { blacklistReason, type CreditRecord } from './credit-policy';
import { rag } from './deadlines';

const general = (patch: Partial<CreditRecord> = {}): CreditRecord => ({ severity: 'general', recordedOn: '2026-10-01', rectifyBy: null, rectifiedOn: null, ...patch });
const major = (rectifyBy: string, patch: Partial<CreditRecord> = {}): CreditRecord => ({ severity: 'major', recordedOn: '2026-10-01', rectifyBy, rectifiedOn: null, ...patch });
const policy = { generalRecordsToBlacklist: 3 };

describe('blacklist thresholds', () => {
  it('blacklists at the configured number of unrectified general records, not before', () => {
    expect(blacklistReason([general(), general()], policy, '2026-11-27')).toBeNull();
    expect(blacklistReason([general(), general(), general()], policy, '2026-11-27')?.zh).toMatch(/一般失信记录 3 条未整改/);
    expect(blacklistReason([general(), general()], { generalRecordsToBlacklist: 2 }, '2026-11-27')).not.toBeNull();
  });

  it('does not count rectified records', () => {
    expect(blacklistReason([general(), general(), general({ rectifiedOn: '2026-11-01' })], policy, '2026-11-27')).toBeNull();
  });

  it('blacklists a major record only once its rectification deadline has passed unrectified', () => {
    expect(blacklistReason([major('2026-11-27')], policy, '2026-11-27')).toBeNull(); // the last day to rectify
    expect(blacklistReason([major('2026-11-26')], policy, '2026-11-27')?.en).toBe('a major record unrectified past 2026-11-26');
    expect(blacklistReason([major('2026-11-26', { rectifiedOn: '2026-11-20' })], policy, '2026-11-27')).toBeNull();
  });
});

describe('red, amber, green', () => {
  it('is green with time to spare, amber within the threshold (counting working days), red once past due', () => {
    expect(rag(chinaCalendar, '2026-12-04', '2026-11-27', 2)).toEqual({ rag: 'green', workingDaysLeft: 5 });
    expect(rag(chinaCalendar, '2026-12-01', '2026-11-27', 2)).toEqual({ rag: 'amber', workingDaysLeft: 2 });
    expect(rag(chinaCalendar, '2026-11-27', '2026-11-27', 2)).toEqual({ rag: 'amber', workingDaysLeft: 0 });
    expect(rag(chinaCalendar, '2026-11-26', '2026-11-27', 2)).toEqual({ rag: 'red', workingDaysLeft: -1 });
  });

  it('counts the Spring Festival as no time at all', () => {
    // due 02-24 seen from 02-13: 02-14 (worked Saturday) and 02-24 are the only working days
    expect(rag(chinaCalendar, '2026-02-24', '2026-02-13', 2)).toEqual({ rag: 'amber', workingDaysLeft: 2 });
  });
});
